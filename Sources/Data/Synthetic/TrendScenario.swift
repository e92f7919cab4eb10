/// A price path made of segments with their own drift, for strategy tests that need a known shape:
/// an up-trend that turns into a down-trend, a flat market, a crash.
public struct TrendScenario: Sendable, Hashable {
    /// A run of candles with one drift and one volatility.
    public struct Segment: Sendable, Hashable {
        /// How many candles the segment spans.
        public let count: Int
        /// The mean change of the close per candle, as a fraction (`0.01` is +1 % a candle).
        public let drift: Double
        /// The largest random change per candle on top of the drift, as a fraction; also sizes the wicks.
        public let volatility: Double

        /// A segment of `count` candles (negative counts are treated as zero).
        public init(count: Int, drift: Double, volatility: Double = 0.005) {
            self.count = max(0, count)
            self.drift = drift
            self.volatility = max(0, volatility)
        }
    }

    /// The open of the first candle.
    public let startPrice: Double
    /// The typical volume of one candle.
    public let volume: Double
    /// The segments, in time order.
    public let segments: [Segment]

    /// A scenario starting at `startPrice`.
    public init(startPrice: Double, volume: Double = 1000, segments: [Segment]) {
        self.startPrice = startPrice
        self.volume = volume
        self.segments = segments
    }

    /// An up-trend of `upCandles` then a down-trend of `downCandles`, with opposite drifts of `drift`.
    ///
    /// With a drift well above the volatility (the defaults) the highest close is the last one of the
    /// up-trend, at index ``turnIndex``.
    public static func turning(
        upCandles: Int, downCandles: Int, drift: Double = 0.01, volatility: Double = 0.004, startPrice: Double = 100
    ) -> TrendScenario {
        TrendScenario(
            startPrice: startPrice,
            segments: [
                Segment(count: upCandles, drift: drift, volatility: volatility),
                Segment(count: downCandles, drift: -drift, volatility: volatility),
            ])
    }

    /// The number of candles over all segments.
    public var candleCount: Int { segments.reduce(0) { $0 + $1.count } }

    /// The index of the last candle of the first segment (where a two-segment trend turns), or nil when the
    /// scenario has fewer than two non-empty segments.
    public var turnIndex: Int? {
        let nonEmpty = segments.filter { $0.count > 0 }
        guard nonEmpty.count >= 2 else { return nil }
        return nonEmpty[0].count - 1
    }
}
