/// What ``OHLCVStore/prune(olderThan:now:)`` removed.
public struct PruneSummary: Sendable, Hashable {
    /// The removed partitions' paths relative to the cache root, oldest first.
    public var removedPartitions: [String] = []
    /// The candles they held.
    public var removedRows = 0
}
