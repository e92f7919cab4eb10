/// Turns scalar text into a value with the YAML 1.1 rules of PyYAML's `SafeLoader` (minus timestamps,
/// which stay strings). Only plain (unquoted) scalars are resolved; quoted and block scalars are strings.
///
/// The rules, checked against PyYAML 6:
/// - null: `~`, `null`, `Null`, `NULL`, empty;
/// - bool: `yes no true false on off` in lower, Capitalised or UPPER case (`y`, `n`, `yES` are strings);
/// - int: `0b1010`, `0x1F`, `0755` (octal; `0o17` is a string), decimal, base 60 `1:30` (= 90),
///   `_` anywhere after the first digit, optional sign;
/// - float: needs a dot (`1.5`, `1.`, `.5`, `1.5e+3`; the exponent needs a sign, so `1e3` and `1.0e3`
///   are strings), base 60 `1:30.5`, `.inf`/`-.Inf`/`+.INF`, `.nan`; `-.5` is a string.
enum YAMLScalarResolver {
    enum Failure: Error {
        case integerOutOfRange(String)
        case invalidTagged(tag: String, text: String)
        case reservedPlain(String)

        func yamlError(at mark: YAMLMark) -> YAMLError {
            switch self {
            case .integerOutOfRange(let text): return .integerOutOfRange(text: text, at: mark)
            case .invalidTagged(let tag, let text): return .invalidTaggedValue(tag: tag, text: text, at: mark)
            case .reservedPlain(let text):
                return .syntax(
                    message: "plain '\(text)' is reserved by YAML 1.1 and cannot be a value; quote it", at: mark)
            }
        }
    }

    static func resolve(_ bytes: [UInt8], plain: Bool, tag: YAMLParser.Tag?) throws(Failure) -> YAMLValue {
        guard let tag, tag != .nonSpecific else {
            if tag == .nonSpecific { return try resolvePlain(bytes) }
            return plain ? try resolvePlain(bytes) : .string(String(decoding: bytes, as: UTF8.self))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        switch tag {
        case .str: return .string(text)
        case .null: return .null
        case .bool:
            guard let flag = boolean(bytes) else { throw .invalidTagged(tag: tag.name, text: text) }
            return .bool(flag)
        case .int:
            guard let number = try integer(bytes) else { throw .invalidTagged(tag: tag.name, text: text) }
            return .int(number)
        case .float:
            if let number = float(bytes) { return .double(number) }
            if let number = try integer(bytes) { return .double(Double(number)) }
            let cleaned = String(decoding: bytes.filter { $0 != .underscore }, as: UTF8.self)
            if !cleaned.isEmpty, cleaned.utf8.allSatisfy({ $0.isDecimalDigit || "+-.eE".utf8.contains($0) }),
                let number = Double(cleaned)
            {
                return .double(number)
            }
            throw .invalidTagged(tag: tag.name, text: text)
        case .map, .seq, .nonSpecific:
            throw .invalidTagged(tag: tag.name, text: text)
        }
    }

    static func resolvePlain(_ bytes: [UInt8]) throws(Failure) -> YAMLValue {
        guard let first = bytes.first else { return .null }
        switch first {
        case .tilde, .lowerN, .upperN:
            if isNull(bytes) { return .null }
        case .equals:
            if bytes.count == 1 { throw .reservedPlain("=") }
        default:
            break
        }
        if let flag = boolean(bytes) { return .bool(flag) }
        if first.isDecimalDigit || first == .plus || first == .hyphen || first == .period {
            if let number = float(bytes) { return .double(number) }
            if let number = try integer(bytes) { return .int(number) }
        }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    private static let nullWords: [[UInt8]] = ["~", "null", "Null", "NULL"].map { Array($0.utf8) }
    private static let trueWords: [[UInt8]] = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
        .map { Array($0.utf8) }
    private static let falseWords: [[UInt8]] = ["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
        .map { Array($0.utf8) }

    static func isNull(_ bytes: [UInt8]) -> Bool { nullWords.contains(bytes) }

    static func boolean(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count <= 5 else { return nil }
        if trueWords.contains(bytes) { return true }
        if falseWords.contains(bytes) { return false }
        return nil
    }

    // MARK: Integers

    /// The integer when `bytes` is a YAML 1.1 int; nil when it is not one; throws when it is one but
    /// does not fit `Int64`.
    static func integer(_ bytes: [UInt8]) throws(Failure) -> Int64? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == .plus || first == .hyphen {
            negative = first == .hyphen
            index = 1
        }
        let body = bytes[index...]
        guard let lead = body.first, lead.isDecimalDigit else { return nil }
        let magnitude: UInt64?
        var overflow = false
        if lead == .digit0, body.count >= 2, body[index + 1] == .lowerB {
            let digits = body.dropFirst(2)
            guard !digits.isEmpty, digits.allSatisfy({ $0 == .digit0 || $0 == .digit1 || $0 == .underscore }) else {
                return nil
            }
            magnitude = accumulate(digits, radix: 2, overflow: &overflow)
        } else if lead == .digit0, body.count >= 2, body[index + 1] == .lowerX {
            let digits = body.dropFirst(2)
            guard !digits.isEmpty, digits.allSatisfy({ $0.hexValue != nil || $0 == .underscore }) else { return nil }
            magnitude = accumulate(digits, radix: 16, overflow: &overflow)
        } else if lead == .digit0 {
            guard body.allSatisfy({ ($0 >= .digit0 && $0 <= .digit7) || $0 == .underscore }) else { return nil }
            magnitude = accumulate(body, radix: 8, overflow: &overflow)
        } else if body.contains(.colon) {
            guard let value = sexagesimalInteger(body, overflow: &overflow) else { return nil }
            magnitude = value
        } else {
            guard body.allSatisfy({ $0.isDecimalDigit || $0 == .underscore }) else { return nil }
            magnitude = accumulate(body, radix: 10, overflow: &overflow)
        }
        guard let magnitude else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        if overflow { throw .integerOutOfRange(text) }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { throw .integerOutOfRange(text) }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .integerOutOfRange(text) }
        return Int64(magnitude)
    }

    /// Digits with `_` skipped; nil when there is no digit at all (e.g. `0b_`, which PyYAML itself
    /// cannot convert: we keep such text a string).
    private static func accumulate(_ digits: ArraySlice<UInt8>, radix: UInt64, overflow: inout Bool) -> UInt64? {
        var value: UInt64 = 0
        var sawDigit = false
        for byte in digits where byte != .underscore {
            sawDigit = true
            let digit = UInt64(byte.hexValue!)
            let (shifted, multiplyOverflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, addOverflow) = shifted.addingReportingOverflow(digit)
            if multiplyOverflow || addOverflow { overflow = true }
            value = sum
        }
        return sawDigit ? value : nil
    }

    /// `[1-9][0-9_]*(:[0-5]?[0-9])+`, valued in base 60.
    private static func sexagesimalInteger(_ body: ArraySlice<UInt8>, overflow: inout Bool) -> UInt64? {
        let parts = body.split(separator: .colon, omittingEmptySubsequences: false)
        guard parts.count >= 2, let head = parts.first, let lead = head.first, lead >= .digit1, lead <= .digit9,
            head.allSatisfy({ $0.isDecimalDigit || $0 == .underscore })
        else { return nil }
        for part in parts.dropFirst() where !isSexagesimalDigitPair(part) { return nil }
        var value: UInt64 = 0
        for part in parts {
            guard let digits = accumulate(part, radix: 10, overflow: &overflow) else { return nil }
            let (shifted, multiplyOverflow) = value.multipliedReportingOverflow(by: 60)
            let (sum, addOverflow) = shifted.addingReportingOverflow(digits)
            if multiplyOverflow || addOverflow { overflow = true }
            value = sum
        }
        return value
    }

    /// `[0-5]?[0-9]`.
    private static func isSexagesimalDigitPair(_ part: ArraySlice<UInt8>) -> Bool {
        switch part.count {
        case 1: return part.first!.isDecimalDigit
        case 2: return part.first! >= .digit0 && part.first! <= .digit5 && part.last!.isDecimalDigit
        default: return false
        }
    }

    // MARK: Floats

    static func float(_ bytes: [UInt8]) -> Double? {
        var index = 0
        var sign = 1.0
        let signed = bytes.first == .plus || bytes.first == .hyphen
        if signed {
            sign = bytes[0] == .hyphen ? -1 : 1
            index = 1
        }
        let body = Array(bytes[index...])
        guard let lead = body.first else { return nil }
        if lead == .period {
            let word = String(decoding: body, as: UTF8.self)
            switch word {
            case ".inf", ".Inf", ".INF": return sign * Double.infinity
            case ".nan", ".NaN", ".NAN": return signed ? nil : Double.nan
            default:
                // `\.[0-9][0-9_]*(e[-+][0-9]+)?` has no sign in PyYAML's pattern.
                guard !signed, body.count >= 2, body[1].isDecimalDigit,
                    isFraction(body[1...], allowExponent: true)
                else { return nil }
                return parseDecimal(body, sign: sign)
            }
        }
        guard lead.isDecimalDigit else { return nil }
        var position = 0
        while position < body.count, body[position].isDecimalDigit || body[position] == .underscore { position += 1 }
        guard position < body.count else { return nil }
        if body[position] == .period {
            guard isFraction(body[(position + 1)...], allowExponent: true) else { return nil }
            return parseDecimal(body, sign: sign)
        }
        guard body[position] == .colon else { return nil }
        // `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`
        guard let dot = body.firstIndex(of: .period) else { return nil }
        let parts = body[..<dot].split(separator: .colon, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        for part in parts.dropFirst() where !isSexagesimalDigitPair(part) { return nil }
        guard body[(dot + 1)...].allSatisfy({ $0.isDecimalDigit || $0 == .underscore }) else { return nil }
        let cleaned = body.filter { $0 != .underscore }
        let values = cleaned.split(separator: .colon, omittingEmptySubsequences: false).map {
            Double(String(decoding: $0, as: UTF8.self)) ?? 0
        }
        // Summed from the last part up, as PyYAML does, so rounding matches exactly.
        var value = 0.0
        var base = 1.0
        for part in values.reversed() {
            value += part * base
            base *= 60
        }
        return sign * value
    }

    /// `[0-9_]*([eE][-+][0-9]+)?` after the dot.
    private static func isFraction(_ rest: ArraySlice<UInt8>, allowExponent: Bool) -> Bool {
        var index = rest.startIndex
        while index < rest.endIndex, rest[index].isDecimalDigit || rest[index] == .underscore { index += 1 }
        if index == rest.endIndex { return true }
        guard allowExponent, rest[index] == .lowerE || rest[index] == 0x45 else { return false }
        index += 1
        guard index < rest.endIndex, rest[index] == .plus || rest[index] == .hyphen else { return false }
        index += 1
        guard index < rest.endIndex else { return false }
        return rest[index...].allSatisfy(\.isDecimalDigit)
    }

    private static func parseDecimal(_ body: [UInt8], sign: Double) -> Double? {
        let cleaned = String(decoding: body.filter { $0 != .underscore }, as: UTF8.self)
        return Double(cleaned).map { sign * $0 }
    }
}
