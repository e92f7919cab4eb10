/// Float text and rounding exactly as the Python reference produces them (reference-data §0).
///
/// Issue codes such as `max_gap_exceeded:4320.0>100.0`, the JSON reports and the gap audit render floats
/// with Python's `repr`: the shortest digits that read back to the same double, `.0` on integral values,
/// and exponent notation below `1e-4` or from `1e16` on. The synthetic candles round with Python's
/// `round(x, n)`, which rounds the exact binary value half to even.
public enum PythonFloat {
    /// `repr(value)` in Python 3: `4320.0`, `0.1`, `1e-05`, `1e+16`, `inf`, `-inf`, `nan`, `-0.0`.
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description already holds the shortest round-trip digits (closest on ties, like
        // Python's dtoa); only the layout differs, so take the digits and the exponent from it.
        let (digits, pointPosition) = shortestDigits(of: value.magnitude)
        let sign = value < 0 ? "-" : ""
        if pointPosition > 16 || pointPosition <= -4 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let exponent = pointPosition - 1
            let exponentDigits = String(abs(exponent))
            let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
            return sign + mantissa + (exponent < 0 ? "e-" : "e+") + paddedExponent
        }
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// `round(value, places)` in Python 3: the exact binary value rounded to `places` decimals, ties to even.
    ///
    /// Exact for results below 2^53 / 10^places (for six places, magnitudes under about 9e9); larger values
    /// are returned unchanged, which is what Python returns whenever the value has no digits past `places`.
    /// - Precondition: `places` is in 0...15.
    public static func round(_ value: Double, places: Int) -> Double {
        precondition((0...15).contains(places), "places must be in 0...15")
        guard value.isFinite, value != 0 else { return value }
        let magnitude = value.magnitude
        guard magnitude.isNormal else { return value.sign == .minus ? -0.0 : 0.0 }
        // magnitude × 10^p = significand × 5^p × 2^(exponent + p), computed exactly in 128 bits.
        let significand = UInt128(magnitude.significandBitPattern | (1 << 52))
        var power5: UInt128 = 1
        for _ in 0..<places { power5 *= 5 }
        let scaled = significand * power5
        let shift = Int(magnitude.exponent) - 52 + places
        if shift >= 0 { return value }
        let rightShift = -shift
        var quotient: UInt128
        if rightShift >= 128 {
            quotient = 0
        } else {
            quotient = scaled >> rightShift
            let remainder = scaled - (quotient << rightShift)
            let half = UInt128(1) << (rightShift - 1)
            if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
        }
        guard quotient < (UInt128(1) << 53) else { return value }
        var power10 = 1.0
        for _ in 0..<places { power10 *= 10 }
        // Both operands are exact doubles, so the one correctly rounded division gives the double nearest to
        // quotient / 10^p, which is what Python's string round trip produces.
        let rounded = Double(quotient) / power10
        return value.sign == .minus ? -rounded : rounded
    }

    /// The shortest round-trip decimal digits of a positive finite `value` (no leading or trailing zeros) and
    /// the position of the decimal point: value = 0.d1d2d3… × 10^pointPosition.
    static func shortestDigits(of value: Double) -> (digits: String, pointPosition: Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits, pointPosition)
    }
}
