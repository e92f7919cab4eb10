/// What happened to one bar handed to a ``StrategyRunner``.
public enum StrategyFeedResult: Sendable, Hashable {
    /// The strategy took the bar in and decided (possibly `hold`).
    case signal(StrategySignal)
    /// The strategy took the bar in but has too little history to decide.
    case warmingUp
    /// The bar is not newer than the symbol's last bar, so nothing changed (a repeated or late bar).
    case alreadySeen(lastOpenTime: Int64)
    /// The bar has a non-finite price or its low is above its high, so nothing changed.
    case invalidBar

    /// The signal, if the strategy decided.
    public var signal: StrategySignal? {
        if case .signal(let signal) = self { signal } else { nil }
    }

    /// Whether the strategy took the bar in (`signal` or `warmingUp`).
    public var wasIngested: Bool {
        switch self {
        case .signal, .warmingUp: true
        case .alreadySeen, .invalidBar: false
        }
    }
}
