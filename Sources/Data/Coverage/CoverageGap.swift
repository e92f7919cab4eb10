/// A stretch of missing candles inside a series: the candles opening in `start..<end` are absent.
public struct CoverageGap: Sendable, Hashable, Codable {
    /// The open time of the first missing candle (epoch ms, UTC).
    public let start: Int64
    /// The open time of the next present candle, or the end of the checked window (exclusive).
    public let end: Int64
    /// How many candles are missing.
    public let missingCandles: Int64

    /// A gap of `missingCandles` candles opening in `start..<end`.
    public init(start: Int64, end: Int64, missingCandles: Int64) {
        self.start = start
        self.end = end
        self.missingCandles = missingCandles
    }

    /// The missing time in minutes.
    public var minutes: Double { Double(end - start) / 60_000 }
}
