import BotAlerts
import BotExchanges

extension GapIncidentTracker {
    /// The audit records and alert texts of one check of one series.
    struct Messages {
        let environment: String
        let exchange: String
        let observation: GapObservation
        let now: Int64
        let windowMinutes: Int

        init(tracker: GapIncidentTracker, observation: GapObservation, now: Int64) {
            environment = tracker.environment
            exchange = tracker.exchange
            windowMinutes = tracker.policy.incidentWindowMinutes
            self.observation = observation
            self.now = now
        }

        private var name: String { "\(observation.symbol) \(observation.interval)" }

        func record(
            _ status: GapAuditStatus, gap: Double? = nil, lastTimestamp: String? = nil, warnings: Int? = nil,
            incidentMinutes: Double? = nil
        ) -> GapAuditRecord {
            GapAuditRecord(
                timestamp: now, environment: environment, exchange: exchange, symbol: observation.symbol,
                interval: observation.interval.description, status: status, gapMinutes: gap,
                rowCount: observation.rowCount, lastTimestamp: lastTimestamp, warningsInWindow: warnings,
                incidentMinutes: incidentMinutes)
        }

        /// `45.0`: one decimal, as the reference's `f"{x:.1f}"`.
        private static func oneDecimal(_ value: Double) -> String {
            PythonFloat.repr(PythonFloat.round(value, places: 1))
        }

        private var base: [String: String] {
            [
                "environment": environment, "exchange": exchange, "symbol": observation.symbol,
                "interval": observation.interval.description,
                "row_count": observation.rowCount.map(String.init) ?? "0",
            ]
        }

        private func gapContext(gap: Double, lastISO: String) -> [String: String] {
            base.merging(["gap_minutes": Self.oneDecimal(gap), "last_timestamp": lastISO]) { $1 }
        }

        private func alert(
            _ title: String, _ body: String, _ severity: AlertSeverity, _ context: [String: String]
        ) -> AlertMessage {
            AlertMessage(
                category: GapIncidentTracker.category, title: title, body: body, severity: severity, context: context,
                timestamp: now)
        }

        /// Stable for the whole outage (no growing numbers), so a router throttle can hold back repeats; the
        /// audit has the gap of every check.
        func warning(lastISO: String, threshold: Double) -> AlertMessage {
            alert(
                "Data gap \(name)",
                "No new \(observation.interval) candle of \(observation.symbol) on \(exchange) since the one opened at "
                    + "\(lastISO) (warning threshold \(Self.oneDecimal(threshold)) minutes). Check the backfill scheduler "
                    + "and the exchange connection.",
                .warning,
                base.merging(["last_timestamp": lastISO, "threshold_minutes": Self.oneDecimal(threshold)]) { $1 }
                    .filter { $0.key != "row_count" })
        }

        func incident(gap: Double, lastISO: String, warnings: Int) -> AlertMessage {
            alert(
                "INCIDENT – data gap \(name)",
                "The \(observation.interval) data of \(observation.symbol) on \(exchange) has been behind for "
                    + "\(warnings) checks in a row (gap \(Self.oneDecimal(gap)) minutes). Trading on this series "
                    + "uses stale prices until the gap closes.",
                .critical,
                gapContext(gap: gap, lastISO: lastISO).merging([
                    "warnings_in_window": String(warnings), "window_minutes": String(windowMinutes),
                ]) { $1 })
        }

        func escalated(gap: Double, lastISO: String, incidentMinutes: Double) -> AlertMessage {
            alert(
                "SMS escalation – data gap \(name)",
                "The data-gap incident of \(observation.symbol) \(observation.interval) on \(exchange) has been open "
                    + "for \(Self.oneDecimal(incidentMinutes)) minutes (gap \(Self.oneDecimal(gap)) minutes).",
                .critical,
                gapContext(gap: gap, lastISO: lastISO).merging([
                    "incident_minutes": Self.oneDecimal(incidentMinutes), "escalation": "sms",
                ]) { $1 })
        }

        func closed(gap: Double, incidentMinutes: Double) -> AlertMessage {
            alert(
                "Incident closed – data gap \(name)",
                "The \(observation.interval) data of \(observation.symbol) on \(exchange) is current again after "
                    + "\(Self.oneDecimal(incidentMinutes)) minutes of incident.",
                .info,
                base.merging([
                    "incident_minutes": Self.oneDecimal(incidentMinutes), "gap_minutes": Self.oneDecimal(gap),
                ]) { $1 })
        }

        func restored(gap: Double) -> AlertMessage {
            alert(
                "OHLCV data restored \(name)",
                "Candles of \(observation.symbol) \(observation.interval) on \(exchange) are available again.", .info,
                base.merging(["gap_minutes": Self.oneDecimal(gap)]) { $1 })
        }

        func missing() -> AlertMessage {
            alert(
                "No OHLCV data \(name)",
                "The cache holds no \(observation.interval) candle of \(observation.symbol) on \(exchange); run "
                    + "backfill for this series.", .critical, base)
        }

        func invalid(raw: String) -> AlertMessage {
            alert(
                "Corrupt OHLCV metadata \(name)",
                "The newest-candle record of \(observation.symbol) \(observation.interval) on \(exchange) is "
                    + "unreadable ('\(raw)'); run inspect-manifest and backfill for this series.", .critical,
                base.merging(["raw_value": raw]) { $1 })
        }
    }
}
