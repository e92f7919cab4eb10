import BotCodecs

/// Renders parsed YAML documents in the canonical JSON of `Tests/Oracles/yaml_to_json.py`, so our
/// reading and PyYAML's compare as equal strings: compact, keys sorted by code point, non-ASCII kept,
/// strings escaped as Python's `json.dumps` escapes them, floats as `{"$float": repr(x)}` with Python's
/// `repr`, keys stringified as `json.dumps` does (1 -> "1", true -> "true", null -> "null").
enum YAMLCanonicalJSON {
    static func render(_ documents: [YAMLNode]) -> String {
        var output = ""
        append(.sequence(documents), to: &output)
        return output
    }

    static func append(_ value: YAMLValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number):
            output += "{\"$float\":"
            appendString(pythonRepr(number), to: &output)
            output += "}"
        case .string(let text): appendString(text, to: &output)
        case .sequence(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                append(item.value, to: &output)
            }
            output += "]"
        case .mapping(let mapping):
            let entries = mapping.entries.map { (key: keyText($0.key.value), value: $0.value.value) }
                .sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
            output += "{"
            for (index, entry) in entries.enumerated() {
                if index > 0 { output += "," }
                appendString(entry.key, to: &output)
                output += ":"
                append(entry.value, to: &output)
            }
            output += "}"
        }
    }

    static func keyText(_ key: YAMLValue) -> String {
        switch key {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number > 0 ? "Infinity" : "-Infinity" }
            return pythonRepr(number)
        case .string(let text): return text
        case .sequence, .mapping: return "<collection>"
        }
    }

    static func appendString(_ text: String, to output: inout String) {
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
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// Python's `repr(float)`: the shortest round-trip digits (Swift's `description` computes the same
    /// digits), laid out as Python does: fixed notation with at least one fractional digit when the
    /// decimal exponent is in (-4, 16], scientific `d.ddde±XX` otherwise.
    static func pythonRepr(_ number: Double) -> String {
        if number.isNaN { return "nan" }
        if number.isInfinite { return number > 0 ? "inf" : "-inf" }
        var text = number.description
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
        }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array(integerPart + fractionPart)
        var point = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return sign + "0.0" }
        if point > -4 && point <= 16 {
            if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
            if point >= digits.count {
                return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0"
            }
            return sign + String(digits[..<point]) + "." + String(digits[point...])
        }
        let mantissa = digits.count == 1 ? String(digits) : String(digits[0]) + "." + String(digits[1...])
        let power = point - 1
        let powerText = String(abs(power))
        return sign + mantissa + "e" + (power < 0 ? "-" : "+") + (powerText.count < 2 ? "0" : "") + powerText
    }
}
