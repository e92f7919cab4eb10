/// What one ``OHLCVStore/write(_:series:now:)`` did.
public struct CandleWriteSummary: Sendable, Hashable {
    /// Candles whose open time was not stored before.
    public var inserted = 0
    /// Candles that replaced a stored candle with different values (the exchange's latest value wins).
    public var replaced = 0
    /// Candles identical to the stored ones (nothing to write for them).
    public var unchanged = 0
    /// Candles dropped because they were not closed at `now` (their close time is after `now`).
    public var droppedOpen = 0
    /// Candles dropped because their open time is not on the interval's grid.
    public var droppedMisaligned = 0
    /// The months whose files were written, oldest first.
    public var partitionsWritten: [PartitionMonth] = []

    /// An empty summary.
    public init() {}

    /// Candles now stored that were not, or were stored with other values.
    public var written: Int { inserted + replaced }
}
