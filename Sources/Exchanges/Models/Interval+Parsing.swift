extension Interval {
    /// Parses `text` after trimming surrounding spaces.
    ///
    /// Suffix form: digits then one of `m h d w M` (`15m`, `1M`); case matters, since `1m` and `1M` differ.
    /// MetaTrader form: a letter then digits (`M15`, `H4`, `D1`, `W1`, `MN1`; lower case as well), where
    /// `M` means minutes and `MN` months.
    ///
    /// - Throws: ``IntervalError`` naming the token and the accepted spellings.
    public init(parsing text: String) throws(IntervalError) {
        let token = text.trimmingSpaces
        guard !token.isEmpty else { throw .empty }
        let scalars = Array(token.unicodeScalars)
        let isDigit: (Unicode.Scalar) -> Bool = { $0.value >= 0x30 && $0.value <= 0x39 }
        let digitPrefix = scalars.prefix(while: isDigit).count
        if digitPrefix > 0 {
            let rest = scalars[digitPrefix...]
            guard rest.count == 1, let letter = rest.first else {
                throw rest.isEmpty ? .missingUnit(token) : .malformed(token)
            }
            let unit: Unit
            switch letter {
            case "m": unit = .minute
            case "h": unit = .hour
            case "d": unit = .day
            case "w": unit = .week
            case "M": unit = .month
            default: throw .unknownUnit(token, unit: String(letter))
            }
            try self.init(
                count: Self.count(String(String.UnicodeScalarView(scalars[..<digitPrefix])), token), unit: unit)
            return
        }
        let letters = scalars.prefix(while: { !isDigit($0) })
        let digits = scalars[letters.count...]
        guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(isDigit) else { throw .malformed(token) }
        let unit: Unit
        switch String(String.UnicodeScalarView(letters)).uppercased() {
        case "M": unit = .minute
        case "H": unit = .hour
        case "D": unit = .day
        case "W": unit = .week
        case "MN": unit = .month
        default: throw .unknownUnit(token, unit: String(String.UnicodeScalarView(letters)))
        }
        try self.init(count: Self.count(String(String.UnicodeScalarView(digits)), token), unit: unit)
    }

    private static func count(_ digits: String, _ token: String) throws(IntervalError) -> Int {
        // Leading zeros are fine (`01h`); too many digits is "too large", not "malformed".
        guard let value = Int(digits) else { throw .tooLarge(token) }
        guard value >= 1 else { throw .notPositive(token) }
        return value
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
