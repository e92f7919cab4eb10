/// Strategy parameters that cannot work, found when the strategy is built.
public enum StrategyParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A window or multiplier that must be above zero is not.
    case notPositive(strategy: String, parameter: String, value: Double)
    /// A threshold is NaN or infinite.
    case notFinite(strategy: String, parameter: String, value: Double)
    /// The fast moving average is not shorter than the slow one.
    case fastNotBelowSlow(strategy: String, fast: Int, slow: Int)

    public var description: String {
        switch self {
        case .notPositive(let strategy, let parameter, let value):
            "\(strategy): \(parameter) must be greater than 0 (got \(Self.format(value))). "
                + "Fix strategies.<name>.parameters.\(parameter) in the config."
        case .notFinite(let strategy, let parameter, let value):
            "\(strategy): \(parameter) must be a finite number (got \(value)). "
                + "Fix strategies.<name>.parameters.\(parameter) in the config."
        case .fastNotBelowSlow(let strategy, let fast, let slow):
            "\(strategy): fast_ma (\(fast)) must be smaller than slow_ma (\(slow)). "
                + "Fix strategies.<name>.parameters.fast_ma or slow_ma in the config."
        }
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
