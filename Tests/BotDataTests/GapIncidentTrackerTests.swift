import BotAlerts
import BotCodecs
import BotData
import BotExchanges
import Foundation
import Synchronization
import TestSupport
import Testing

/// A clock the test moves by hand, in epoch milliseconds.
final class GapTestClock: Sendable {
    private let current: Mutex<Int64>
    init(_ start: Int64) { current = Mutex(start) }
    var now: @Sendable () -> Int64 { { [self] in current.withLock { $0 } } }
    func set(minutes: Int64, from start: Int64) { current.withLock { $0 = start + minutes * 60_000 } }
}

/// Collects alerts in order.
actor GapAlertCollector {
    private(set) var alerts: [AlertMessage] = []
    func append(_ alert: AlertMessage) { alerts.append(alert) }
}

/// A channel that remembers what it delivered.
actor GapRecordingChannel: AlertChannel {
    nonisolated let name = "recording"
    private(set) var received: [AlertMessage] = []
    func send(_ message: AlertMessage) async throws { received.append(message) }
    func healthCheck() async -> AlertChannelHealth { AlertChannelHealth(status: .ok) }
}

@Suite struct GapIncidentTrackerTests {
    static let start: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
    static let minute: Int64 = 60_000

    struct Harness {
        let tracker: GapIncidentTracker
        let clock: GapTestClock
        let collector: GapAlertCollector
        let audit: URL

        @discardableResult
        func at(_ minutes: Int64, _ observations: [GapObservation], asOf: Int64? = nil) async throws -> [GapEvaluation]
        {
            clock.set(minutes: minutes, from: GapIncidentTrackerTests.start)
            return try await tracker.check(observations, asOf: asOf ?? clock.now())
        }

        func auditRecords() throws -> [GapAuditRecord] {
            try JSONLinesReader.read(GapAuditRecord.self, from: audit).records
        }
    }

    static func harness(
        _ directory: URL, policy: GapAlertPolicy, state: GapState = GapState(), alerts: Bool = true
    ) -> Harness {
        let clock = GapTestClock(start)
        let collector = GapAlertCollector()
        let audit = GapIncidentTracker.auditURL(dataCachePath: directory, environment: "binance_paper")
        var sink: (@Sendable (AlertMessage) async -> Void)?
        if alerts { sink = { await collector.append($0) } }
        let tracker = GapIncidentTracker(
            environment: "binance_paper", exchange: "binance_spot", policy: policy, auditURL: audit, state: state,
            alerts: sink, now: clock.now)
        return Harness(tracker: tracker, clock: clock, collector: collector, audit: audit)
    }

    /// An observation whose newest candle closed `gap` minutes before `asOf`.
    static func behind(
        _ gap: Int64, asOf: Int64, symbol: String = "BTCUSDT", interval: Interval = .oneHour, rows: Int64 = 350
    ) -> GapObservation {
        let close = asOf - gap * minute
        return GapObservation(
            symbol: symbol, interval: interval, latest: .openTime(close - interval.approximateMilliseconds),
            rowCount: rows)
    }

    @Test func policyDefaultsAndClamps() throws {
        let policy = GapAlertPolicy()
        #expect(policy.warningThreshold(for: .oneDay) == 2880 && policy.warningThreshold(for: .oneHour) == 120)
        #expect(policy.warningThreshold(for: .fifteenMinutes) == 30)
        #expect(policy.incidentThresholdCount == 5 && policy.incidentWindowMinutes == 10)
        #expect(policy.smsEscalationMinutes == 15 && policy.warningThrottleMinutes == 5)
        let custom = GapAlertPolicy(
            warningGapMinutes: [.oneHour: 0.5, .oneDay: -3, try Interval(parsing: "H4"): 100],
            incidentThresholdCount: 0, smsEscalationMinutes: -1)
        #expect(custom.warningThreshold(for: .oneHour) == 1)
        let fourHours = try Interval(parsing: "4h")
        #expect(custom.warningThreshold(for: .oneDay) == 2880 && custom.warningThreshold(for: fourHours) == 100)
        #expect(custom.incidentThresholdCount == 1 && custom.smsEscalationMinutes == 1)
    }

    // Reference test_gap_monitor: 1h threshold 60, gap 90 → one warning alert and one warning audit line.
    @Test func aGapAboveTheThresholdWarnsOnce() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Self.harness(directory, policy: GapAlertPolicy(warningGapMinutes: [.oneHour: 60]))
            try await harness.at(0, [Self.behind(90, asOf: Self.start)])
            let alerts = await harness.collector.alerts
            #expect(alerts.map(\.severity) == [.warning])
            #expect(alerts[0].context["symbol"] == "BTCUSDT" && alerts[0].context["interval"] == "1h")
            #expect(alerts[0].category == "data.ohlcv" && alerts[0].context["threshold_minutes"] == "60.0")
            #expect(try harness.auditRecords().map(\.status) == [.warning])
        }
    }

    // Reference: the same gap twice 2 minutes apart with throttle 5 → one alert; warning, warning_suppressed.
    @Test func repeatedWarningsAreThrottled() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Self.harness(directory, policy: GapAlertPolicy(warningGapMinutes: [.oneHour: 60]))
            let observation = Self.behind(90, asOf: Self.start)
            try await harness.at(0, [observation], asOf: Self.start)
            try await harness.at(2, [observation], asOf: Self.start)
            #expect(await harness.collector.alerts.map(\.severity) == [.warning])
            #expect(try harness.auditRecords().map(\.status) == [.warning, .warningSuppressed])
        }
    }

    // Reference: checks at 0/1/2 minutes with an incident threshold of 3 → warning then INCIDENT.
    @Test func enoughWarningsOpenAnIncident() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Self.harness(
                directory, policy: GapAlertPolicy(warningGapMinutes: [.oneHour: 60], incidentThresholdCount: 3))
            let observation = Self.behind(90, asOf: Self.start)
            for minute: Int64 in [0, 1, 2] { try await harness.at(minute, [observation], asOf: Self.start) }
            let alerts = await harness.collector.alerts
            #expect(alerts.map(\.severity) == [.warning, .critical])
            #expect(alerts.last?.title.contains("INCIDENT") == true)
            #expect(try harness.auditRecords().map(\.status) == [.warning, .warningSuppressed, .incident])
        }
    }

    // Reference verified trace (15m, threshold 10, count 3, window 10, SMS 15; clock 0/2/4/20/40; gap 45).
    @Test func followsTheReferenceTraceToSMSAndRecovery() async throws {
        try await withTemporaryDirectory { directory in
            let policy = GapAlertPolicy(
                warningGapMinutes: [.fifteenMinutes: 10], incidentThresholdCount: 3, incidentWindowMinutes: 10,
                smsEscalationMinutes: 15)
            let harness = Self.harness(directory, policy: policy)
            for minute: Int64 in [0, 2, 4, 20] {
                let asOf = Self.start + minute * Self.minute
                try await harness.at(
                    minute, [Self.behind(45, asOf: asOf, symbol: "SOLUSDT", interval: .fifteenMinutes)])
            }
            let recovered = Self.start + 40 * Self.minute
            try await harness.at(40, [Self.behind(0, asOf: recovered, symbol: "SOLUSDT", interval: .fifteenMinutes)])
            let records = try harness.auditRecords()
            #expect(records.map(\.status) == [.warning, .warningSuppressed, .incident, .smsEscalated, .ok])
            #expect(records.map(\.warningsInWindow) == [1, 2, 3, 1, 1])
            #expect(records.map(\.incidentMinutes) == [nil, nil, 0.0, 16.0, 36.0])
            let alerts = await harness.collector.alerts
            #expect(alerts.map(\.severity) == [.warning, .critical, .critical, .info])
            #expect(alerts.contains { $0.title.contains("SMS escalation") && $0.context["escalation"] == "sms" })
            #expect(alerts.last?.title.contains("Incident closed") == true)
            #expect(alerts.last?.context["incident_minutes"] == "36.0")
            #expect(await harness.tracker.state.series.isEmpty, "recovery forgets the series")
        }
    }

    // Reference: no last timestamp → critical alert and missing_metadata; here it alerts once, not every cycle.
    @Test func missingDataAlertsOnceAndReportsTheReturn() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Self.harness(directory, policy: GapAlertPolicy())
            let missing = GapObservation(symbol: "ETHUSDT", interval: .oneHour, latest: .missing, rowCount: 42)
            try await harness.at(0, [missing])
            try await harness.at(15, [missing])
            try await harness.at(30, [Self.behind(5, asOf: Self.start + 30 * Self.minute, symbol: "ETHUSDT")])
            let alerts = await harness.collector.alerts
            #expect(alerts.map(\.severity) == [.critical, .info])
            #expect(alerts[0].title.contains("No OHLCV data") && alerts[0].context["row_count"] == "42")
            let records = try harness.auditRecords()
            #expect(records.map(\.status) == [.missingMetadata, .missingMetadata, .ok])
            #expect(records[0].gapMinutes == nil && records[0].lastTimestamp == nil && records[0].rowCount == 42)
        }
    }

    @Test func unreadableMetadataIsAuditedWithTheRawValue() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Self.harness(directory, policy: GapAlertPolicy())
            let broken = GapObservation(
                symbol: "BTCUSDT", interval: .oneDay, latest: .invalid(raw: "not-a-number"), rowCount: nil)
            try await harness.at(0, [broken])
            let alerts = await harness.collector.alerts
            #expect(alerts.map(\.severity) == [.critical] && alerts[0].context["raw_value"] == "not-a-number")
            let record = try #require(try harness.auditRecords().first)
            #expect(record.status == .invalidMetadata && record.lastTimestamp == "not-a-number")
        }
    }

    @Test func auditsEveryCheckWithoutAlerts() async throws {
        try await withTemporaryDirectory { directory in
            let harness = Self.harness(directory, policy: GapAlertPolicy(), alerts: false)
            for minute: Int64 in 0..<4 {
                let asOf = Self.start + minute * Self.minute
                try await harness.at(
                    minute, [Self.behind(10, asOf: asOf), Self.behind(500, asOf: asOf, symbol: "ETHUSDT")])
            }
            try await harness.tracker.close()
            try await harness.at(5, [Self.behind(10, asOf: Self.start + 5 * Self.minute)])
            let records = try harness.auditRecords()
            #expect(records.count == 9, "a closed tracker reopens its audit file on the next check")
            #expect(records.filter { $0.symbol == "BTCUSDT" }.map(\.status) == Array(repeating: .ok, count: 5))
            #expect(
                records.filter { $0.symbol == "ETHUSDT" }.map(\.status) == [
                    .warning, .warningSuppressed, .warningSuppressed, .warningSuppressed,
                ])
            #expect(await harness.collector.alerts.isEmpty)
        }
    }

    // The reference forgot open incidents on restart; the state survives an encode/decode round trip here.
    @Test func aRestoredStateKeepsTheIncidentOpen() async throws {
        try await withTemporaryDirectory { directory in
            let policy = GapAlertPolicy(incidentThresholdCount: 2, smsEscalationMinutes: 15)
            let first = Self.harness(directory, policy: policy)
            for minute: Int64 in [0, 1] {
                try await first.at(minute, [Self.behind(200, asOf: Self.start + minute * Self.minute)])
            }
            let saved = await first.tracker.state.encode()
            let restored = try GapState.decode(saved)
            #expect(restored == (await first.tracker.state))
            #expect(restored.series["BTCUSDT::1h"]?.incidentOpenedAt == Self.start + Self.minute)

            let second = Self.harness(directory, policy: policy, state: restored)
            try await second.at(20, [Self.behind(220, asOf: Self.start + 20 * Self.minute)])
            #expect(await second.collector.alerts.map(\.severity) == [.critical])
            #expect(try second.auditRecords().map(\.status) == [.warning, .incident, .smsEscalated])
            #expect(throws: GapMonitorError.self) { try GapState.decode("{\"series\": 3}") }
        }
    }

    // A simulated outage through a real router with a throttle: warnings, incident, SMS, recovery.
    @Test func anOutageEscalatesThroughARouterAndRecovers() async throws {
        try await withTemporaryDirectory { directory in
            let clock = GapTestClock(Self.start)
            let channel = GapRecordingChannel()
            let router = try AlertRouter(
                auditLog: InMemoryAlertAuditLog(), throttle: try AlertThrottle(window: 10 * Self.minute),
                now: clock.now)
            try await router.register(channel)
            let audit = GapIncidentTracker.auditURL(dataCachePath: directory, environment: "binance_paper")
            let tracker = GapIncidentTracker(
                environment: "binance_paper", exchange: "binance_spot",
                policy: GapAlertPolicy(
                    warningGapMinutes: [.oneMinute: 3], incidentThresholdCount: 4, incidentWindowMinutes: 10,
                    smsEscalationMinutes: 5, warningThrottleMinutes: 1),
                auditURL: audit, alerts: { await router.dispatch($0) }, now: clock.now)
            let candles = SyntheticCandleGenerator().candles(
                symbol: "BTCUSDT", baseAsset: "BTC", interval: .oneMinute, start: Self.start, count: 120)
            // The feed stops after minute 29 (last close 00:30) and resumes at minute 45.
            var statuses: [GapAuditStatus] = []
            for minute: Int64 in 30...50 {
                clock.set(minutes: minute, from: Self.start)
                let now = clock.now()
                let available = candles.filter {
                    $0.openTime + Self.minute <= now && ($0.openTime < Self.start + 30 * Self.minute || minute >= 45)
                }
                let last = try #require(available.last)
                let evaluations = try await tracker.check(
                    [
                        GapObservation(
                            symbol: "BTCUSDT", interval: .oneMinute, latest: .openTime(last.openTime),
                            rowCount: Int64(available.count))
                    ],
                    asOf: now)
                statuses.append(evaluations[0].record.status)
            }
            // Gap ≥ 3 from minute 33; four checks in 10 minutes open the incident at 36; SMS at 41; back at 45.
            #expect(Array(statuses.prefix(3)) == [.ok, .ok, .ok])
            #expect(Array(statuses[3..<6]) == [.warning, .warning, .warning])
            #expect(statuses[6] == .incident && statuses[11] == .smsEscalated)
            #expect(Array(statuses[7..<11]) == [.incident, .incident, .incident, .incident])
            #expect(statuses[15] == .ok && statuses[15...].allSatisfy { $0 == .ok })

            let delivered = await channel.received
            // The warnings at 34 and 35 repeat the one at 33 inside the router's 10-minute throttle window.
            #expect(delivered.map(\.severity) == [.warning, .critical, .critical, .info])
            #expect(delivered.allSatisfy { $0.category == "data.ohlcv" })

            // Python's json reads the audit back with the reference keys in order.
            let output = try Oracle.python("gaps_read_audit.py", [audit.path])
            let parsed = try #require(try JSONSerialization.jsonObject(with: output.standardOutput) as? [[String: Any]])
            #expect(parsed.compactMap { $0["status"] as? String } == statuses.map(\.rawValue))
            #expect(parsed[11]["incident_minutes"] as? Double == 5.0)
            #expect(parsed[15]["last_timestamp"] as? String == "2024-01-01T00:44:00+00:00")
        }
    }

    // Two identical warnings (same as-of) two minutes apart: the tracker allows both (throttle 1 minute) and
    // the router's throttle holds back the repeat.
    @Test func theRouterThrottleSuppressesIdenticalWarnings() async throws {
        try await withTemporaryDirectory { directory in
            let clock = GapTestClock(Self.start)
            let channel = GapRecordingChannel()
            let auditLog = InMemoryAlertAuditLog()
            let router = try AlertRouter(
                auditLog: auditLog, throttle: try AlertThrottle(window: 5 * Self.minute), now: clock.now)
            try await router.register(channel)
            let tracker = GapIncidentTracker(
                environment: "e", exchange: "binance_spot",
                policy: GapAlertPolicy(warningGapMinutes: [.oneHour: 60], warningThrottleMinutes: 1),
                auditURL: GapIncidentTracker.auditURL(dataCachePath: directory, environment: "e"),
                alerts: { await router.dispatch($0) }, now: clock.now)
            let observation = Self.behind(90, asOf: Self.start)
            for minute: Int64 in [0, 2, 6] {
                clock.set(minutes: minute, from: Self.start)
                let evaluations = try await tracker.check([observation], asOf: Self.start)
                #expect(evaluations[0].record.status == .warning)
            }
            #expect(
                await channel.received.count == 2, "the repeat at minute 2 is suppressed, minute 6 is past the window")
            #expect(await auditLog.records().map(\.status) == [.delivered, .throttled, .delivered])
        }
    }
}
