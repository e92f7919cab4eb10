import Foundation

/// Base64 (RFC 4648 §4) and base64url (§5), with strict decoding.
///
/// Decoding rejects characters outside the alphabet (including whitespace and line breaks), misplaced or
/// missing `=` according to ``Padding``, and non-canonical encodings whose unused trailing bits are not
/// zero (§3.5), as the age format requires.
public enum Base64 {
    /// Which 64-character alphabet to use.
    public enum Alphabet: Sendable {
        /// `A–Z a–z 0–9 + /` (§4).
        case standard
        /// `A–Z a–z 0–9 - _` (§5), for URLs and file names.
        case url
    }

    /// What decoding accepts at the end of the text.
    public enum Padding: Sendable {
        /// The text must be padded with `=` to a multiple of four characters.
        case required
        /// The text must not contain `=`.
        case forbidden
        /// Either form is accepted (but padding, when present, must be complete).
        case optional
    }

    private static let standardDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let standardValues = values(of: standardDigits)
    private static let urlValues = values(of: urlDigits)

    private static func values(of digits: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (value, digit) in digits.enumerated() { table[Int(digit)] = UInt8(value) }
        return table
    }

    /// The base64 text of `bytes`; `padded: false` drops the trailing `=`.
    public static func encode(
        _ bytes: some DataProtocol, alphabet: Alphabet = .standard, padded: Bool = true
    ) -> String {
        String(decoding: encodeToBytes(Array(bytes), alphabet: alphabet, padded: padded), as: UTF8.self)
    }

    static func encodeToBytes(_ input: [UInt8], alphabet: Alphabet, padded: Bool) -> [UInt8] {
        let digits = alphabet == .standard ? standardDigits : urlDigits
        var output = [UInt8]()
        output.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= input.count {
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output.append(digits[Int(group >> 18)])
            output.append(digits[Int(group >> 12 & 0x3f)])
            output.append(digits[Int(group >> 6 & 0x3f)])
            output.append(digits[Int(group & 0x3f)])
            index += 3
        }
        switch input.count - index {
        case 1:
            let group = UInt32(input[index]) << 16
            output.append(digits[Int(group >> 18)])
            output.append(digits[Int(group >> 12 & 0x3f)])
            if padded { output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "=")]) }
        case 2:
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            output.append(digits[Int(group >> 18)])
            output.append(digits[Int(group >> 12 & 0x3f)])
            output.append(digits[Int(group >> 6 & 0x3f)])
            if padded { output.append(UInt8(ascii: "=")) }
        default:
            break
        }
        return output
    }

    /// The bytes of `text`, or nil when it is not a canonical encoding in `alphabet` with `padding`.
    public static func decode(
        _ text: some StringProtocol, alphabet: Alphabet = .standard, padding: Padding = .required
    ) -> [UInt8]? {
        decode(bytes: Array(text.utf8), alphabet: alphabet, padding: padding)
    }

    static func decode(bytes text: [UInt8], alphabet: Alphabet, padding: Padding) -> [UInt8]? {
        var length = text.count
        var padCount = 0
        while padCount < 2, length > 0, text[length - 1] == UInt8(ascii: "=") {
            length -= 1
            padCount += 1
        }
        switch padding {
        case .required:
            guard text.count % 4 == 0 else { return nil }
        case .forbidden:
            guard padCount == 0 else { return nil }
        case .optional:
            guard padCount == 0 || text.count % 4 == 0 else { return nil }
        }
        let remainder = length % 4
        guard remainder != 1 else { return nil }
        // With padding present, it must be exactly what the data length implies.
        if padCount > 0 {
            guard (remainder == 2 && padCount == 2) || (remainder == 3 && padCount == 1) else { return nil }
        }
        let table = alphabet == .standard ? standardValues : urlValues
        var output = [UInt8]()
        output.reserveCapacity(length / 4 * 3 + 2)
        var index = 0
        while index + 4 <= length {
            let a = table[Int(text[index])]
            let b = table[Int(text[index + 1])]
            let c = table[Int(text[index + 2])]
            let d = table[Int(text[index + 3])]
            guard (a | b | c | d) & 0xc0 == 0 else { return nil }
            let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            output.append(UInt8(truncatingIfNeeded: group >> 8))
            output.append(UInt8(truncatingIfNeeded: group))
            index += 4
        }
        switch remainder {
        case 2:
            let a = table[Int(text[index])]
            let b = table[Int(text[index + 1])]
            guard (a | b) & 0xc0 == 0, b & 0x0f == 0 else { return nil }
            output.append(a << 2 | b >> 4)
        case 3:
            let a = table[Int(text[index])]
            let b = table[Int(text[index + 1])]
            let c = table[Int(text[index + 2])]
            guard (a | b | c) & 0xc0 == 0, c & 0x03 == 0 else { return nil }
            output.append(a << 2 | b >> 4)
            output.append(b << 4 | c >> 2)
        default:
            break
        }
        return output
    }
}
