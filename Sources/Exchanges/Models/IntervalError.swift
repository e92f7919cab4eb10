/// Why a text is not a candle interval. Every message names the token and the accepted spellings.
public enum IntervalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is empty or only spaces.
    case empty
    /// Digits without a unit letter (`15`).
    case missingUnit(String)
    /// A unit letter this type does not know (`1s`, `1H`, `X5`).
    case unknownUnit(String, unit: String)
    /// Neither `<count><unit>` nor `<unit><count>` (`daily`, `1m5`, `1hh`).
    case malformed(String)
    /// A count of zero.
    case notPositive(String)
    /// A count above ``Interval/maximumCount``.
    case tooLarge(String)

    /// The spellings accepted, for messages.
    public static let acceptedSpellings =
        "<count><unit> with unit m (minutes), h, d, w or M (calendar months), e.g. 1m 15m 1h 4h 1d 1w 1M; "
        + "or M15, H4, D1, W1, MN1"

    public var description: String {
        let problem: String
        switch self {
        case .empty:
            problem = "an empty interval"
        case .missingUnit(let token):
            problem = "interval '\(token)' has no unit"
        case .unknownUnit(let token, let unit):
            let hint =
                switch unit {
                case "H", "D", "W": " (units are lower case except M for months: write '\(token.lowercased())')"
                case "s", "S": " (seconds are not a candle interval)"
                default: ""
                }
            problem = "interval '\(token)' has an unknown unit '\(unit)'\(hint)"
        case .malformed(let token):
            problem = "'\(token)' is not an interval"
        case .notPositive(let token):
            problem = "interval '\(token)' must be at least one unit long"
        case .tooLarge(let token):
            problem = "interval '\(token)' is too long (at most \(Interval.maximumCount) units)"
        }
        return "\(problem); write \(Self.acceptedSpellings)"
    }
}
