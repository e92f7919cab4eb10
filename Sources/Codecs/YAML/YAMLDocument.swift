/// Reads YAML text: configuration files in the subset real configs use, with scalars resolved as
/// PyYAML's `yaml.safe_load` resolves them (YAML 1.1: `yes`/`on` are true, `0755` is octal, `1:30` is
/// 90; timestamps stay strings). Block and flow collections, all scalar styles, anchors, aliases, `<<`
/// merges, `? ` keys, `---`/`...` streams and the `!!str !!int !!float !!bool !!null !!map !!seq` tags
/// are supported; tests compare every reading with PyYAML's.
///
/// Where we deliberately differ from PyYAML, the text is refused with a ``YAMLError`` rather than read
/// differently: duplicate keys (PyYAML keeps the last), integers beyond `Int64`, other tags and `%TAG`,
/// the raw line-break characters U+0085/U+2028/U+2029, `\uD800`-style surrogate escapes, and nesting
/// deeper than 200 levels.
///
/// ```swift
/// let root = try YAMLDocument.parse(text, fileName: "config/core.yaml")
/// let path = ["environments", "binance_paper", "exchange"]
/// root.node(at: path)?.string            // "binance_spot"
/// root.keyNode(at: path)?.mark.description // "config/core.yaml:296:5", for "file:line: key" messages
/// ```
public enum YAMLDocument {
    /// The single document of `text` (null for an empty text). A stream of several `---` documents is
    /// an error here; read it with ``parseAll(_:fileName:)``.
    public static func parse(_ text: String, fileName: String? = nil) throws(YAMLError) -> YAMLNode {
        let documents = try read(Array(text.utf8), fileName: fileName)
        if documents.count > 1 { throw .multipleDocuments(at: documents[1].start) }
        return documents.first?.node ?? YAMLNode(.null, mark: YAMLMark(fileName: fileName, line: 1, column: 1))
    }

    /// Every document of a `---`-separated stream, in order (empty for an empty text).
    public static func parseAll(_ text: String, fileName: String? = nil) throws(YAMLError) -> [YAMLNode] {
        try read(Array(text.utf8), fileName: fileName).map(\.node)
    }

    /// The single document of UTF-8 `bytes` (e.g. a file's contents); invalid UTF-8 is an error.
    public static func parse(utf8 bytes: [UInt8], fileName: String? = nil) throws(YAMLError) -> YAMLNode {
        try parse(validated(bytes, fileName: fileName), fileName: fileName)
    }

    /// Every document of UTF-8 `bytes`; invalid UTF-8 is an error.
    public static func parseAll(utf8 bytes: [UInt8], fileName: String? = nil) throws(YAMLError) -> [YAMLNode] {
        try parseAll(validated(bytes, fileName: fileName), fileName: fileName)
    }

    private static func validated(_ bytes: [UInt8], fileName: String?) throws(YAMLError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == .lf {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error, .emptyInput:
                throw .invalidUTF8(at: YAMLMark(fileName: fileName, line: line, column: column))
            }
        }
    }

    private static func read(_ raw: [UInt8], fileName: String?) throws(YAMLError) -> [(node: YAMLNode, start: YAMLMark)]
    {
        // A byte order mark is not content (and must not count as indentation of the first line).
        let hasByteOrderMark = raw.starts(with: [0xEF, 0xBB, 0xBF])
        let bytes = normalizedLineBreaks(hasByteOrderMark ? Array(raw.dropFirst(3)) : raw)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(YAMLError) -> [(node: YAMLNode, start: YAMLMark)] in
            var parser = YAMLParser(text: buffer, fileName: fileName)
            try parser.checkCharacters()
            return try parser.parseStream().map { ($0.node, parser.mark($0.start)) }
        }
    }

    /// CRLF and lone CR become LF, as YAML reads them; lines and columns are unchanged by this.
    private static func normalizedLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(.cr) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .cr {
                result.append(.lf)
                if index + 1 < bytes.count, bytes[index + 1] == .lf { index += 1 }
            } else {
                result.append(byte)
            }
            index += 1
        }
        return result
    }
}

extension YAMLParser {
    /// YAML 1.1 reads NEL, LS and PS as line breaks; PyYAML does so too, which silently reshapes the
    /// text around them. We refuse them rather than read a different document than PyYAML would.
    func unicodeLineBreak(_ name: String, at offset: Int) -> YAMLError {
        .unsupported(
            feature: "the raw character \(name) (YAML 1.1 reads it as a line break; write it as an escape "
                + "such as \"\\L\" inside a double-quoted string)", at: mark(offset))
    }

    /// Refuses the characters YAML does not allow in a stream: C0 controls other than tab and LF, DEL,
    /// C1 controls, and U+FFFE/U+FFFF (PyYAML's reader refuses the same), plus the Unicode line breaks.
    func checkCharacters() throws(YAMLError) {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                if (byte < 0x20 && byte != .tab && byte != .lf) || byte == 0x7F {
                    throw .invalidCharacter(scalar: UInt32(byte), at: mark(index))
                }
            } else if byte == 0xC2, index + 1 < count, text[index + 1] >= 0x80, text[index + 1] <= 0x9F {
                if text[index + 1] == 0x85 { throw unicodeLineBreak("U+0085 NEXT LINE", at: index) }
                throw .invalidCharacter(scalar: UInt32(text[index + 1]), at: mark(index))
            } else if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80,
                text[index + 2] == 0xA8 || text[index + 2] == 0xA9
            {
                let name = text[index + 2] == 0xA8 ? "U+2028 LINE SEPARATOR" : "U+2029 PARAGRAPH SEPARATOR"
                throw unicodeLineBreak(name, at: index)
            } else if byte == 0xEF, index + 2 < count, text[index + 1] == 0xBF, text[index + 2] >= 0xBE {
                throw .invalidCharacter(scalar: 0xFFFE + UInt32(text[index + 2] - 0xBE), at: mark(index))
            }
            index += 1
        }
    }
}
