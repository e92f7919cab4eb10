/// `data_quality`: the thresholds the coverage check applies (`spec/reference-data.md` §7.5).
public struct DataQualityConfig: Sendable, Equatable {
    /// `max_gap_minutes`: the largest tolerated gap since the newest candle.
    public let maxGapMinutes: Double?
    /// `min_ok_ratio`: the smallest tolerated share of series with status ok (0…1).
    public let minOKRatio: Double?

    /// Thresholds; nil leaves one unset.
    public init(maxGapMinutes: Double?, minOKRatio: Double?) {
        self.maxGapMinutes = maxGapMinutes
        self.minOKRatio = minOKRatio
    }

    /// These thresholds with unset fields taken from `fallback` (the coverage check's per-field fallback to
    /// the risk profile).
    public func filled(from fallback: DataQualityConfig?) -> DataQualityConfig {
        DataQualityConfig(
            maxGapMinutes: maxGapMinutes ?? fallback?.maxGapMinutes, minOKRatio: minOKRatio ?? fallback?.minOKRatio)
    }
}
