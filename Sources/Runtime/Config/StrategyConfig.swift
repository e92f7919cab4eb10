/// One entry of `strategies` with `engine: daily_trend_momentum`, the only engine implemented.
public struct StrategyConfig: Sendable, Equatable {
    /// The engine every loaded strategy uses.
    public static let supportedEngine = "daily_trend_momentum"

    /// The map key (`core_daily_trend`).
    public let name: String
    /// `engine`.
    public let engine: String
    /// `parameters`, with the reference defaults for missing ones.
    public let parameters: DailyTrendParameters

    /// A daily trend momentum strategy called `name`.
    public init(name: String, parameters: DailyTrendParameters = .defaults) {
        self.name = name
        self.engine = Self.supportedEngine
        self.parameters = parameters
    }
}

/// `strategies.<name>.parameters` of the daily trend momentum strategy.
public struct DailyTrendParameters: Sendable, Equatable {
    /// `fast_ma`, default 20: the fast moving-average window (bars).
    public let fastMA: Int
    /// `slow_ma`, default 100: the slow moving-average window (bars).
    public let slowMA: Int
    /// `breakout_lookback`, default 55: bars of the breakout channel.
    public let breakoutLookback: Int
    /// `momentum_window`, default 20: bars of the momentum measure.
    public let momentumWindow: Int
    /// `atr_window`, default 14: bars of the average true range.
    public let atrWindow: Int
    /// `atr_multiplier`, default 2.0: stop distance in ATRs.
    public let atrMultiplier: Double
    /// `min_trend_strength`, default 0.005.
    public let minTrendStrength: Double
    /// `min_momentum`, default 0.0.
    public let minMomentum: Double

    /// Parameters; missing ones take the reference defaults.
    public init(
        fastMA: Int = 20, slowMA: Int = 100, breakoutLookback: Int = 55, momentumWindow: Int = 20, atrWindow: Int = 14,
        atrMultiplier: Double = 2.0, minTrendStrength: Double = 0.005, minMomentum: Double = 0.0
    ) {
        self.fastMA = fastMA
        self.slowMA = slowMA
        self.breakoutLookback = breakoutLookback
        self.momentumWindow = momentumWindow
        self.atrWindow = atrWindow
        self.atrMultiplier = atrMultiplier
        self.minTrendStrength = minTrendStrength
        self.minMomentum = minMomentum
    }

    /// The reference defaults.
    public static let defaults = DailyTrendParameters()
}
