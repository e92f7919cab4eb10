/// The state of one histogram sample: cumulative bucket counts, sum and count.
public struct HistogramSnapshot: Sendable, Equatable {
    /// The buckets' upper bounds (inclusive), ascending; `+Inf` is implied.
    public let upperBounds: [Double]
    /// For each bound, how many observations were `<=` it (cumulative, as exposed); the `+Inf` bucket is
    /// ``count``.
    public let cumulativeCounts: [UInt64]
    public let sum: Double
    public let count: UInt64

    public init(upperBounds: [Double], cumulativeCounts: [UInt64], sum: Double, count: UInt64) {
        self.upperBounds = upperBounds
        self.cumulativeCounts = cumulativeCounts
        self.sum = sum
        self.count = count
    }
}
