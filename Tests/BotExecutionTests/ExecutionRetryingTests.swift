import BotExchanges
import BotNet
import Foundation
import Testing

@testable import BotExecution

/// A venue that fails the first `failures` calls with `error`, then fills.
actor ScriptedVenue: ExecutionService {
    private(set) var calls = 0
    private let failures: Int
    private let error: any Error

    init(failures: Int, error: any Error = ExecutionError.venueUnavailable(reason: "HTTP 503")) {
        self.failures = failures
        self.error = error
    }

    func execute(_ request: OrderRequest, context: ExecutionContext) async throws -> OrderResult {
        try attempt()
        return OrderResult(
            orderID: "v-1", status: .filled, filledQuantity: request.quantity, averagePrice: 1, timestamp: 0)
    }

    func cancel(orderID: String, context: ExecutionContext) async throws { try attempt() }

    func flush() async throws { try attempt() }

    private func attempt() throws {
        calls += 1
        if calls <= failures { throw error }
    }
}

/// Records the waits instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var sleeps: [Duration] { lock.withLock { recorded } }

    func timing(random: Double) -> ExecutionRetryTiming {
        ExecutionRetryTiming(
            sleep: { duration in self.lock.withLock { self.recorded.append(duration) } }, random: { random })
    }
}

@Suite struct ExecutionRetryingTests {
    let context = PaperFixtures.context
    let identified = OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1, clientOrderID: "cli-7")

    @Test func transientFailuresAreRetriedWithExponentialWaits() async throws {
        let venue = ScriptedVenue(failures: 3)
        let recorder = SleepRecorder()
        let policy = ExecutionRetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(100), jitter: .none)
        let service = ExecutionRetrying(venue, policy: policy, timing: recorder.timing(random: 0.9))
        let result = try await service.execute(identified, context: context)
        #expect(result.status == .filled)
        #expect(await venue.calls == 4)
        #expect(recorder.sleeps == [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
    }

    @Test func jitterScalesTheWaitAndTheCeilingCapsIt() async throws {
        let venue = ScriptedVenue(failures: 4)
        let recorder = SleepRecorder()
        let policy = ExecutionRetryPolicy(
            maxAttempts: 5, baseDelay: .milliseconds(400), multiplier: 3, maxDelay: .seconds(2), jitter: .full)
        let service = ExecutionRetrying(venue, policy: policy, timing: recorder.timing(random: 0.25))
        _ = try await service.execute(identified, context: context)
        #expect(recorder.sleeps == [.milliseconds(100), .milliseconds(300), .milliseconds(500), .milliseconds(500)])

        let equal = ExecutionRetryPolicy(baseDelay: .seconds(1), jitter: .equal)
        #expect(equal.delay(beforeRetry: 2, random: 0.5) == .milliseconds(1_500))
    }

    @Test func givingUpRethrowsTheLastError() async throws {
        let venue = ScriptedVenue(failures: 10)
        let recorder = SleepRecorder()
        let policy = ExecutionRetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), jitter: .none)
        let service = ExecutionRetrying(venue, policy: policy, timing: recorder.timing(random: 0))
        await #expect(throws: ExecutionError.venueUnavailable(reason: "HTTP 503")) {
            try await service.execute(identified, context: context)
        }
        #expect(await venue.calls == 3)
        #expect(recorder.sleeps == [.milliseconds(10), .milliseconds(20)])
    }

    @Test func permanentFailuresAreNotRetried() async throws {
        let venue = ScriptedVenue(failures: 1, error: ExecutionError.unknownOrder(orderID: "x"))
        let recorder = SleepRecorder()
        let service = ExecutionRetrying(venue, policy: ExecutionRetryPolicy(), timing: recorder.timing(random: 0))
        await #expect(throws: ExecutionError.unknownOrder(orderID: "x")) {
            try await service.cancel(orderID: "x", context: context)
        }
        #expect(await venue.calls == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test func orderWithoutClientOrderIDIsNeverRetried() async throws {
        let venue = ScriptedVenue(failures: 1)
        let recorder = SleepRecorder()
        let service = ExecutionRetrying(venue, policy: ExecutionRetryPolicy(), timing: recorder.timing(random: 0))
        await #expect(throws: ExecutionError.venueUnavailable(reason: "HTTP 503")) {
            try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1), context: context)
        }
        #expect(await venue.calls == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test func cancelAndFlushAreRetried() async throws {
        let venue = ScriptedVenue(failures: 2)
        let recorder = SleepRecorder()
        let policy = ExecutionRetryPolicy(baseDelay: .milliseconds(50), jitter: .none)
        let service = ExecutionRetrying(venue, policy: policy, timing: recorder.timing(random: 0))
        try await service.cancel(orderID: "v-1", context: context)
        try await service.flush()
        #expect(await venue.calls == 4)
        #expect(recorder.sleeps == [.milliseconds(50), .milliseconds(100)])
    }

    @Test func defaultClassificationOfErrors() {
        #expect(ExecutionRetryPolicy.isTransientByDefault(ExecutionError.venueUnavailable(reason: "timeout")))
        #expect(ExecutionRetryPolicy.isTransientByDefault(URLError(.timedOut)))
        #expect(!ExecutionRetryPolicy.isTransientByDefault(URLError(.badURL)))
        #expect(!ExecutionRetryPolicy.isTransientByDefault(CancellationError()))
        #expect(!ExecutionRetryPolicy.isTransientByDefault(PaperRejection.noMarketPrice(symbol: "BTCUSDT")))
    }

    @Test func retriedSubmissionToThePaperSimulatorTradesOnce() async throws {
        let paper = PaperFixtures.service()
        let service = ExecutionRetrying(
            paper, policy: ExecutionRetryPolicy(), timing: SleepRecorder().timing(random: 0))
        let request = OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, price: 20_000, clientOrderID: "cli-9")
        let first = try await service.execute(request, context: context)
        let again = try await service.execute(request, context: context)
        #expect(first == again)
        #expect(await paper.fills().count == 1)
    }
}
