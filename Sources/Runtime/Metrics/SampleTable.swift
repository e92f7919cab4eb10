import Synchronization

/// The samples of one metric family by label set; lives inside the metric's lock.
struct SampleTable<Value> {
    private(set) var values: [LabelSet: Value] = [:]

    /// Applies `change` to the sample for `key`, creating it from `initial` first. Label names are checked
    /// only when a label set is seen for the first time, which keeps the common update to one hash lookup.
    mutating func update(
        _ key: LabelSet, metric: String, reserved: Set<String> = [], initial: () -> Value,
        _ change: (inout Value) -> Void
    ) -> MetricsError? {
        if let index = values.index(forKey: key) {
            change(&values.values[index])
            return nil
        }
        if let (label, reason) = key.invalidName(reserved: reserved) {
            return .invalidLabelName(metric: metric, label: label, reason: reason)
        }
        var value = initial()
        change(&value)
        values[key] = value
        return nil
    }

    /// The samples sorted by label set, as the exposition lists them.
    func sorted() -> [(labels: LabelSet, value: Value)] {
        values.sorted { $0.key < $1.key }.map { (labels: $0.key, value: $0.value) }
    }
}

/// Updates a registry refused (bad label names, a counter going down). Updates never throw, because a
/// metrics mistake must not stop trading; they are counted here instead, for the operator to see.
final class MetricsRejections: Sendable {
    private let state = Mutex<(count: Int, last: MetricsError?)>((0, nil))

    func record(_ error: MetricsError) {
        state.withLock { state in
            state.count += 1
            state.last = error
        }
    }

    var count: Int { state.withLock { $0.count } }
    var last: MetricsError? { state.withLock { $0.last } }
}
