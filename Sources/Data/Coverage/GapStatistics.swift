/// The distribution of per-series gaps (reference §7.6): min, max, median, 95th and 99th percentile.
public struct GapStatistics: Sendable, Hashable {
    public let totalEntries: Int
    public let withGapMeasurement: Int
    public let minimum: Double?
    public let maximum: Double?
    public let median: Double?
    public let percentile95: Double?
    public let percentile99: Double?

    /// Statistics over the series' ``SeriesCoverage/gapMinutes`` (series without candles are counted in
    /// ``totalEntries`` only).
    public init(_ entries: [SeriesCoverage]) {
        self.init(gaps: entries.map(\.gapMinutes))
    }

    /// Statistics over `gaps`; nil and NaN values are counted in ``totalEntries`` only.
    public init(gaps: [Double?]) {
        totalEntries = gaps.count
        let values = gaps.compactMap { $0 }.filter { !$0.isNaN }.sorted()
        withGapMeasurement = values.count
        minimum = values.first
        maximum = values.last
        let middle = values.count / 2
        median =
            values.isEmpty
            ? nil : values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
        percentile95 = Self.quantile(values, 0.95)
        percentile99 = Self.quantile(values, 0.99)
    }

    /// Linear interpolation at position `(n − 1) × q` of the sorted values (the median of an even count is
    /// the mean of the two middle values).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        guard sorted.count > 1 else { return sorted[0] }
        let position = Double(sorted.count - 1) * q
        let lower = Int(position)
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// The reference keys, in order.
    public var json: ReportJSON {
        .object([
            ("total_entries", .integer(Int64(totalEntries))),
            ("with_gap_measurement", .integer(Int64(withGapMeasurement))),
            ("min_gap_minutes", .number(minimum)), ("max_gap_minutes", .number(maximum)),
            ("median_gap_minutes", .number(median)), ("percentile_95_gap_minutes", .number(percentile95)),
            ("percentile_99_gap_minutes", .number(percentile99)),
        ])
    }
}
