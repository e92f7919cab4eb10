import Synchronization

/// The metrics of one process, by name, and their Prometheus text exposition.
///
/// ```swift
/// let registry = MetricsRegistry()
/// let orders = try registry.counter("orders_total", help: "Orders sent.")
/// orders.increment(labels: ["symbol": "BTCUSDT"])
/// let text = registry.renderPrometheus()
/// ```
///
/// Registration validates names and throws; updates on the returned metrics are lock-protected, never
/// suspend and never throw, so the trading loop can call them directly. Pass one registry to every
/// component that exports metrics (there is no process-wide singleton).
public final class MetricsRegistry: Sendable {
    private enum Family {
        case counter(Counter)
        case gauge(Gauge)
        case histogram(Histogram)

        var type: MetricType {
            switch self {
            case .counter: .counter
            case .gauge: .gauge
            case .histogram: .histogram
            }
        }
    }

    private let families = Mutex<[String: Family]>([:])
    private let rejections = MetricsRejections()

    public init() {}

    /// The counter called `name`, created with `help` when it does not exist yet.
    public func counter(_ name: String, help: String) throws(MetricsError) -> Counter {
        let family = try register(name, .counter) { .counter(Counter(name: name, help: help, rejections: rejections)) }
        guard case .counter(let counter) = family else {
            throw .typeConflict(name: name, existing: family.type, requested: .counter)
        }
        return counter
    }

    /// The gauge called `name`, created with `help` when it does not exist yet.
    public func gauge(_ name: String, help: String) throws(MetricsError) -> Gauge {
        let family = try register(name, .gauge) { .gauge(Gauge(name: name, help: help, rejections: rejections)) }
        guard case .gauge(let gauge) = family else {
            throw .typeConflict(name: name, existing: family.type, requested: .gauge)
        }
        return gauge
    }

    /// The histogram called `name`, created with `help` and `buckets` (upper bounds: non-empty, finite,
    /// strictly increasing; `+Inf` is implied) when it does not exist yet. An existing one must have the
    /// same buckets.
    public func histogram(_ name: String, help: String, buckets: [Double]) throws(MetricsError) -> Histogram {
        if buckets.isEmpty { throw .invalidBuckets(name: name, buckets: buckets, reason: "give at least one bound") }
        if !buckets.allSatisfy(\.isFinite) {
            throw .invalidBuckets(name: name, buckets: buckets, reason: "bounds must be finite (+Inf is implied)")
        }
        if zip(buckets, buckets.dropFirst()).contains(where: { $0 >= $1 }) {
            throw .invalidBuckets(name: name, buckets: buckets, reason: "bounds must be strictly increasing")
        }
        let family = try register(name, .histogram) {
            .histogram(Histogram(name: name, help: help, buckets: buckets, rejections: rejections))
        }
        guard case .histogram(let histogram) = family else {
            throw .typeConflict(name: name, existing: family.type, requested: .histogram)
        }
        guard histogram.buckets == buckets else {
            throw .bucketConflict(name: name, existing: histogram.buckets, requested: buckets)
        }
        return histogram
    }

    /// How many updates were refused since the registry was created (see ``lastRejectedUpdate()``).
    public func rejectedUpdateCount() -> Int { rejections.count }

    /// Why the most recent refused update was refused, or nil.
    public func lastRejectedUpdate() -> MetricsError? { rejections.last }

    private func register(_ name: String, _ type: MetricType, make: () -> Family) throws(MetricsError) -> Family {
        guard MetricNameRules.isValidMetricName(name) else { throw .invalidMetricName(name) }
        return families.withLock { families in
            if let existing = families[name] { return existing }
            let family = make()
            families[name] = family
            return family
        }
    }

    // MARK: - Exposition

    /// The registry in the Prometheus text exposition format 0.0.4, families sorted by name.
    ///
    /// Per family `# HELP` and `# TYPE`, then one line per label set sorted by labels (labels sorted by
    /// name, values escaped). A histogram lists, per label set, its cumulative `_bucket` lines (`le` last,
    /// `+Inf` at the end), `_sum` and `_count`. The text ends with a newline.
    public func renderPrometheus() -> String {
        let sorted = families.withLock { families in families.sorted { $0.key < $1.key } }
        var text = ""
        for (name, family) in sorted {
            switch family {
            case .counter(let counter):
                PrometheusText.header(name: name, help: counter.help, type: .counter, into: &text)
                for sample in counter.sortedSamples() {
                    PrometheusText.sample(name, sample.labels, value: sample.value, into: &text)
                }
            case .gauge(let gauge):
                PrometheusText.header(name: name, help: gauge.help, type: .gauge, into: &text)
                for sample in gauge.sortedSamples() {
                    PrometheusText.sample(name, sample.labels, value: sample.value, into: &text)
                }
            case .histogram(let histogram):
                PrometheusText.header(name: name, help: histogram.help, type: .histogram, into: &text)
                for sample in histogram.sortedSnapshots() {
                    PrometheusText.histogram(name, sample.labels, sample.value, into: &text)
                }
            }
        }
        return text
    }
}
