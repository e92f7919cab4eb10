import Synchronization

/// A Prometheus counter: a value per label set that only goes up.
///
/// Obtain one from ``MetricsRegistry/counter(_:help:)``. Updates are cheap (one lock, one hash lookup)
/// and never throw: a refused update (a negative or NaN amount, an invalid label name) changes nothing
/// and is counted in ``MetricsRegistry/rejectedUpdateCount()``.
public final class Counter: Sendable {
    public let name: String
    public let help: String
    private let samples = Mutex(SampleTable<Double>())
    private let rejections: MetricsRejections

    init(name: String, help: String, rejections: MetricsRejections) {
        self.name = name
        self.help = help
        self.rejections = rejections
    }

    /// Adds `amount` (0 or more) to the sample for `labels`, creating it at 0 first.
    public func increment(by amount: Double = 1, labels: [String: String] = [:]) {
        guard amount >= 0 else {
            rejections.record(.invalidIncrement(metric: name, amount: amount))
            return
        }
        let key = LabelSet(labels)
        let problem = samples.withLock { table in
            table.update(key, metric: name, initial: { 0 }) { $0 += amount }
        }
        if let problem { rejections.record(problem) }
    }

    /// The current value for `labels`; 0 for a label set never incremented.
    public func value(labels: [String: String] = [:]) -> Double {
        let key = LabelSet(labels)
        return samples.withLock { $0.values[key] } ?? 0
    }

    func sortedSamples() -> [(labels: LabelSet, value: Double)] { samples.withLock { $0.sorted() } }
}
