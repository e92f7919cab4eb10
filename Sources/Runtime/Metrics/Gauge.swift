import Synchronization

/// A Prometheus gauge: a value per label set that may go up and down.
///
/// Obtain one from ``MetricsRegistry/gauge(_:help:)``. Updates never throw; one with an invalid label name
/// changes nothing and is counted in ``MetricsRegistry/rejectedUpdateCount()``.
public final class Gauge: Sendable {
    public let name: String
    public let help: String
    private let samples = Mutex(SampleTable<Double>())
    private let rejections: MetricsRejections

    init(name: String, help: String, rejections: MetricsRejections) {
        self.name = name
        self.help = help
        self.rejections = rejections
    }

    /// Sets the sample for `labels` to `value`.
    public func set(_ value: Double, labels: [String: String] = [:]) {
        update(labels, set: value)
    }

    /// Adds `amount` to the sample for `labels` (created at 0).
    public func increment(by amount: Double = 1, labels: [String: String] = [:]) {
        update(labels, add: amount)
    }

    /// Subtracts `amount` from the sample for `labels` (created at 0).
    public func decrement(by amount: Double = 1, labels: [String: String] = [:]) {
        update(labels, add: -amount)
    }

    /// The current value for `labels`; 0 for a label set never set.
    public func value(labels: [String: String] = [:]) -> Double {
        let key = LabelSet(labels)
        return samples.withLock { $0.values[key] } ?? 0
    }

    private func update(_ labels: [String: String], set: Double? = nil, add: Double = 0) {
        let key = LabelSet(labels)
        let problem = samples.withLock { table in
            table.update(key, metric: name, initial: { 0 }) { value in
                if let set { value = set } else { value += add }
            }
        }
        if let problem { rejections.record(problem) }
    }

    func sortedSamples() -> [(labels: LabelSet, value: Double)] { samples.withLock { $0.sorted() } }
}
