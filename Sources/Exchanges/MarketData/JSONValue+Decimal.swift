extension JSONValue {
    /// The value of a plain decimal string (`-?digits(.digits)?`) with at most 15 significant digits and
    /// at most 22 fraction digits, or nil for anything else (the caller then asks `Double(String)`).
    ///
    /// Exact, not approximate: the digits without the point fit in a `Double` exactly (< 2^53), so does
    /// 10^fraction (≤ 10^22), and IEEE division rounds once — the same correctly rounded `Double` that
    /// `Double(String)` gives, without its locale-aware `strtod` call (the venues send every price this way).
    static func plainDecimal(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            var index = 0
            let count = bytes.count
            var negative = false
            if index < count, bytes[index] == UInt8(ascii: "-") {
                negative = true
                index &+= 1
            }
            var mantissa: UInt64 = 0
            var significant = 0
            var integerDigits = 0
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { significant &+= 1 }
                integerDigits &+= 1
                index &+= 1
            }
            guard integerDigits > 0 else { return nil }
            var fractionDigits = 0
            if index < count {
                guard bytes[index] == UInt8(ascii: "."), index &+ 1 < count else { return nil }
                index &+= 1
                while index < count {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { significant &+= 1 }
                    fractionDigits &+= 1
                    index &+= 1
                }
            }
            guard significant <= 15, fractionDigits <= 22 else { return nil }
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]
}
