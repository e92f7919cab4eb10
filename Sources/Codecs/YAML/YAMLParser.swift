/// The recursive-descent reader behind ``YAMLDocument``: works on the UTF-8 bytes of the text (line
/// breaks already normalised to LF), so every step is a byte comparison and no `Character` is ever built.
///
/// Block structure follows YAML 1.1 as PyYAML reads it: a collection's indentation is the column of its
/// first key or `-`, plain scalars continue on lines indented deeper than the enclosing collection, and
/// a mapping value may be a sequence at the mapping's own indentation.
struct YAMLParser {
    let text: UnsafeBufferPointer<UInt8>
    let fileName: String?
    let lineStarts: [Int]
    var pos = 0
    var anchors: [String: Anchor] = [:]
    /// Nodes built so far, aliases counted with the size of what they repeat (bounds alias bombs).
    var nodeCount = 0
    /// The last node mark computed: nodes are marked in (nearly) increasing order, so counting columns
    /// onwards from here keeps marking linear even on one very long line.
    var markCache = (line: 0, offset: 0, column: 1)

    static let nodeLimit = 1_000_000
    /// Nesting bound: the reader is recursive, and a hostile `[[[[...` must end in an error, not a stack
    /// overflow. Configuration files nest a dozen levels at most.
    static let depthLimit = 200
    var depth = 0

    enum Anchor {
        case pending(definedAt: Int)
        case done(YAMLNode, weight: Int, definedAt: Int)

        var definedAt: Int {
            switch self {
            case .pending(let offset), .done(_, _, let offset): return offset
            }
        }
    }

    enum Tag: Equatable {
        case str, int, float, bool, null, map, seq
        /// `!`: the scalar is resolved as if it were plain, even when quoted (PyYAML's reading).
        case nonSpecific

        var name: String {
            switch self {
            case .str: return "!!str"
            case .int: return "!!int"
            case .float: return "!!float"
            case .bool: return "!!bool"
            case .null: return "!!null"
            case .map: return "!!map"
            case .seq: return "!!seq"
            case .nonSpecific: return "!"
            }
        }
    }

    /// Anchor and tag written before a node.
    struct Properties {
        var anchor: String?
        var tag: Tag?
        var start: Int?
        var anchorStart = 0
        var countAtStart = 0

        var isEmpty: Bool { anchor == nil && tag == nil }
    }

    init(text: UnsafeBufferPointer<UInt8>, fileName: String?) {
        self.text = text
        self.fileName = fileName
        var starts = [0]
        for index in text.indices where text[index] == .lf { starts.append(index + 1) }
        lineStarts = starts
    }

    // MARK: Bytes and positions

    @inline(__always) func peek(_ offset: Int = 0) -> UInt8 {
        let index = pos + offset
        return index < text.count ? text[index] : 0
    }

    @inline(__always) func byte(at index: Int) -> UInt8 { index < text.count ? text[index] : 0 }

    func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Byte distance from the start of the line; equals the column for the ASCII indentation we compare.
    func indentColumn(of offset: Int) -> Int { offset - lineStarts[lineIndex(of: offset)] }

    func mark(_ offset: Int) -> YAMLMark {
        let line = lineIndex(of: offset)
        var column = 1
        var index = lineStarts[line]
        let end = min(offset, text.count)
        while index < end {
            if text[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return YAMLMark(fileName: fileName, line: line + 1, column: column)
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// The mark of a node starting at `offset` (cached; see `markCache`).
    mutating func nodeMark(_ offset: Int) -> YAMLMark {
        let line = lineIndex(of: offset)
        var index = lineStarts[line]
        var column = 1
        if line == markCache.line, offset >= markCache.offset {
            index = markCache.offset
            column = markCache.column
        }
        let end = min(offset, text.count)
        while index < end {
            if text[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        markCache = (line, offset, column)
        return YAMLMark(fileName: fileName, line: line + 1, column: column)
    }

    mutating func enterNested() throws(YAMLError) {
        depth += 1
        if depth > Self.depthLimit { throw .nestingTooDeep(limit: Self.depthLimit, at: mark(pos)) }
    }

    func syntax(_ message: String, at offset: Int) -> YAMLError { .syntax(message: message, at: mark(offset)) }

    /// Whether `offset` starts a line holding `---` or `...` followed by a blank or the end.
    func isDocumentMarker(at offset: Int) -> Bool {
        guard offset == 0 || byte(at: offset - 1) == .lf else { return false }
        let first = byte(at: offset)
        guard first == .hyphen || first == .period else { return false }
        return byte(at: offset + 1) == first && byte(at: offset + 2) == first && byte(at: offset + 3).isBlankOrEnd
    }

    func isSequenceEntry(at offset: Int) -> Bool {
        byte(at: offset) == .hyphen && byte(at: offset + 1).isBlankOrEnd
    }

    /// Skips spaces on the current line; a tab there is an error (PyYAML refuses tabs outside scalars).
    mutating func skipSpaces() throws(YAMLError) {
        while true {
            switch peek() {
            case .space: pos += 1
            case .tab: throw .tab(at: mark(pos))
            default: return
            }
        }
    }

    /// Skips spaces, comments and line breaks up to the next content; false at the end of the text.
    mutating func skipToContent() throws(YAMLError) -> Bool {
        while true {
            switch peek() {
            case .space, .lf: pos += 1
            case .tab: throw .tab(at: mark(pos))
            case .hash: skipComment()
            case 0: return false
            default: return true
            }
        }
    }

    mutating func skipComment() {
        while pos < text.count, text[pos] != .lf { pos += 1 }
    }

    /// After a node on its line: only spaces and a comment may follow, then the line break.
    mutating func finishLine(after node: YAMLNode) throws(YAMLError) {
        try skipSpaces()
        switch peek() {
        case .hash: skipComment()
        case .lf, 0: break
        case .colon where peek(1).isBlankOrEnd:
            if !node.value.isScalar { throw .nonScalarKey(at: node.mark) }
            throw syntax(
                "mapping values are not allowed here; a key must fit on one line and a value that is itself "
                    + "a mapping must start on the next line, indented", at: pos)
        default:
            throw syntax("unexpected text after the value; quote the whole value or start a comment with ' #'", at: pos)
        }
        if peek() == .lf { pos += 1 }
    }

    // MARK: Stream and documents

    /// Every document of the stream with the offset where it starts.
    mutating func parseStream() throws(YAMLError) -> [(node: YAMLNode, start: Int)] {
        var documents: [(node: YAMLNode, start: Int)] = []
        var afterEndMarker = false
        while try skipToContent() {
            let start = pos
            var explicit = false
            if peek() == .percent, indentColumn(of: pos) == 0 {
                guard documents.isEmpty || afterEndMarker else {
                    throw syntax("a directive must come before '---' at the start of a document", at: pos)
                }
                try skipDirectives()
                guard isDocumentMarker(at: pos), peek() == .hyphen else {
                    throw syntax("expected '---' after the directives", at: pos)
                }
            }
            if isDocumentMarker(at: pos) {
                if peek() == .period {
                    guard !documents.isEmpty else {
                        throw syntax("document end marker '...' without a document before it", at: pos)
                    }
                    pos += 3
                    try finishMarkerLine()
                    afterEndMarker = true
                    continue
                }
                pos += 3
                explicit = true
            } else if afterEndMarker {
                throw syntax("expected '---' to start the next document after '...'", at: pos)
            }
            // Anchors belong to one document.
            anchors = [:]
            let node = try parseBlockNode(parentIndent: -1, compact: !explicit, indentlessAllowed: false)
            documents.append((node, start))
            afterEndMarker = false
            guard try skipToContent() else { break }
            guard isDocumentMarker(at: pos) else {
                throw syntax(
                    "unexpected content after the end of the document; check the indentation of this line", at: pos)
            }
        }
        return documents
    }

    /// `%YAML 1.x` is accepted, `%TAG` refused, other (reserved) directives ignored, as PyYAML does.
    mutating func skipDirectives() throws(YAMLError) {
        while peek() == .percent, indentColumn(of: pos) == 0 {
            let start = pos
            pos += 1
            let nameStart = pos
            while peek().isAnchorCharacter { pos += 1 }
            guard pos > nameStart, peek().isBlankOrEnd else {
                throw syntax("expected a directive name of letters and digits after '%'", at: pos)
            }
            let name = string(nameStart, pos)
            if name == "TAG" { throw .unsupported(feature: "the %TAG directive", at: mark(start)) }
            if name == "YAML" {
                while peek() == .space { pos += 1 }
                let versionStart = pos
                while !peek().isBlankOrEnd { pos += 1 }
                let version = string(versionStart, pos).split(separator: ".", omittingEmptySubsequences: false)
                guard version.count == 2, version.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                    throw syntax("expected a version like 1.1 after %YAML", at: versionStart)
                }
                guard version[0] == "1" else {
                    throw syntax(
                        "YAML version \(version.joined(separator: ".")) is not supported; version 1.x is required",
                        at: versionStart)
                }
            }
            skipComment()
            guard try skipToContent() else { return }
        }
    }

    /// The rest of a `...` line may hold only a comment.
    mutating func finishMarkerLine() throws(YAMLError) {
        try skipSpaces()
        if peek() == .hash { skipComment() }
        guard peek() == .lf || peek() == 0 else {
            throw syntax("unexpected text after the document marker", at: pos)
        }
    }

    // MARK: Block nodes

    /// A node that follows an indicator on the current line (`---`, `- `, `key:`), or on the lines below it.
    /// `compact` allows a block collection to start on the indicator's line (`- key: value`, `- - a`).
    mutating func parseBlockNode(parentIndent: Int, compact: Bool, indentlessAllowed: Bool) throws(YAMLError)
        -> YAMLNode
    {
        try enterNested()
        defer { depth -= 1 }
        try skipSpaces()
        let nodeStart = pos
        var properties = try parseProperties()
        guard peek() == .lf || peek() == 0 || peek() == .hash else {
            return try parseBlockContent(
                parentIndent: parentIndent, column: indentColumn(of: nodeStart), properties: Properties(),
                lineProperties: properties, allowsCollection: compact)
        }
        // The content starts on a later line; properties may also stand on lines of their own.
        while true {
            guard try skipToContent(), !isDocumentMarker(at: pos) else {
                return try emptyNode(properties, at: nodeStart)
            }
            let column = indentColumn(of: pos)
            if column > parentIndent {
                let lineProperties = try parseProperties()
                if !lineProperties.isEmpty, peek() == .lf || peek() == 0 || peek() == .hash {
                    properties = try merged(properties, lineProperties)
                    continue
                }
                return try parseBlockContent(
                    parentIndent: parentIndent, column: column, properties: properties,
                    lineProperties: lineProperties, allowsCollection: true)
            }
            if column == parentIndent, indentlessAllowed, isSequenceEntry(at: pos) {
                return try parseBlockSequence(indent: column, properties: properties)
            }
            return try emptyNode(properties, at: nodeStart)
        }
    }

    /// The node whose content starts at `pos`, in column `column` (where `lineProperties` begin, if any).
    /// `properties` come from an earlier line and belong to the node; `lineProperties` stand before the
    /// content on its own line and belong, as in PyYAML, to the first key when the content is a mapping.
    mutating func parseBlockContent(
        parentIndent: Int, column: Int, properties: Properties, lineProperties: Properties, allowsCollection: Bool
    ) throws(YAMLError) -> YAMLNode {
        if isSequenceEntry(at: pos) {
            guard allowsCollection else {
                throw syntax(
                    "sequence entries are not allowed here; start the '- ' list on the next line, indented", at: pos)
            }
            return try parseBlockSequence(
                indent: indentColumn(of: pos), properties: merged(properties, lineProperties))
        }
        if peek() == .question, peek(1).isBlankOrEnd {
            guard allowsCollection else {
                throw syntax("an explicit '? ' key is not allowed here; start the mapping on the next line", at: pos)
            }
            return try parseBlockMapping(
                indent: indentColumn(of: pos), properties: merged(properties, lineProperties),
                firstKeyProperties: Properties())
        }
        if let colon = implicitKeyColon() {
            guard allowsCollection else {
                throw syntax(
                    "mapping values are not allowed here; a value that is itself a mapping must start on the next "
                        + "line, indented", at: colon)
            }
            return try parseBlockMapping(indent: column, properties: properties, firstKeyProperties: lineProperties)
        }
        // A block scalar consumes its own lines, up to the first line indented less than its content.
        let isBlockScalar = peek() == .pipe || peek() == .greater
        let node = try parseInlineNode(
            parentIndent: parentIndent, properties: merged(properties, lineProperties), flow: false)
        if !isBlockScalar { try finishLine(after: node) }
        return node
    }

    /// Properties written in two places for one node (`key: &a` then `!!map` on the next line).
    func merged(_ first: Properties, _ second: Properties) throws(YAMLError) -> Properties {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        if first.anchor != nil && second.anchor != nil || first.tag != nil && second.tag != nil {
            throw syntax("a node can have only one anchor and one tag", at: second.start ?? pos)
        }
        var result = first
        if second.anchor != nil {
            result.anchor = second.anchor
            result.anchorStart = second.anchorStart
            result.countAtStart = second.countAtStart
        }
        if second.tag != nil { result.tag = second.tag }
        return result
    }

    mutating func parseBlockSequence(indent: Int, properties: Properties) throws(YAMLError) -> YAMLNode {
        let startMark = nodeMark(properties.start ?? pos)
        var items: [YAMLNode] = []
        while true {
            pos += 1
            items.append(try parseBlockNode(parentIndent: indent, compact: true, indentlessAllowed: false))
            guard try skipToContent(), !isDocumentMarker(at: pos) else { break }
            let column = indentColumn(of: pos)
            if column < indent { break }
            if column > indent {
                throw .badIndentation(
                    detail: "this line is indented deeper than the '- ' entries above it (column \(indent + 1))",
                    at: mark(pos))
            }
            guard isSequenceEntry(at: pos) else { break }
        }
        return try collectionNode(.sequence(items), mark: startMark, properties: properties)
    }

    mutating func parseBlockMapping(indent: Int, properties: Properties, firstKeyProperties: Properties)
        throws(YAMLError) -> YAMLNode
    {
        let startMark = nodeMark(properties.start ?? firstKeyProperties.start ?? pos)
        var builder = MappingBuilder()
        var keyProperties = firstKeyProperties
        entries: while true {
            if peek() == .question, peek(1).isBlankOrEnd {
                guard keyProperties.isEmpty else {
                    throw syntax("an anchor or tag cannot stand before '? '; put it after the '?'", at: pos)
                }
                // `? key` then, at the same indentation, an optional `: value`; both may span lines.
                pos += 1
                let key = try parseBlockNode(parentIndent: indent, compact: true, indentlessAllowed: true)
                let value: YAMLNode
                if try skipToContent(), !isDocumentMarker(at: pos), indentColumn(of: pos) == indent,
                    peek() == .colon, peek(1).isBlankOrEnd
                {
                    pos += 1
                    value = try parseBlockNode(parentIndent: indent, compact: true, indentlessAllowed: true)
                } else {
                    value = try emptyNode(Properties(), at: pos)
                }
                try builder.add(key: key, value: value, isMerge: false)
            } else {
                let keyStart = pos
                let key = try parseImplicitKey(properties: keyProperties)
                try skipSpaces()
                guard peek() == .colon, peek(1).isBlankOrEnd else {
                    throw syntax(
                        "expected 'key: value' here (a ':' followed by a space after the key); check the indentation",
                        at: keyStart)
                }
                pos += 1
                let value = try parseBlockNode(parentIndent: indent, compact: false, indentlessAllowed: true)
                try builder.add(key: key.node, value: value, isMerge: key.isMerge)
            }
            guard try skipToContent(), !isDocumentMarker(at: pos) else { break }
            let column = indentColumn(of: pos)
            if column < indent { break }
            if column > indent {
                throw .badIndentation(
                    detail: "this line is indented deeper than the mapping keys above it (column \(indent + 1))",
                    at: mark(pos))
            }
            if isSequenceEntry(at: pos) {
                throw syntax(
                    "a '- ' entry cannot follow mapping keys at the same indentation; indent the list under its key",
                    at: pos)
            }
            keyProperties = try parseProperties()
        }
        return try collectionNode(.mapping(builder.build()), mark: startMark, properties: properties)
    }

    /// A key of a block mapping: a scalar or alias on one line, followed by `:`.
    mutating func parseImplicitKey(properties: Properties) throws(YAMLError) -> (node: YAMLNode, isMerge: Bool) {
        let start = pos
        switch peek() {
        case .asterisk, .doubleQuote, .singleQuote, .leftBracket, .leftBrace:
            let node = try parseInlineNode(parentIndent: -1, properties: properties, flow: false)
            return (node, false)
        default:
            guard isPlainStart(flow: false) else {
                throw syntax("expected a mapping key, found '\(string(pos, min(pos + 1, text.count)))'", at: pos)
            }
            let bytes = scanPlain(parentIndent: -1, flow: false, singleLine: true)
            if properties.tag == nil, bytes == [.less, .less] {
                let node = try scalarNode(.string("<<"), at: start, properties: properties)
                return (node, true)
            }
            if properties.tag == nil, bytes == [.equals] {
                return (try scalarNode(.string("="), at: start, properties: properties), false)
            }
            return (try plainNode(bytes, at: start, properties: properties), false)
        }
    }

    /// The offset of the `:` when the current line starts a `key: value` pair (with a single-line key).
    func implicitKeyColon() -> Int? {
        var index = pos
        switch byte(at: index) {
        case .asterisk:
            index += 1
            while byte(at: index).isAnchorCharacter { index += 1 }
        case .doubleQuote, .singleQuote:
            let quote = byte(at: index)
            index += 1
            while true {
                let current = byte(at: index)
                if current == 0 || current == .lf { return nil }
                if quote == .doubleQuote, current == .backslash {
                    index += 2
                    continue
                }
                if current == quote {
                    if quote == .singleQuote, byte(at: index + 1) == .singleQuote {
                        index += 2
                        continue
                    }
                    index += 1
                    break
                }
                index += 1
            }
        case .leftBracket, .leftBrace, .pipe, .greater, .hash, .ampersand, .exclamation, .percent, .at,
            .backtick, 0, .lf:
            return nil
        default:
            while true {
                let current = byte(at: index)
                if current == 0 || current == .lf || current == .tab { return nil }
                if current == .colon, byte(at: index + 1).isBlankOrEnd { return index }
                if current == .space, byte(at: index + 1) == .hash { return nil }
                index += 1
            }
        }
        while byte(at: index) == .space { index += 1 }
        return byte(at: index) == .colon && byte(at: index + 1).isBlankOrEnd ? index : nil
    }

    // MARK: Properties, aliases and node construction

    /// Reads `&anchor` and `!!tag` (in either order), each followed by spaces.
    mutating func parseProperties() throws(YAMLError) -> Properties {
        var properties = Properties()
        while true {
            switch peek() {
            case .ampersand where properties.anchor == nil:
                if properties.start == nil { properties.start = pos }
                let start = pos
                pos += 1
                let name = try scanAnchorName(start: start)
                if let existing = anchors[name] {
                    throw .duplicateAnchor(name: name, at: mark(start), firstAt: mark(existing.definedAt))
                }
                properties.anchor = name
                properties.anchorStart = start
                properties.countAtStart = nodeCount
                anchors[name] = .pending(definedAt: start)
            case .exclamation where properties.tag == nil:
                if properties.start == nil { properties.start = pos }
                properties.tag = try scanTag()
            default:
                return properties
            }
            try skipSpaces()
        }
    }

    mutating func scanAnchorName(start: Int) throws(YAMLError) -> String {
        let nameStart = pos
        while peek().isAnchorCharacter { pos += 1 }
        guard pos > nameStart else {
            throw syntax(
                "expected an anchor or alias name (letters, digits, '-' or '_') after '\(string(start, start + 1))'",
                at: pos)
        }
        switch peek() {
        case 0, .space, .tab, .lf, .comma, .rightBracket, .rightBrace, .colon: break
        default:
            throw syntax("invalid character in anchor or alias name; use only letters, digits, '-' and '_'", at: pos)
        }
        return string(nameStart, pos)
    }

    mutating func scanTag() throws(YAMLError) -> Tag {
        let start = pos
        if peek(1) == .less {
            while !peek().isBlankOrEnd, peek() != .greater { pos += 1 }
            if peek() == .greater { pos += 1 }
        } else {
            // Tag characters are URI characters, which include `,[]`; PyYAML reads them into the tag too.
            while !peek().isBlankOrEnd { pos += 1 }
        }
        let tag = string(start, pos)
        switch tag {
        case "!!str", "!<tag:yaml.org,2002:str>": return .str
        case "!!int", "!<tag:yaml.org,2002:int>": return .int
        case "!!float", "!<tag:yaml.org,2002:float>": return .float
        case "!!bool", "!<tag:yaml.org,2002:bool>": return .bool
        case "!!null", "!<tag:yaml.org,2002:null>": return .null
        case "!!map", "!<tag:yaml.org,2002:map>": return .map
        case "!!seq", "!<tag:yaml.org,2002:seq>": return .seq
        case "!": return .nonSpecific
        default: throw .unknownTag(tag: tag, at: mark(start))
        }
    }

    mutating func parseAlias(properties: Properties) throws(YAMLError) -> YAMLNode {
        let start = pos
        guard properties.isEmpty else {
            throw syntax("an alias cannot have an anchor or a tag of its own", at: start)
        }
        pos += 1
        let name = try scanAnchorName(start: start)
        switch anchors[name] {
        case nil: throw .undefinedAlias(name: name, at: mark(start))
        case .pending: throw .recursiveAlias(name: name, at: mark(start))
        case .done(let node, let weight, _):
            nodeCount += weight
            guard nodeCount <= Self.nodeLimit else {
                throw .aliasExpansionTooLarge(limit: Self.nodeLimit, at: mark(start))
            }
            return YAMLNode(node.value, mark: nodeMark(start))
        }
    }

    /// A node with no content (`key:` with nothing below it): null, or "" under `!!str`.
    mutating func emptyNode(_ properties: Properties, at offset: Int) throws(YAMLError) -> YAMLNode {
        if properties.tag == .map || properties.tag == .seq {
            let value: YAMLValue = properties.tag == .map ? .mapping(YAMLMapping()) : .sequence([])
            return try collectionNode(value, mark: nodeMark(properties.start ?? offset), properties: properties)
        }
        return try plainNode([], at: offset, properties: properties)
    }

    mutating func plainNode(_ bytes: [UInt8], at offset: Int, properties: Properties) throws(YAMLError) -> YAMLNode {
        try resolvedNode(bytes, plain: true, at: offset, properties: properties)
    }

    /// A scalar resolved from its text: plain scalars by the YAML 1.1 rules, quoted and block scalars as
    /// strings, either overridden by an explicit tag.
    mutating func resolvedNode(_ bytes: [UInt8], plain: Bool, at offset: Int, properties: Properties)
        throws(YAMLError) -> YAMLNode
    {
        let value: YAMLValue
        do {
            value = try YAMLScalarResolver.resolve(bytes, plain: plain, tag: properties.tag)
        } catch {
            throw error.yamlError(at: mark(offset))
        }
        return try scalarNode(value, at: properties.start ?? offset, properties: properties)
    }

    mutating func scalarNode(_ value: YAMLValue, at offset: Int, properties: Properties) throws(YAMLError) -> YAMLNode {
        try finish(YAMLNode(value, mark: nodeMark(offset)), properties: properties)
    }

    /// A finished sequence or mapping; `mark` was taken where it started (before its children, so
    /// marks are computed in increasing order).
    mutating func collectionNode(_ value: YAMLValue, mark: YAMLMark, properties: Properties) throws(YAMLError)
        -> YAMLNode
    {
        switch (value, properties.tag) {
        case (_, nil), (.sequence, .seq), (.mapping, .map), (_, .nonSpecific): break
        case (_, let tag?):
            throw .invalidTaggedValue(
                tag: tag.name, text: value.array != nil ? "a sequence" : "a mapping", at: mark)
        }
        return try finish(YAMLNode(value, mark: mark), properties: properties)
    }

    mutating func finish(_ node: YAMLNode, properties: Properties) throws(YAMLError) -> YAMLNode {
        nodeCount += 1
        guard nodeCount <= Self.nodeLimit else {
            throw .aliasExpansionTooLarge(limit: Self.nodeLimit, at: node.mark)
        }
        if let anchor = properties.anchor {
            anchors[anchor] = .done(
                node, weight: nodeCount - properties.countAtStart, definedAt: properties.anchorStart)
        }
        return node
    }
}
