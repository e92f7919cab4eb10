// Scalar scanning: plain, single-quoted, double-quoted and block (`|`, `>`) scalars, with YAML's line
// folding. Each scanner leaves `pos` just after the scalar.

extension YAMLParser {
    /// A scalar, alias or flow collection starting at `pos` (the content of a block or flow node).
    mutating func parseInlineNode(parentIndent: Int, properties: Properties, flow: Bool) throws(YAMLError)
        -> YAMLNode
    {
        let start = pos
        switch peek() {
        case .asterisk:
            return try parseAlias(properties: properties)
        case .doubleQuote, .singleQuote:
            let bytes = try scanQuoted()
            return try resolvedNode(bytes, plain: false, at: start, properties: properties)
        case .leftBracket:
            return try parseFlowSequence(properties: properties)
        case .leftBrace:
            return try parseFlowMapping(properties: properties)
        case .pipe, .greater:
            guard !flow else {
                throw syntax("block scalars ('|' or '>') cannot appear inside '[...]' or '{...}'", at: pos)
            }
            let bytes = try scanBlockScalar(parentIndent: parentIndent)
            return try resolvedNode(bytes, plain: false, at: start, properties: properties)
        default:
            guard isPlainStart(flow: flow) else {
                let character = string(pos, min(pos + 1, text.count))
                throw syntax(
                    "found character '\(character)' that cannot start a value; quote the value", at: pos)
            }
            let bytes = scanPlain(parentIndent: parentIndent, flow: flow, singleLine: false)
            if properties.tag == nil, bytes == [.less, .less] {
                throw syntax("'<<' is a merge key and cannot be a value; quote it to mean the text '<<'", at: start)
            }
            return try plainNode(bytes, at: start, properties: properties)
        }
    }

    /// Whether a plain scalar may start at `pos` (indicator characters may start one only when followed
    /// by a non-blank, like `-1` or `:x`).
    func isPlainStart(flow: Bool) -> Bool {
        let current = peek()
        switch current {
        case 0, .space, .tab, .lf: return false
        case .hyphen:
            return !peek(1).isBlankOrEnd
        case .question, .colon:
            return !flow && !peek(1).isBlankOrEnd
        case .comma, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .hash, .ampersand, .asterisk,
            .exclamation, .pipe, .greater, .singleQuote, .doubleQuote, .percent, .at, .backtick:
            return false
        default:
            return true
        }
    }

    /// A plain scalar. Continuation lines (block context: indented deeper than `parentIndent`) fold: one
    /// line break becomes a space, n+1 breaks become n newlines. Stops at `: `, ` #`, a document marker,
    /// and in flow context at `,[]{}?`.
    mutating func scanPlain(parentIndent: Int, flow: Bool, singleLine: Bool) -> [UInt8] {
        var result: [UInt8] = []
        var end = pos
        var pendingFold: (breaks: Int, spaces: Range<Int>?)? = nil
        while true {
            let runStart = pos
            scanRun: while true {
                let current = peek()
                switch current {
                case 0, .lf, .space, .tab:
                    break scanRun
                case .colon:
                    let next = peek(1)
                    if next.isBlankOrEnd || (flow && next.isFlowIndicator) { break scanRun }
                case .comma, .leftBracket, .rightBracket, .leftBrace, .rightBrace, .question:
                    if flow { break scanRun }
                default:
                    break
                }
                pos += 1
            }
            if pos == runStart { break }
            if let fold = pendingFold {
                if let spaces = fold.spaces {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: text[spaces]))
                } else if fold.breaks == 1 {
                    result.append(.space)
                } else {
                    result.append(contentsOf: repeatElement(UInt8.lf, count: fold.breaks - 1))
                }
                pendingFold = nil
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<pos]))
            end = pos
            let spaceStart = pos
            while peek() == .space { pos += 1 }
            if peek() == .hash { break }
            if peek() == .lf, !singleLine {
                var breaks = 0
                var lookahead = pos
                var stop = false
                while byte(at: lookahead) == .lf {
                    breaks += 1
                    lookahead += 1
                    if isDocumentMarker(at: lookahead) {
                        stop = true
                        break
                    }
                    while byte(at: lookahead) == .space { lookahead += 1 }
                }
                let next = byte(at: lookahead)
                if stop || next == 0 || next == .hash || next == .tab { break }
                if !flow, indentColumn(of: lookahead) <= parentIndent { break }
                pendingFold = (breaks, nil)
                pos = lookahead
                continue
            }
            if pos > spaceStart {
                pendingFold = (0, spaceStart..<pos)
                continue
            }
            break
        }
        pos = end
        return result
    }

    /// A single- or double-quoted scalar, with escapes (double) or `''` (single), and line folding.
    mutating func scanQuoted() throws(YAMLError) -> [UInt8] {
        let start = pos
        let quote = peek()
        let double = quote == .doubleQuote
        pos += 1
        var result: [UInt8] = []
        while true {
            let runStart = pos
            while true {
                let current = peek()
                if current == quote || current == 0 || current == .space || current == .tab || current == .lf
                    || (double && current == .backslash)
                {
                    break
                }
                pos += 1
            }
            if pos > runStart { result.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<pos])) }
            switch peek() {
            case 0:
                throw .unterminatedScalar(quote: double ? "\"" : "'", at: mark(start))
            case quote:
                if !double, peek(1) == .singleQuote {
                    result.append(.singleQuote)
                    pos += 2
                    continue
                }
                pos += 1
                return result
            case .backslash:
                try scanEscape(into: &result, scalarStart: start)
            default:
                let spaceStart = pos
                while peek() == .space || peek() == .tab { pos += 1 }
                if peek() == .lf {
                    pos += 1
                    let breaks = try skipQuotedBreaks(scalarStart: start, quote: quote)
                    if breaks == 0 {
                        result.append(.space)
                    } else {
                        result.append(contentsOf: repeatElement(UInt8.lf, count: breaks))
                    }
                } else if peek() != 0 {
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: text[spaceStart..<pos]))
                }
            }
        }
    }

    /// After a line break inside a quoted scalar: skips indentation and counts further empty lines.
    mutating func skipQuotedBreaks(scalarStart: Int, quote: UInt8) throws(YAMLError) -> Int {
        var breaks = 0
        while true {
            if isDocumentMarker(at: pos) {
                throw .unterminatedScalar(quote: quote == .doubleQuote ? "\"" : "'", at: mark(scalarStart))
            }
            while peek() == .space || peek() == .tab { pos += 1 }
            guard peek() == .lf else { return breaks }
            breaks += 1
            pos += 1
        }
    }

    mutating func scanEscape(into result: inout [UInt8], scalarStart: Int) throws(YAMLError) {
        let start = pos
        let code = peek(1)
        pos += 2
        let simple: UInt8?
        switch code {
        case .digit0: simple = 0x00
        case .lowerA: simple = 0x07
        case .lowerB: simple = 0x08
        case .lowerT, .tab: simple = 0x09
        case .lowerN: simple = 0x0A
        case .lowerV: simple = 0x0B
        case .lowerF: simple = 0x0C
        case .lowerR: simple = 0x0D
        case .lowerE: simple = 0x1B
        case .space: simple = 0x20
        case .doubleQuote: simple = .doubleQuote
        case .slash: simple = .slash
        case .backslash: simple = .backslash
        default: simple = nil
        }
        if let simple {
            result.append(simple)
            return
        }
        switch code {
        case .upperN: appendScalar(0x85, to: &result)
        case .underscore: appendScalar(0xA0, to: &result)
        case .upperL: appendScalar(0x2028, to: &result)
        case .upperP: appendScalar(0x2029, to: &result)
        case .lowerX, .lowerU, .upperU:
            let length = code == .lowerX ? 2 : code == .lowerU ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<length {
                guard let digit = peek().hexValue else {
                    throw .invalidEscape(sequence: string(start, min(pos + 1, text.count)), at: mark(start))
                }
                value = value << 4 | UInt32(digit)
                pos += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw .invalidEscape(sequence: string(start, pos), at: mark(start))
            }
            appendScalar(scalar.value, to: &result)
        case .lf:
            let breaks = try skipQuotedBreaks(scalarStart: scalarStart, quote: .doubleQuote)
            result.append(contentsOf: repeatElement(UInt8.lf, count: breaks))
        case 0:
            throw .unterminatedScalar(quote: "\"", at: mark(scalarStart))
        default:
            pos = start + 1
            let end = pos + (code < 0x80 ? 1 : code < 0xE0 ? 2 : code < 0xF0 ? 3 : 4)
            throw .invalidEscape(sequence: string(start, min(end, text.count)), at: mark(start))
        }
    }

    func appendScalar(_ value: UInt32, to result: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        result.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// A `|` (literal) or `>` (folded) block scalar with optional chomping (`-`, `+`) and indentation
    /// (1-9) indicators. The content indentation is the indicator's value above the enclosing collection's,
    /// or else that of the first non-empty line (at least one more than the enclosing collection's).
    mutating func scanBlockScalar(parentIndent: Int) throws(YAMLError) -> [UInt8] {
        let folded = peek() == .greater
        pos += 1
        var chomping = 0
        var increment: Int? = nil
        for _ in 0..<2 {
            let current = peek()
            if (current == .plus || current == .hyphen) && chomping == 0 {
                chomping = current == .plus ? 1 : -1
                pos += 1
            } else if current >= .digit0 && current <= .digit9 && increment == nil {
                guard current != .digit0 else {
                    throw syntax("block scalar indentation indicator must be 1-9, not 0", at: pos)
                }
                increment = Int(current - .digit0)
                pos += 1
            }
        }
        guard peek().isBlankOrEnd else {
            throw syntax(
                "expected a chomping ('-' or '+') or indentation (1-9) indicator after '\(folded ? ">" : "|")'", at: pos
            )
        }
        try skipSpaces()
        if peek() == .hash { skipComment() }
        guard peek() == .lf || peek() == 0 else {
            throw syntax(
                "unexpected text after the block scalar indicator; the content starts on the next line", at: pos)
        }
        if peek() == .lf { pos += 1 }

        var lineStart = pos
        var column: Int { pos - lineStart }
        let minimumIndent = max(parentIndent + 1, 1)
        var indent: Int
        var breaks = 0
        if let increment {
            indent = minimumIndent + increment - 1
            skipBlockIndentation(upTo: indent, breaks: &breaks, lineStart: &lineStart)
        } else {
            var deepest = 0
            while peek() == .space || peek() == .lf {
                if peek() == .lf {
                    breaks += 1
                    pos += 1
                    lineStart = pos
                } else {
                    pos += 1
                    deepest = max(deepest, pos - lineStart)
                }
            }
            indent = max(minimumIndent, deepest)
        }

        var result: [UInt8] = []
        var lastBreak = false
        while pos - lineStart == indent, peek() != 0 {
            result.append(contentsOf: repeatElement(UInt8.lf, count: breaks))
            let leadingNonSpace = peek() != .space && peek() != .tab
            let contentStart = pos
            while peek() != .lf, peek() != 0 { pos += 1 }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[contentStart..<pos]))
            lastBreak = peek() == .lf
            if lastBreak {
                pos += 1
                lineStart = pos
            }
            breaks = 0
            skipBlockIndentation(upTo: indent, breaks: &breaks, lineStart: &lineStart)
            guard pos - lineStart == indent, peek() != 0 else { break }
            if folded, lastBreak, leadingNonSpace, peek() != .space, peek() != .tab {
                if breaks == 0 { result.append(.space) }
            } else if lastBreak {
                result.append(.lf)
            }
        }
        if chomping != -1, lastBreak { result.append(.lf) }
        if chomping == 1 { result.append(contentsOf: repeatElement(UInt8.lf, count: breaks)) }
        return result
    }

    /// Skips up to `indent` spaces of each following line, counting the empty lines passed.
    mutating func skipBlockIndentation(upTo indent: Int, breaks: inout Int, lineStart: inout Int) {
        while pos - lineStart < indent, peek() == .space { pos += 1 }
        while peek() == .lf {
            breaks += 1
            pos += 1
            lineStart = pos
            while pos - lineStart < indent, peek() == .space { pos += 1 }
        }
    }
}
