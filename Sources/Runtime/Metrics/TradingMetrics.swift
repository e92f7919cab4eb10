/// The trading controller's metric families, each labelled with the run's `environment`, `portfolio` and
/// `risk_profile`.
///
/// | metric | type | extra labels |
/// |---|---|---|
/// | `trading_signals_total` | counter | `symbol`, `status` (received/adjusted/accepted/rejected) |
/// | `trading_orders_total` | counter | `symbol`, `result` (submitted/executed/failed), `side` |
/// | `trading_health_reports_total` | counter | — |
/// | `trading_liquidation_state` | gauge (1 in liquidation mode, else 0) | — |
/// | `trading_adapter_errors_total` | counter | `operation` |
/// | `trading_execution_latency_seconds` | histogram (``latencyBuckets``) | `symbol`, `status` |
/// | `alert_channel_health` | gauge (1 healthy, 0 failing) | `channel` |
/// | `trading_cycles_total` | counter | `result` (ok/failed) |
/// | `trading_last_cycle_timestamp_seconds` | gauge (Unix seconds) | — |
public struct TradingMetrics: Sendable {
    /// What happened to a strategy signal on its way through risk.
    public enum SignalStatus: String, Sendable, Hashable, CaseIterable {
        case received, adjusted, accepted, rejected
    }

    /// What happened to an order.
    public enum OrderOutcome: String, Sendable, Hashable, CaseIterable {
        case submitted, executed, failed
    }

    /// Execution latency buckets in seconds: the reference's paper histogram plus 2.5 s and 5 s for live
    /// venues.
    public static let latencyBuckets: [Double] = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0]

    public let registry: MetricsRegistry
    /// `environment`, `portfolio` and `risk_profile`.
    public let baseLabels: [String: String]

    private let signals: Counter
    private let orders: Counter
    private let healthReports: Counter
    private let liquidationState: Gauge
    private let adapterErrors: Counter
    private let latency: Histogram
    private let alertChannels: Gauge
    private let cycles: Counter
    private let lastCycle: Gauge

    /// Registers (or finds) the families in `registry` and sets the liquidation gauge to 0.
    public init(registry: MetricsRegistry, environment: String, portfolio: String, riskProfile: String)
        throws(MetricsError)
    {
        self.registry = registry
        baseLabels = ["environment": environment, "portfolio": portfolio, "risk_profile": riskProfile]
        signals = try registry.counter("trading_signals_total", help: "Strategy signals by risk outcome.")
        orders = try registry.counter("trading_orders_total", help: "Orders submitted, executed and failed.")
        healthReports = try registry.counter("trading_health_reports_total", help: "Health reports sent.")
        liquidationState = try registry.gauge(
            "trading_liquidation_state", help: "1 while the risk engine is in liquidation mode, else 0.")
        adapterErrors = try registry.counter(
            "trading_adapter_errors_total", help: "Exchange adapter and market data errors by operation.")
        latency = try registry.histogram(
            "trading_execution_latency_seconds", help: "Time from order submission to its result.",
            buckets: Self.latencyBuckets)
        alertChannels = try registry.gauge(
            "alert_channel_health", help: "1 while the alert channel is healthy, 0 while it fails.")
        cycles = try registry.counter("trading_cycles_total", help: "Controller cycles by result.")
        lastCycle = try registry.gauge(
            "trading_last_cycle_timestamp_seconds", help: "When the last controller cycle ended (Unix seconds).")
        liquidationState.set(0, labels: baseLabels)
    }

    /// Counts a signal with its risk outcome.
    public func signal(symbol: String, status: SignalStatus) {
        signals.increment(labels: labels(["symbol": symbol, "status": status.rawValue]))
    }

    /// Counts an order; `side` as the order has it (`BUY`/`SELL`).
    public func order(symbol: String, result: OrderOutcome, side: String) {
        orders.increment(labels: labels(["symbol": symbol, "result": result.rawValue, "side": side]))
    }

    /// Counts a health report sent.
    public func healthReport() {
        healthReports.increment(labels: baseLabels)
    }

    /// Sets the liquidation gauge to 1 (`active`) or 0.
    public func liquidation(_ active: Bool) {
        liquidationState.set(active ? 1 : 0, labels: baseLabels)
    }

    /// Counts a failed adapter or market data call, e.g. `operation: "fetch_ohlcv"`.
    public func adapterError(operation: String) {
        adapterErrors.increment(labels: labels(["operation": operation]))
    }

    /// Records how long an order took from submission to result.
    public func executionLatency(seconds: Double, symbol: String, status: String) {
        latency.observe(seconds, labels: labels(["symbol": symbol, "status": status]))
    }

    /// Sets an alert channel's health gauge (1 healthy, 0 failing).
    public func alertChannel(_ name: String, healthy: Bool) {
        alertChannels.set(healthy ? 1 : 0, labels: labels(["channel": name]))
    }

    /// Counts a finished cycle and records when it ended (epoch milliseconds, exported as seconds).
    public func cycle(succeeded: Bool, at milliseconds: Int64) {
        cycles.increment(labels: labels(["result": succeeded ? "ok" : "failed"]))
        lastCycle.set(Double(milliseconds) / 1000, labels: baseLabels)
    }

    private func labels(_ extra: [String: String]) -> [String: String] {
        baseLabels.merging(extra) { _, new in new }
    }
}
