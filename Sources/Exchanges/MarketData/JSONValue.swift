import Foundation

/// A parsed JSON document, just enough to read candle payloads and venue error objects with precise
/// messages about what is missing.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses `data` (RFC 8259), or returns nil when it is not one JSON value.
    init?(parsing data: Data) {
        let parsed: JSONValue? = data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
            guard let value = parser.value(depth: 0) else { return nil }
            parser.skipSpace()
            return parser.index == parser.bytes.count ? value : nil
        }
        guard let parsed else { return nil }
        self = parsed
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    var object: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// An integer, or a string holding only an integer (`"1710327600000"`).
    var int64: Int64? {
        switch self {
        case .integer(let value): value
        case .string(let text): Int64(text)
        default: nil
        }
    }

    /// A number, or a string holding a decimal number (`"73194.5"`), read exactly as `Double(String)` does.
    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        case .string(let text): Self.plainDecimal(text) ?? Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    /// A short rendering for messages.
    var brief: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let text): "\"\(text.prefix(40))\""
        case .array(let array): "an array of \(array.count)"
        case .object: "an object"
        }
    }
}
