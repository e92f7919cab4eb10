extension DailyTrendMomentumStrategy {
    /// What the strategy remembers about one symbol: rolling windows of closes and true ranges, the
    /// breakout channel, and its view of the position.
    public struct SymbolState: Sendable {
        var closes: WindowBuffer
        var trueRanges: WindowBuffer
        var highs: RollingExtremum
        var lows: RollingExtremum
        /// The channel of the bars before the current one, taken before the current bar is pushed.
        var priorHigh: Double?
        var priorLow: Double?
        var entryPrice: Double?
        var entryTime: Int64?
        var stopPrice: Double?

        /// How many bars were taken in (warm-up and live).
        public internal(set) var barCount = 0
        /// The close of the newest bar.
        public internal(set) var lastClose: Double?
        /// Whether the strategy believes it is long.
        public internal(set) var isInPosition = false
        /// The highest close since the entry, including the entry bar; nil when flat.
        public internal(set) var peakClose: Double?

        init(parameters: Parameters) {
            let capacity = parameters.maxHistory
            closes = WindowBuffer(capacity: capacity)
            trueRanges = WindowBuffer(capacity: capacity)
            highs = RollingExtremum(kind: .highest, window: parameters.breakoutLookback)
            lows = RollingExtremum(kind: .lowest, window: parameters.breakoutLookback)
        }

        /// Appends a bar to every window, as the reference's ingest does for warm-up and live bars alike.
        mutating func ingest(_ high: Double, _ low: Double, _ close: Double) {
            priorHigh = highs.current
            priorLow = lows.current
            highs.push(high)
            lows.push(low)
            closes.append(close)
            let trueRange =
                if let lastClose { max(high - low, abs(high - lastClose), abs(low - lastClose)) } else { high - low }
            trueRanges.append(trueRange)
            lastClose = close
            barCount += 1
            if isInPosition { peakClose = max(peakClose ?? close, close) }
        }
    }
}
