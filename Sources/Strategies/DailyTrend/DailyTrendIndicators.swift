/// The indicator values of the daily-trend momentum strategy on one bar (reference-runtime §4.1).
public struct DailyTrendIndicators: Sendable, Hashable {
    /// Mean of the last `fast_ma` closes.
    public var smaFast: Double
    /// Mean of the last `slow_ma` closes.
    public var smaSlow: Double
    /// `smaFast / smaSlow − 1` (0 when `smaSlow` is 0).
    public var trendStrength: Double
    /// `close / close momentum_window bars earlier − 1` (0 when that close is 0).
    public var momentum: Double
    /// Simple mean of the last `atr_window` true ranges (not Wilder's smoothing).
    public var atr: Double
    /// Highest high of the `breakout_lookback` bars before the current one.
    public var breakoutHigh: Double
    /// Lowest low of the `breakout_lookback` bars before the current one.
    public var breakoutLow: Double
    /// `(peak close while in position, else close) − atr × atr_multiplier`.
    public var stopPrice: Double

    /// The indicators.
    public init(
        smaFast: Double, smaSlow: Double, trendStrength: Double, momentum: Double, atr: Double,
        breakoutHigh: Double, breakoutLow: Double, stopPrice: Double
    ) {
        self.smaFast = smaFast
        self.smaSlow = smaSlow
        self.trendStrength = trendStrength
        self.momentum = momentum
        self.atr = atr
        self.breakoutHigh = breakoutHigh
        self.breakoutLow = breakoutLow
        self.stopPrice = stopPrice
    }

    /// The reference's signal metadata: the indicators under their snake_case names plus `position`
    /// (1.0 after an entry, 0.0 after an exit).
    public func metadata(position: Double) -> [String: Double] {
        [
            "sma_fast": smaFast, "sma_slow": smaSlow, "trend_strength": trendStrength, "momentum": momentum,
            "atr": atr, "breakout_high": breakoutHigh, "breakout_low": breakoutLow, "stop_price": stopPrice,
            "position": position,
        ]
    }
}
