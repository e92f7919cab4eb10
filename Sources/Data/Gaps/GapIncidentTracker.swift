import BotAlerts
import BotCodecs
import BotExchanges
import Foundation

/// Watches the newest candle of every series and turns lasting gaps into warnings, incidents and SMS
/// escalations (reference `DataGapIncidentTracker`, §6.2), auditing every check (§6.3).
///
/// Per series: a gap at or above the policy threshold is a warning (alerts at most every
/// `warningThrottleMinutes`); `incidentThresholdCount` gap checks within `incidentWindowMinutes` open an
/// incident (critical alert); an incident open for `smsEscalationMinutes` is escalated once (critical alert
/// with context `escalation: sms`, for the router's SMS channels); the first healthy check closes it (info
/// alert). The gap is measured from the close of the newest candle, as only closed candles are stored.
///
/// Differences from the reference, on purpose: every check is audited whether or not alerts are enabled
/// (pass no sink); missing or unreadable data alerts once when it starts, not on every cycle, and an info
/// alert says when the data is back; the state is a ``GapState`` value the caller can save and restore, so
/// a restart keeps open incidents; alert texts are English.
public actor GapIncidentTracker {
    /// The alert category of every gap alert.
    public static let category = "data.ohlcv"

    public nonisolated let environment: String
    public nonisolated let exchange: String
    public nonisolated let policy: GapAlertPolicy
    /// The audit file.
    public nonisolated let auditURL: URL

    private let now: @Sendable () -> Int64
    private let sink: (@Sendable (AlertMessage) async -> Void)?
    private var writer: JSONLinesWriter?
    /// What is remembered between checks; save it after each ``check(_:asOf:)`` to survive restarts.
    public private(set) var state: GapState

    /// `<dataCachePath>/audit/<environment>_ohlcv_gaps.jsonl`.
    public static func auditURL(dataCachePath: URL, environment: String) -> URL {
        dataCachePath.appendingPathComponent("audit", isDirectory: true)
            .appendingPathComponent("\(environment)_ohlcv_gaps.jsonl")
    }

    /// A tracker auditing to `auditURL` (created with its folders on the first check).
    ///
    /// - Parameters:
    ///   - alerts: receives every alert (usually `{ await router.dispatch($0) }`); nil audits without alerting.
    ///   - state: what a previous run remembered.
    ///   - now: the clock, epoch ms.
    public init(
        environment: String, exchange: String, policy: GapAlertPolicy = GapAlertPolicy(), auditURL: URL,
        state: GapState = GapState(), alerts: (@Sendable (AlertMessage) async -> Void)? = nil,
        now: @escaping @Sendable () -> Int64
    ) {
        self.environment = environment
        self.exchange = exchange
        self.policy = policy
        self.auditURL = auditURL
        self.state = state
        self.sink = alerts
        self.now = now
    }

    /// Checks every series at `asOf` (epoch ms), appends one audit line per series and sends the alerts.
    ///
    /// The state changes and audit lines for the whole batch are settled before any alert is awaited, so two
    /// overlapping calls cannot interleave inside one series' transition.
    /// - Throws: ``GapMonitorError/audit(path:reason:)`` after the alerts were sent, when a line could not be
    ///   written.
    @discardableResult
    public func check(_ observations: [GapObservation], asOf: Int64) async throws(GapMonitorError) -> [GapEvaluation] {
        let checkedAt = now()
        let evaluations = observations.map { evaluate($0, asOf: asOf, now: checkedAt) }
        var auditError: GapMonitorError?
        do {
            let writer = try openWriter()
            for evaluation in evaluations { try writer.append(json: evaluation.record.line) }
            try writer.flush()
        } catch {
            auditError = .audit(path: auditURL.path, reason: error.description)
        }
        if let sink {
            for case let alert? in evaluations.map(\.alert) { await sink(alert) }
        }
        if let auditError { throw auditError }
        return evaluations
    }

    /// Replaces the remembered state (after loading it from the manifest).
    public func restore(_ state: GapState) {
        self.state = state
    }

    /// Flushes and closes the audit file; the next check opens it again.
    public func close() throws(GapMonitorError) {
        guard let writer else { return }
        self.writer = nil
        do {
            try writer.close()
        } catch {
            throw .audit(path: auditURL.path, reason: error.description)
        }
    }

    private func openWriter() throws(JSONLinesError) -> JSONLinesWriter {
        if let writer { return writer }
        let writer = try JSONLinesWriter(url: auditURL, durability: .onFlush)
        self.writer = writer
        return writer
    }

    private func evaluate(_ observation: GapObservation, asOf: Int64, now: Int64) -> GapEvaluation {
        let key = GapState.key(symbol: observation.symbol, interval: observation.interval.description)
        var series = state.series[key] ?? GapState.Series()
        defer { state.series[key] = series.isIdle ? nil : series }
        let message = Messages(tracker: self, observation: observation, now: now)

        let lastOpen: Int64
        switch observation.latest {
        case .missing:
            let alert = series.dataProblemAlerted ? nil : message.missing()
            series.dataProblemAlerted = true
            return GapEvaluation(record: message.record(.missingMetadata), alert: alert)
        case .invalid(let raw):
            let alert = series.dataProblemAlerted ? nil : message.invalid(raw: raw)
            series.dataProblemAlerted = true
            return GapEvaluation(record: message.record(.invalidMetadata, lastTimestamp: raw), alert: alert)
        case .openTime(let time):
            lastOpen = time
        }
        let dataCameBack = series.dataProblemAlerted
        series.dataProblemAlerted = false

        let close =
            observation.interval.fixedMilliseconds.map { lastOpen + $0 } ?? observation.interval.next(after: lastOpen)
        let gap = Double(max(0, asOf - close)) / 60_000
        let threshold = policy.warningThreshold(for: observation.interval)
        let lastISO = UTCDateTime(milliseconds: lastOpen).pythonISOFormat
        let minute: Int64 = 60_000

        guard gap >= threshold else {
            let incidentMinutes = series.incidentOpenedAt.map { Double(now - $0) / 60_000 }
            var alert: AlertMessage?
            if let incidentMinutes {
                alert = message.closed(gap: gap, incidentMinutes: incidentMinutes)
            } else if dataCameBack {
                alert = message.restored(gap: gap)
            }
            let record = message.record(
                .ok, gap: gap, lastTimestamp: lastISO, warnings: series.warningTimes.count,
                incidentMinutes: incidentMinutes)
            series = GapState.Series()
            return GapEvaluation(record: record, alert: alert)
        }

        series.warningTimes.append(now)
        let cutoff = now - Int64(policy.incidentWindowMinutes) * minute
        series.warningTimes.removeAll { $0 < cutoff }
        let count = series.warningTimes.count

        if let openedAt = series.incidentOpenedAt {
            let elapsed = Double(now - openedAt) / 60_000
            if !series.smsEscalated, elapsed >= Double(policy.smsEscalationMinutes) {
                series.smsEscalated = true
                return GapEvaluation(
                    record: message.record(
                        .smsEscalated, gap: gap, lastTimestamp: lastISO, warnings: count, incidentMinutes: elapsed),
                    alert: message.escalated(gap: gap, lastISO: lastISO, incidentMinutes: elapsed))
            }
            return GapEvaluation(
                record: message.record(
                    .incident, gap: gap, lastTimestamp: lastISO, warnings: count, incidentMinutes: elapsed),
                alert: nil)
        }
        if count >= policy.incidentThresholdCount {
            series.incidentOpenedAt = now
            series.smsEscalated = false
            series.lastWarningAlertAt = nil
            return GapEvaluation(
                record: message.record(
                    .incident, gap: gap, lastTimestamp: lastISO, warnings: count, incidentMinutes: 0),
                alert: message.incident(gap: gap, lastISO: lastISO, warnings: count))
        }
        if let last = series.lastWarningAlertAt, now - last < Int64(policy.warningThrottleMinutes) * minute {
            return GapEvaluation(
                record: message.record(.warningSuppressed, gap: gap, lastTimestamp: lastISO, warnings: count),
                alert: nil)
        }
        series.lastWarningAlertAt = now
        return GapEvaluation(
            record: message.record(.warning, gap: gap, lastTimestamp: lastISO, warnings: count),
            alert: message.warning(lastISO: lastISO, threshold: threshold))
    }
}
