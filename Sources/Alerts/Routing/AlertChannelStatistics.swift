/// What the router observed for one channel since it started: counts by severity and the latest outcome.
///
/// The numbers feed the metrics (`alerts_sent_total`, `alerts_failed_total`,
/// `alert_healthcheck_errors_total`) and the health snapshot.
public struct AlertChannelStatistics: Sendable, Hashable {
    /// Delivered alerts by severity.
    public internal(set) var delivered: [AlertSeverity: Int] = [:]
    /// Failed or timed-out deliveries by severity.
    public internal(set) var failed: [AlertSeverity: Int] = [:]
    /// Failures since the last success.
    public internal(set) var consecutiveFailures = 0
    /// When the last delivery succeeded (epoch milliseconds).
    public internal(set) var lastSuccess: Int64?
    /// When the last delivery failed (epoch milliseconds).
    public internal(set) var lastFailure: Int64?
    /// Why the last delivery failed; kept after a later success so operators see the last problem.
    public internal(set) var lastError: String?
    /// Health checks that timed out.
    public internal(set) var healthCheckFailures = 0

    /// Statistics with nothing observed yet.
    public init() {}

    /// All delivered alerts.
    public var deliveredCount: Int { delivered.values.reduce(0, +) }
    /// All failed deliveries.
    public var failedCount: Int { failed.values.reduce(0, +) }

    mutating func record(_ delivery: AlertChannelDelivery, severity: AlertSeverity, at time: Int64) {
        if delivery.status == .delivered {
            delivered[severity, default: 0] += 1
            consecutiveFailures = 0
            lastSuccess = time
        } else {
            failed[severity, default: 0] += 1
            consecutiveFailures += 1
            lastFailure = time
            lastError = delivery.error
        }
    }
}
