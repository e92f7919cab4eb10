import Synchronization

/// A Prometheus histogram: per label set, observations counted into buckets, plus their sum and count.
///
/// Obtain one from ``MetricsRegistry/histogram(_:help:buckets:)``. Each observation increments exactly one
/// stored bucket (the first whose bound is `>=` the value, or the overflow bucket); the cumulative counts
/// the exposition needs are summed when reading, so they are counted once (the reference added already
/// cumulative counts up again). The label `le` is reserved. Updates never throw; one with an invalid label
/// name changes nothing and is counted in ``MetricsRegistry/rejectedUpdateCount()``.
public final class Histogram: Sendable {
    public let name: String
    public let help: String
    /// Upper bounds, finite and strictly increasing.
    public let buckets: [Double]
    private let samples = Mutex(SampleTable<Cell>())
    private let rejections: MetricsRejections

    /// One label set's counts: one per bucket plus the overflow (`+Inf` only), not cumulative.
    struct Cell {
        var counts: [UInt64]
        var sum: Double = 0
        var count: UInt64 = 0
    }

    private static let reservedLabels: Set<String> = ["le"]

    init(name: String, help: String, buckets: [Double], rejections: MetricsRejections) {
        self.name = name
        self.help = help
        self.buckets = buckets
        self.rejections = rejections
    }

    /// Records `value` for `labels`. NaN lands only in `+Inf` (and makes the sum NaN), as in Prometheus.
    public func observe(_ value: Double, labels: [String: String] = [:]) {
        let index = bucketIndex(of: value)
        let key = LabelSet(labels)
        let bucketCount = buckets.count
        let problem = samples.withLock { table in
            table.update(
                key, metric: name, reserved: Self.reservedLabels,
                initial: { Cell(counts: Array(repeating: 0, count: bucketCount + 1)) }
            ) { cell in
                cell.counts[index] += 1
                cell.sum += value
                cell.count += 1
            }
        }
        if let problem { rejections.record(problem) }
    }

    /// The cumulative state for `labels`; all zero for a label set never observed.
    public func snapshot(labels: [String: String] = [:]) -> HistogramSnapshot {
        let key = LabelSet(labels)
        let cell = samples.withLock { $0.values[key] }
        return snapshot(of: cell ?? Cell(counts: Array(repeating: 0, count: buckets.count + 1)))
    }

    func sortedSnapshots() -> [(labels: LabelSet, value: HistogramSnapshot)] {
        samples.withLock { $0.sorted() }.map { (labels: $0.labels, value: snapshot(of: $0.value)) }
    }

    private func snapshot(of cell: Cell) -> HistogramSnapshot {
        var running: UInt64 = 0
        var cumulative: [UInt64] = []
        cumulative.reserveCapacity(buckets.count)
        for count in cell.counts.dropLast() {
            running += count
            cumulative.append(running)
        }
        return HistogramSnapshot(upperBounds: buckets, cumulativeCounts: cumulative, sum: cell.sum, count: cell.count)
    }

    /// The first bucket whose bound is `>= value` (binary search), or the overflow index.
    private func bucketIndex(of value: Double) -> Int {
        guard !value.isNaN else { return buckets.count }
        var low = 0
        var high = buckets.count
        while low < high {
            let middle = (low + high) / 2
            if value <= buckets[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
