import BotAlerts
import Testing

@Suite("AlertThrottle")
struct AlertThrottleTests {
    let start: Int64 = 1_704_067_200_000

    @Test("a repeat is held back for the window and allowed once the window has passed")
    func window() throws {
        var throttle = try AlertThrottle(window: 60_000)
        let message = AlertFixtures.gapWarning()
        #expect(throttle.allows(message, at: start))
        throttle.record(message, at: start)
        #expect(!throttle.allows(message, at: start + 10_000))
        #expect(throttle.remainingMilliseconds(for: message, at: start + 10_000) == 50_000)
        #expect(!throttle.allows(message, at: start + 59_999))
        #expect(throttle.allows(message, at: start + 60_000))
        #expect(throttle.remainingMilliseconds(for: message, at: start + 60_000) == 0)
    }

    @Test("critical alerts and exempt categories are never held back nor remembered")
    func exemptions() throws {
        var throttle = try AlertThrottle(window: 60_000, exemptCategories: ["Runtime.Heartbeat"])
        let critical = AlertFixtures.incident()
        throttle.record(critical, at: start)
        #expect(throttle.allows(critical, at: start + 1))
        let heartbeat = AlertMessage(
            category: "runtime.heartbeat", title: "alive", body: "", severity: .info, timestamp: start)
        throttle.record(heartbeat, at: start)
        #expect(throttle.allows(heartbeat, at: start + 1))
        #expect(throttle.entryCount == 0)
    }

    @Test("without the default exemption a critical alert is throttled too")
    func criticalCanBeThrottled() throws {
        var throttle = try AlertThrottle(window: 60_000, exemptSeverities: [])
        let critical = AlertFixtures.incident()
        throttle.record(critical, at: start)
        #expect(!throttle.allows(critical, at: start + 1))
    }

    @Test("alerts differing only in whitespace or category case are the same; other differences are not")
    func keys() throws {
        var throttle = try AlertThrottle(window: 60_000)
        let base = AlertMessage(
            category: "data.ohlcv", title: "Gap  BTC", body: "line one\n line two", severity: .warning,
            context: ["a": "1"], timestamp: start)
        throttle.record(base, at: start)
        let sameText = AlertMessage(
            category: "DATA.OHLCV", title: " Gap BTC ", body: "line one line two", severity: .warning,
            context: ["a": "1"], timestamp: start + 5)
        #expect(!throttle.allows(sameText, at: start + 1))
        let otherContext = AlertMessage(
            category: "data.ohlcv", title: "Gap BTC", body: "line one line two", severity: .warning,
            context: ["a": "2"], timestamp: start)
        #expect(throttle.allows(otherContext, at: start + 1))
        let otherSeverity = AlertMessage(
            category: "data.ohlcv", title: "Gap BTC", body: "line one line two", severity: .error,
            context: ["a": "1"], timestamp: start)
        #expect(throttle.allows(otherSeverity, at: start + 1))
    }

    @Test("a separator inside the text cannot make two different alerts collide")
    func noSeparatorCollision() throws {
        var throttle = try AlertThrottle(window: 60_000)
        let first = AlertMessage(category: "c", title: "a|b", body: "c", severity: .info, timestamp: start)
        let second = AlertMessage(category: "c", title: "a", body: "b|c", severity: .info, timestamp: start)
        throttle.record(first, at: start)
        #expect(throttle.allows(second, at: start + 1))
    }

    @Test("a clock stepping backwards ends the suppression instead of stretching it")
    func clockBackwards() throws {
        var throttle = try AlertThrottle(window: 60_000)
        let message = AlertFixtures.gapWarning()
        throttle.record(message, at: start)
        #expect(throttle.allows(message, at: start - 3_600_000))
    }

    @Test("expired entries are pruned and at most maxEntries of the newest are kept")
    func pruning() throws {
        var throttle = try AlertThrottle(window: 60_000, maxEntries: 3)
        for index in 0..<5 {
            throttle.record(AlertFixtures.gapWarning(symbol: "S\(index)"), at: start + Int64(index))
        }
        #expect(throttle.entryCount == 3)
        #expect(throttle.allows(AlertFixtures.gapWarning(symbol: "S0"), at: start + 10))
        #expect(!throttle.allows(AlertFixtures.gapWarning(symbol: "S4"), at: start + 10))
        throttle.record(AlertFixtures.gapWarning(symbol: "late"), at: start + 120_000)
        #expect(throttle.entryCount == 1)
        throttle.reset()
        #expect(throttle.entryCount == 0)
    }

    @Test("a non-positive window or entry limit is refused with the config key to fix")
    func validation() {
        #expect(throws: AlertThrottleError.nonPositiveWindow(milliseconds: 0)) { try AlertThrottle(window: 0) }
        #expect(throws: AlertThrottleError.nonPositiveMaxEntries(0)) { try AlertThrottle(window: 1, maxEntries: 0) }
        #expect(AlertThrottleError.nonPositiveWindow(milliseconds: -5).description.contains("window_seconds"))
    }
}
