/// One series as the manifest records it.
public struct SeriesInfo: Sendable, Hashable {
    /// Which series.
    public let series: SeriesKey
    /// The oldest stored open time (epoch ms), nil when no candle is stored.
    public let firstOpenTime: Int64?
    /// The newest stored open time (epoch ms), nil when no candle is stored.
    public let lastOpenTime: Int64?
    /// The number of stored candles, summed over the partitions (a true count, unlike the original's).
    public let rowCount: Int
    /// When the record last changed (epoch ms).
    public let updatedAt: Int64
}
