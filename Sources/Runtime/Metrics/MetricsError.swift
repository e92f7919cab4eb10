/// A metric that cannot be registered or an update that was refused.
public enum MetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name breaks Prometheus's rule `[a-zA-Z_:][a-zA-Z0-9_:]*` (or starts with the reserved `__`).
    case invalidMetricName(String)
    /// A label name breaks `[a-zA-Z_][a-zA-Z0-9_]*`, starts with `__`, or is reserved for the metric's type.
    case invalidLabelName(metric: String, label: String, reason: String)
    /// The name is already registered as a metric of another type.
    case typeConflict(name: String, existing: MetricType, requested: MetricType)
    /// The histogram is already registered with other bucket boundaries.
    case bucketConflict(name: String, existing: [Double], requested: [Double])
    /// Histogram boundaries that are empty, not finite or not strictly increasing.
    case invalidBuckets(name: String, buckets: [Double], reason: String)
    /// A counter was asked to go down (or by NaN); counters only increase.
    case invalidIncrement(metric: String, amount: Double)

    public var description: String {
        switch self {
        case .invalidMetricName(let name):
            "invalid metric name '\(name)': use letters, digits, '_' and ':' only, not starting with a digit "
                + "or '__'"
        case .invalidLabelName(let metric, let label, let reason):
            "invalid label name '\(label)' on metric \(metric): \(reason)"
        case .typeConflict(let name, let existing, let requested):
            "metric \(name) is already registered as a \(existing), not a \(requested); "
                + "give the \(requested) another name"
        case .bucketConflict(let name, let existing, let requested):
            "histogram \(name) is already registered with buckets \(existing), not \(requested); "
                + "use the same buckets or another name"
        case .invalidBuckets(let name, let buckets, let reason):
            "histogram \(name) has invalid buckets \(buckets): \(reason)"
        case .invalidIncrement(let metric, let amount):
            "counter \(metric) cannot be increased by \(amount): counters only go up; use a gauge for values "
                + "that fall"
        }
    }
}

/// The Prometheus type of a metric family, as written on its `# TYPE` line.
public enum MetricType: String, Sendable, Hashable, CustomStringConvertible {
    case counter, gauge, histogram

    public var description: String { rawValue }
}
