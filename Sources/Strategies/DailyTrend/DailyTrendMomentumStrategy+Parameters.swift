extension DailyTrendMomentumStrategy {
    /// The settings of the daily-trend momentum strategy (reference-runtime §4.1), in bars of the series.
    ///
    /// BotRuntime maps `strategies.<name>.parameters` of the config onto this type.
    public struct Parameters: Sendable, Hashable {
        /// `fast_ma`: bars of the fast simple moving average of closes.
        public var fastMA: Int
        /// `slow_ma`: bars of the slow simple moving average of closes; above `fastMA`.
        public var slowMA: Int
        /// `breakout_lookback`: bars before the current one whose highest high (lowest low) is the channel.
        public var breakoutLookback: Int
        /// `momentum_window`: momentum is the close against the close this many bars earlier.
        public var momentumWindow: Int
        /// `atr_window`: bars of the simple mean of true ranges.
        public var atrWindow: Int
        /// `atr_multiplier`: the stop's distance below the peak close, in ATRs.
        public var atrMultiplier: Double
        /// `min_trend_strength`: the least `fast/slow − 1` that allows an entry.
        public var minTrendStrength: Double
        /// `min_momentum`: the least momentum that allows an entry.
        public var minMomentum: Double

        /// Parameters; missing ones take the reference defaults.
        public init(
            fastMA: Int = 20, slowMA: Int = 100, breakoutLookback: Int = 55, momentumWindow: Int = 20,
            atrWindow: Int = 14, atrMultiplier: Double = 2.0, minTrendStrength: Double = 0.005,
            minMomentum: Double = 0.0
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

        /// The reference defaults: 20, 100, 55, 20, 14, 2.0, 0.005, 0.0.
        public static let defaults = Parameters()

        /// How many bars the reference keeps per series: the longest window plus two.
        public var maxHistory: Int { Swift.max(slowMA, breakoutLookback, momentumWindow, atrWindow) + 2 }

        /// How many bars a symbol needs before the strategy decides: the slow average, the breakout
        /// channel plus the current bar, the momentum base plus the current bar, and the ATR window.
        public var warmUpBarCount: Int { Swift.max(slowMA, breakoutLookback + 1, momentumWindow + 1, atrWindow) }

        /// Checks that the windows are positive, the fast average is shorter than the slow one, the
        /// multiplier is positive and the thresholds are finite.
        public func validate() throws(StrategyParameterError) {
            let name = DailyTrendMomentumStrategy.engineName
            let windows: [(String, Int)] = [
                ("fast_ma", fastMA), ("slow_ma", slowMA), ("breakout_lookback", breakoutLookback),
                ("momentum_window", momentumWindow), ("atr_window", atrWindow),
            ]
            for (parameter, value) in windows where value <= 0 {
                throw .notPositive(strategy: name, parameter: parameter, value: Double(value))
            }
            guard fastMA < slowMA else { throw .fastNotBelowSlow(strategy: name, fast: fastMA, slow: slowMA) }
            let numbers: [(String, Double)] = [
                ("atr_multiplier", atrMultiplier), ("min_trend_strength", minTrendStrength),
                ("min_momentum", minMomentum),
            ]
            for (parameter, value) in numbers where !value.isFinite {
                throw .notFinite(strategy: name, parameter: parameter, value: value)
            }
            guard atrMultiplier > 0 else {
                throw .notPositive(strategy: name, parameter: "atr_multiplier", value: atrMultiplier)
            }
        }
    }
}
