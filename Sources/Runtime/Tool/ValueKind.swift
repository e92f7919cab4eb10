import BotCodecs

/// What an option's value must look like; checked while parsing so a bad value is a usage error naming the
/// option.
public enum ValueKind: Sendable {
    /// Any text.
    case string
    /// A whole number (`-3`, `250`).
    case integer
    /// A decimal number (`0.25`, `1e-3`); not NaN or infinite.
    case double
    /// A UTC date or time: `2024-01-31`, `2024-01-31T12:00`, `2024-01-31T12:00:30Z` or `…30.250Z`.
    case date
    /// One of a fixed set of words.
    case choice([String])
    /// A check of the tool's own: returns nil for a good value or a reason (`not a known exchange`).
    case custom(_ description: String, check: @Sendable (String) -> String?)

    /// Why `value` is not acceptable, or nil.
    func problem(with value: String) -> String? {
        switch self {
        case .string:
            return nil
        case .integer:
            return Int(value) == nil ? "'\(value)' is not a whole number" : nil
        case .double:
            guard let number = Double(value), number.isFinite else { return "'\(value)' is not a number" }
            return nil
        case .date:
            return UTCDateTime.milliseconds(parsing: value) == nil
                ? "'\(value)' is not a UTC date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS[.mmm]][Z])" : nil
        case .choice(let choices):
            return choices.contains(value)
                ? nil : "'\(value)' is not one of \(choices.map { "'\($0)'" }.joined(separator: ", "))"
        case .custom(_, let check):
            return check(value)
        }
    }

    /// Extra help text (`one of: a, b`), or nil.
    var helpNote: String? {
        switch self {
        case .string: nil
        case .integer: "integer"
        case .double: "number"
        case .date: "UTC date, YYYY-MM-DD[THH:MM[:SS]]"
        case .choice(let choices): "one of: " + choices.joined(separator: ", ")
        case .custom(let description, _): description
        }
    }
}
