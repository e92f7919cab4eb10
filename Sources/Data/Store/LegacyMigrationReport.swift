/// What ``OHLCVStore/migrateLegacyPartitions(now:)`` did with a cache written by the Python original.
public struct LegacyMigrationReport: Sendable, Hashable {
    /// Partitions rewritten in our schema (INT64 millisecond `open_time`, canonical column order), relative
    /// paths, in series and month order.
    public var rewrittenPartitions: [String] = []
    /// The candles in them.
    public var rewrittenRows = 0
    /// The original's per-series metadata, for comparison with the (true) counts now recorded.
    public var legacyMetadata: [LegacySeriesMetadata] = []
}

/// One series' entries in the Python original's manifest `metadata` table (`spec/reference-data.md` §3.5).
public struct LegacySeriesMetadata: Sendable, Hashable {
    /// The symbol of the key `last_timestamp::<SYMBOL>::<INTERVAL>` (the original's keys have no exchange).
    public let symbol: String
    /// The interval spelling of the key, as the original's config had it.
    public let interval: String
    /// `last_timestamp::…` parsed as integer milliseconds; nil when missing or not a number.
    public let lastTimestamp: Int64?
    /// `row_count::…` parsed; nil when missing or not a number. The original's count only grew by newer
    /// candles, so it may be lower than the true count.
    public let rowCount: Int?
}
