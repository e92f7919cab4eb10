import BotNet
import Testing

@Suite struct RetryPolicyTests {
    static let milliseconds: [(RetryPolicy.Jitter, [Int64])] = [
        (.none, [100, 200, 400, 800, 1000, 1000]),
        (.full, [50, 100, 200, 400, 500, 500]),
        (.equal, [75, 150, 300, 600, 750, 750]),
    ]

    @Test(arguments: milliseconds)
    func backoffGrowsExponentiallyUpToTheCap(jitter: RetryPolicy.Jitter, expected: [Int64]) {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), multiplier: 2, maxDelay: .seconds(1), jitter: jitter)
        let delays = (1...6).map { policy.delay(beforeRetry: $0, random: 0.5) }
        #expect(delays == expected.map { .milliseconds($0) })
    }

    @Test func jitterSpansItsRange() {
        let full = RetryPolicy(baseDelay: .seconds(2), jitter: .full)
        #expect(full.delay(beforeRetry: 1, random: 0) == .zero)
        #expect(full.delay(beforeRetry: 1, random: 0.999) == .milliseconds(1998))
        let equal = RetryPolicy(baseDelay: .seconds(2), jitter: .equal)
        #expect(equal.delay(beforeRetry: 1, random: 0) == .seconds(1))
        #expect(equal.delay(beforeRetry: 1, random: 0.25) == .milliseconds(1250))
    }

    @Test func hugeRetryCountsStayAtTheCap() {
        let policy = RetryPolicy(baseDelay: .seconds(1), multiplier: 10, maxDelay: .seconds(30), jitter: .none)
        #expect(policy.delay(beforeRetry: 10_000, random: 0.5) == .seconds(30))
    }

    @Test func neverMakesOneAttempt() {
        #expect(RetryPolicy.never.maxAttempts == 1)
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
