/// A JSON value whose objects keep their key order, rendered the way the Python reference's `json.dumps`
/// renders it, so reports have the documented, stable key order (`JSONEncoder` sorts or scrambles keys).
///
/// Floats use ``PythonFloat/repr(_:)`` (`4320.0`, not `4320`); non-ASCII text is written as UTF-8.
public indirect enum ReportJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([ReportJSON])
    case object([(String, ReportJSON)])

    /// An integer, or `null` when absent.
    public static func integer(_ value: Int64?) -> ReportJSON { value.map { .integer($0) } ?? .null }
    /// A float, or `null` when absent.
    public static func number(_ value: Double?) -> ReportJSON { value.map { .number($0) } ?? .null }
    /// A string, or `null` when absent.
    public static func string(_ value: String?) -> ReportJSON { value.map { .string($0) } ?? .null }

    public static func == (left: ReportJSON, right: ReportJSON) -> Bool {
        switch (left, right) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0 == $1 }
        default: false
        }
    }

    /// `json.dumps(value, indent=2, ensure_ascii=False)`: two-space indent, `": "` after keys.
    public func rendered(indent: Int = 2) -> String {
        var output = ""
        write(to: &output, indent: indent, depth: 0)
        return output
    }

    /// `json.dumps(value, ensure_ascii=False)` on one line: `", "` between items and `": "` after keys.
    public var compact: String {
        var output = ""
        write(to: &output, indent: nil, depth: 0)
        return output
    }

    /// The value under `key` of an object, or nil.
    public subscript(key: String) -> ReportJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    private func write(to output: inout String, indent: Int?, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value):
            // Python writes the non-finite values as these JavaScript literals.
            if value.isNaN {
                output += "NaN"
            } else if value.isInfinite {
                output += value < 0 ? "-Infinity" : "Infinity"
            } else {
                output += PythonFloat.repr(value)
            }
        case .string(let value): Self.appendQuoted(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += indent == nil ? ", " : "," }
                Self.newline(&output, indent: indent, depth: depth + 1)
                item.write(to: &output, indent: indent, depth: depth + 1)
            }
            Self.newline(&output, indent: indent, depth: depth)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += indent == nil ? ", " : "," }
                Self.newline(&output, indent: indent, depth: depth + 1)
                Self.appendQuoted(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent, depth: depth + 1)
            }
            Self.newline(&output, indent: indent, depth: depth)
            output += "}"
        }
    }

    private static func newline(_ output: inout String, indent: Int?, depth: Int) {
        guard let indent else { return }
        output += "\n" + String(repeating: " ", count: indent * depth)
    }

    private static let hexDigits = Array("0123456789abcdef")

    private static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                output +=
                    "\\u00" + String(hexDigits[Int(scalar.value >> 4)]) + String(hexDigits[Int(scalar.value & 15)])
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
