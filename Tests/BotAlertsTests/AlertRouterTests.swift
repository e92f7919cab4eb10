import BotAlerts
import Testing

@Suite("AlertRouter")
struct AlertRouterTests {
    let clock = ManualClock()
    let audit = InMemoryAlertAuditLog()

    func router(throttle: AlertThrottle? = nil, timeout: Duration = .seconds(10)) throws -> AlertRouter {
        try AlertRouter(auditLog: audit, throttle: throttle, channelTimeout: timeout, now: clock.now)
    }

    @Test("a dispatch reaches every channel and audits one delivered record per channel")
    func reachesAllChannels() async throws {
        let router = try router()
        let first = RecordingChannel("telegram:primary")
        let second = RecordingChannel("log")
        try await router.register(first)
        try await router.register(second)
        let message = AlertFixtures.incident(at: clock.now() - 5_000)
        clock.advance(seconds: 1)

        let report = await router.dispatch(message)

        #expect(report.outcome == .dispatched)
        #expect(report.deliveredChannels == ["telegram:primary", "log"])
        #expect(report.failureSummary == nil)
        #expect(report.auditErrors.isEmpty)
        #expect(await first.received == [message])
        #expect(await second.received == [message])
        let records = await audit.records()
        #expect(records.map(\.channel) == ["telegram:primary", "log"])
        #expect(records.allSatisfy { $0.status == .delivered && $0.severity == .critical && $0.error == nil })
        #expect(records.allSatisfy { $0.timestamp == message.timestamp && $0.createdAt == clock.now() })
        #expect(records.first?.context == message.context)
        #expect(records.first?.body == message.body)
    }

    @Test("a failing channel does not stop the others and is audited as failed with its reason")
    func failingChannelIsolated() async throws {
        let router = try router()
        let failing = RecordingChannel("failing", failingWith: "HTTP 502 from provider")
        let good = RecordingChannel("good")
        try await router.register(failing)
        try await router.register(good)

        let report = await router.dispatch(AlertFixtures.incident())

        #expect(report.isDelivered)
        #expect(report.deliveredChannels == ["good"])
        #expect(report.failures.map(\.channel) == ["failing"])
        #expect(report.failureSummary?.hasPrefix("some alert channels failed: failing: ") == true)
        #expect(report.failureSummary?.contains("HTTP 502 from provider") == true)
        #expect(await good.received.count == 1)
        let records = await audit.records()
        #expect(records.map(\.channel) == ["failing", "good"])
        #expect(records.map(\.status) == [.failed, .delivered])
        #expect(records[0].error?.contains("HTTP 502 from provider") == true)
    }

    @Test("a channel that never answers times out without holding back the others")
    func hangingChannelTimesOut() async throws {
        let router = try router(timeout: .milliseconds(50))
        let good = RecordingChannel("good")
        try await router.register(HangingChannel(name: "hanging"))
        try await router.register(good)

        let report = await router.dispatch(AlertFixtures.incident())

        #expect(report.deliveredChannels == ["good"])
        #expect(await good.received.count == 1)
        let failure = try #require(report.failures.first)
        #expect(failure.channel == "hanging")
        #expect(failure.error == AlertDeliveryError.timedOut(channel: "hanging", milliseconds: 50).description)
        #expect(await audit.records().map(\.status) == [.failed, .delivered])
    }

    @Test("a repeat within the window is suppressed and audited; after the window it is delivered again")
    func throttling() async throws {
        let router = try router(throttle: try AlertThrottle(window: 120_000))
        let channel = RecordingChannel("dummy")
        try await router.register(channel)
        let message = AlertFixtures.gapWarning()

        #expect(await router.dispatch(message).outcome == .dispatched)
        clock.advance(seconds: 30)
        let repeated = await router.dispatch(message)
        #expect(repeated.outcome == .throttled(remainingMilliseconds: 90_000))
        #expect(repeated.deliveries.isEmpty)
        #expect(await channel.received.count == 1)
        let suppressed = try #require(await audit.records().last)
        #expect(suppressed.channel == AlertAuditRecord.suppressedChannel)
        #expect(suppressed.status == .throttled)
        #expect(suppressed.title == message.title)
        #expect(suppressed.createdAt == clock.now())

        clock.advance(seconds: 150)
        #expect(await router.dispatch(message).outcome == .dispatched)
        #expect(await channel.received.count == 2)
        #expect(await audit.records().map(\.status) == [.delivered, .throttled, .delivered])
        #expect(await router.healthSnapshot().suppressed == [.warning: 1])
    }

    @Test("an identical alert arriving while the first is still being delivered counts as a repeat")
    func repeatWhileInFlight() async throws {
        let router = try router(throttle: try AlertThrottle(window: 120_000))
        let channel = GatedChannel("slow")
        try await router.register(channel)
        let message = AlertFixtures.gapWarning()

        async let first = router.dispatch(message)
        var started = channel.started.makeAsyncIterator()
        _ = await started.next()
        let second = await router.dispatch(message)
        channel.open()

        #expect(second.outcome == .throttled(remainingMilliseconds: 120_000))
        #expect(await first.deliveredChannels == ["slow"])
        #expect(await audit.records().map(\.status) == [.throttled, .delivered])
    }

    @Test("cancelling the dispatching task reports every channel as cancelled")
    func cancelledDispatch() async throws {
        let router = try router()
        let channel = GatedChannel("slow")
        try await router.register(channel)
        let dispatch = Task { await router.dispatch(AlertFixtures.incident()) }
        var started = channel.started.makeAsyncIterator()
        _ = await started.next()
        dispatch.cancel()
        let report = await dispatch.value
        #expect(
            report.failures.map(\.error) == [
                AlertDeliveryError.failed(channel: "slow", reason: "cancelled before delivery finished").description
            ])
    }

    @Test("critical alerts bypass the throttle by default")
    func criticalBypass() async throws {
        let router = try router(throttle: try AlertThrottle(window: 120_000))
        let channel = RecordingChannel("dummy")
        try await router.register(channel)
        await router.dispatch(AlertFixtures.incident())
        clock.advance(seconds: 1)
        #expect(await router.dispatch(AlertFixtures.incident()).outcome == .dispatched)
        #expect(await channel.received.count == 2)
    }

    @Test("an alert no channel delivered is not remembered, so its next occurrence is tried again")
    func undeliveredNotRecorded() async throws {
        let router = try router(throttle: try AlertThrottle(window: 120_000))
        try await router.register(RecordingChannel("down", failingWith: "connection refused"))
        let message = AlertFixtures.gapWarning()
        #expect(await router.dispatch(message).isDelivered == false)
        clock.advance(seconds: 1)
        let second = await router.dispatch(message)
        #expect(second.outcome == .dispatched)
        #expect(second.failures.count == 1)
    }

    @Test("without channels the alert is audited as undelivered instead of vanishing")
    func noChannels() async throws {
        let router = try router(throttle: try AlertThrottle(window: 120_000))
        let report = await router.dispatch(AlertFixtures.gapWarning())
        #expect(report.outcome == .noChannels)
        let records = await audit.records()
        #expect(records.map(\.channel) == [AlertAuditRecord.noChannel])
        #expect(records.map(\.status) == [.undelivered])
    }

    @Test("registering a name twice or a zero timeout is refused")
    func configurationErrors() async throws {
        let router = try router()
        try await router.register(RecordingChannel("log"))
        await #expect(throws: AlertRouterError.duplicateChannel("log")) {
            try await router.register(RecordingChannel("log"))
        }
        #expect(await router.channelNames == ["log"])
        #expect(throws: AlertRouterError.nonPositiveTimeout(milliseconds: 0)) {
            try AlertRouter(auditLog: audit, channelTimeout: .zero, now: clock.now)
        }
    }

    @Test("an audit log that fails is reported without stopping delivery")
    func auditFailureReported() async throws {
        let router = try AlertRouter(auditLog: FailingAuditLog(), now: clock.now)
        let channel = RecordingChannel("log")
        try await router.register(channel)
        let report = await router.dispatch(AlertFixtures.incident())
        #expect(report.isDelivered)
        #expect(report.auditErrors == ["disk full"])
        #expect(await channel.received.count == 1)
    }

    @Test("the health snapshot counts deliveries and failures per channel and severity")
    func healthSnapshot() async throws {
        let router = try router(timeout: .milliseconds(50))
        let good = RecordingChannel("good")
        let failing = RecordingChannel("failing", failingWith: "HTTP 401")
        try await router.register(good)
        try await router.register(failing)
        try await router.register(HangingChannel(name: "hanging"))

        await router.dispatch(AlertFixtures.incident())
        clock.advance(seconds: 60)
        await router.dispatch(AlertFixtures.gapWarning())
        let lastDispatch = clock.now()
        clock.advance(seconds: 5)

        let snapshot = await router.healthSnapshot()
        #expect(snapshot.checkedAt == clock.now())
        #expect(snapshot.channels.map(\.name) == ["good", "failing", "hanging"])
        let goodEntry = try #require(snapshot["good"])
        #expect(goodEntry.statistics.delivered == [.critical: 1, .warning: 1])
        #expect(goodEntry.statistics.deliveredCount == 2)
        #expect(goodEntry.statistics.failedCount == 0)
        #expect(goodEntry.statistics.lastSuccess == lastDispatch)
        #expect(goodEntry.status == .ok)
        let failingEntry = try #require(snapshot["failing"])
        #expect(failingEntry.statistics.failed == [.critical: 1, .warning: 1])
        #expect(failingEntry.statistics.consecutiveFailures == 2)
        #expect(failingEntry.statistics.lastFailure == lastDispatch)
        #expect(failingEntry.statistics.lastError?.contains("HTTP 401") == true)
        #expect(failingEntry.statistics.lastSuccess == nil)
        #expect(failingEntry.status == .error)
        let hangingEntry = try #require(snapshot["hanging"])
        #expect(hangingEntry.health.status == .error)
        #expect(hangingEntry.health.lastError?.contains("did not answer within 50 ms") == true)
        #expect(hangingEntry.statistics.healthCheckFailures == 1)
        #expect(hangingEntry.statistics.failedCount == 2)
        #expect(snapshot.suppressed.isEmpty)
    }
}

/// An audit log whose disk is always full.
private struct FailingAuditLog: AlertAuditLog {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    func append(_ record: AlertAuditRecord) async throws { throw DiskFull() }
    func records() async throws -> [AlertAuditRecord] { [] }
}
