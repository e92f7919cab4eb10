/// Sends every alert to every registered channel, throttles repeats and audits the outcome (reference
/// `DefaultAlertRouter`, §5.2).
///
/// A dispatch calls all channels concurrently, each under ``channelTimeout``; a channel that fails or
/// times out does not affect the others. Every outcome is audited: one record per channel (`delivered` or
/// `failed` with the reason), one `__suppressed__` record when the throttle holds a repeat back, one
/// `__none__` record when no channel is registered. The throttle records an alert only when at least one
/// channel delivered it, so an alert that reached nobody is tried again on its next occurrence. An
/// identical alert arriving while the first is still being delivered counts as a repeat.
///
/// Time comes from the injected `now` (epoch milliseconds); the timeout is measured by the task clock.
public actor AlertRouter {
    /// How long one channel may take to deliver or to answer a health check before it is cancelled.
    public nonisolated let channelTimeout: Duration

    private let auditLog: any AlertAuditLog
    private let now: @Sendable () -> Int64
    private var throttle: AlertThrottle?
    private var channels: [any AlertChannel] = []
    private var statistics: [String: AlertChannelStatistics] = [:]
    private var suppressed: [AlertSeverity: Int] = [:]
    private var inFlight: Set<AlertThrottleKey> = []

    /// A router with no channels yet.
    ///
    /// - Parameters:
    ///   - auditLog: receives a record for every delivery, failure and suppression.
    ///   - throttle: suppresses repeats; nil sends every alert (the reference default without
    ///     `alert_throttle`).
    ///   - channelTimeout: the limit for one channel's delivery or health check (reference HTTP timeout 10 s).
    ///   - now: the clock, in epoch milliseconds.
    public init(
        auditLog: any AlertAuditLog, throttle: AlertThrottle? = nil, channelTimeout: Duration = .seconds(10),
        now: @escaping @Sendable () -> Int64
    ) throws(AlertRouterError) {
        guard channelTimeout > .zero else {
            throw .nonPositiveTimeout(milliseconds: Self.milliseconds(of: channelTimeout))
        }
        self.auditLog = auditLog
        self.throttle = throttle
        self.channelTimeout = channelTimeout
        self.now = now
    }

    /// Adds `channel`; its name must be unique.
    public func register(_ channel: any AlertChannel) throws(AlertRouterError) {
        guard statistics[channel.name] == nil else { throw .duplicateChannel(channel.name) }
        channels.append(channel)
        statistics[channel.name] = AlertChannelStatistics()
    }

    /// The registered channels' names, in registration order.
    public var channelNames: [String] {
        channels.map(\.name)
    }

    /// Sends `message` to every channel unless the throttle suppresses it, and audits the outcome.
    ///
    /// Never throws: delivery and audit problems are in the report, which the caller logs.
    @discardableResult
    public func dispatch(_ message: AlertMessage) async -> AlertDispatchReport {
        let key = AlertThrottleKey(message)
        if let remaining = suppression(of: message, key: key) {
            suppressed[message.severity, default: 0] += 1
            let record = AlertAuditRecord(
                message, channel: AlertAuditRecord.suppressedChannel, status: .throttled, createdAt: now())
            let auditErrors = await audit([record])
            return AlertDispatchReport(outcome: .throttled(remainingMilliseconds: remaining), auditErrors: auditErrors)
        }
        let channels = self.channels
        guard !channels.isEmpty else {
            let record = AlertAuditRecord(
                message, channel: AlertAuditRecord.noChannel, status: .undelivered, createdAt: now())
            let auditErrors = await audit([record])
            return AlertDispatchReport(outcome: .noChannels, auditErrors: auditErrors)
        }

        let throttled = throttle.map { !$0.isExempt(message) } ?? false
        if throttled { inFlight.insert(key) }
        let deliveries = await Self.deliver(message, to: channels, timeout: channelTimeout)
        if throttled { inFlight.remove(key) }

        let finished = now()
        for delivery in deliveries {
            statistics[delivery.channel]?.record(delivery, severity: message.severity, at: finished)
        }
        if deliveries.contains(where: { $0.status == .delivered }) {
            throttle?.record(message, at: finished)
        }
        let auditErrors = await audit(
            deliveries.map {
                AlertAuditRecord(message, channel: $0.channel, status: $0.status, error: $0.error, createdAt: finished)
            })
        return AlertDispatchReport(outcome: .dispatched, deliveries: deliveries, auditErrors: auditErrors)
    }

    /// Asks every channel for its health (concurrently, each under ``channelTimeout``) and adds what the
    /// router observed; a health check that times out reports an error and is counted.
    public func healthSnapshot() async -> AlertHealthSnapshot {
        let channels = self.channels
        let reports = await Self.checkHealth(of: channels, timeout: channelTimeout)
        let checkedAt = now()
        var entries: [AlertHealthSnapshot.Channel] = []
        for (channel, report) in zip(channels, reports) {
            let health: AlertChannelHealth
            if let report {
                health = report
            } else {
                statistics[channel.name]?.healthCheckFailures += 1
                health = AlertChannelHealth(
                    status: .error, lastFailure: checkedAt,
                    lastError: "health check did not answer within \(Self.milliseconds(of: channelTimeout)) ms")
            }
            entries.append(
                AlertHealthSnapshot.Channel(
                    name: channel.name, health: health, statistics: statistics[channel.name] ?? .init()))
        }
        return AlertHealthSnapshot(checkedAt: checkedAt, channels: entries, suppressed: suppressed)
    }

    /// Forgets what the throttle remembered, so the next alert of every kind is sent.
    public func resetThrottle() {
        throttle?.reset()
    }

    /// How long `message` is held back, or nil when it may be sent now.
    private func suppression(of message: AlertMessage, key: AlertThrottleKey) -> Int64? {
        guard let throttle, !throttle.isExempt(message) else { return nil }
        if inFlight.contains(key) { return throttle.window }
        let remaining = throttle.remainingMilliseconds(for: message, at: now())
        return remaining > 0 ? remaining : nil
    }

    /// Appends `records` in order; returns the errors of those that could not be stored.
    private func audit(_ records: [AlertAuditRecord]) async -> [String] {
        var errors: [String] = []
        for record in records {
            do {
                try await auditLog.append(record)
            } catch {
                errors.append(String(describing: error))
            }
        }
        return errors
    }

    static func milliseconds(of duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
