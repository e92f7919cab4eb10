import BotExchanges
import BotNet
import Testing

@Suite("Rate limiter")
struct RateLimiterTests {
    /// A 10-weight budget per minute, none reserved; the clock starts 15 s into a minute.
    static func limiter(_ clock: ManualClock, reserve: Int = 0, header: String? = nil) -> RateLimiter {
        RateLimiter(
            venue: .binanceSpot,
            limit: RateLimit(capacity: 10, windowMilliseconds: 60_000, reserve: reserve, usedWeightHeader: header),
            clock: clock.limiterClock)
    }

    @Test("spends the budget, then waits exactly until the window rolls")
    func waitsForNextWindow() async throws {
        let clock = ManualClock(now: 1_700_000_015_000 - 1_700_000_015_000 % 60_000 + 15_000)
        let limiter = Self.limiter(clock)
        #expect(try await limiter.acquire(weight: 4) == .zero)
        #expect(try await limiter.acquire(weight: 4) == .zero)
        #expect(await limiter.usedWeight == 8)
        // 8 + 4 > 10: wait the 45 s left in this minute.
        #expect(try await limiter.acquire(weight: 4) == .seconds(45))
        #expect(clock.sleeps == [.seconds(45)])
        #expect(await limiter.usedWeight == 4)
    }

    @Test("the reserve is never spent")
    func reserve() async throws {
        let clock = ManualClock(now: 0)
        let limiter = Self.limiter(clock, reserve: 4)
        #expect(try await limiter.acquire(weight: 6) == .zero)
        #expect(try await limiter.acquire(weight: 1) == .seconds(60))
    }

    @Test("a request heavier than the budget goes alone in a fresh window")
    func heavyRequest() async throws {
        let clock = ManualClock(now: 30_000)
        let limiter = Self.limiter(clock)
        #expect(try await limiter.acquire(weight: 1) == .zero)
        #expect(try await limiter.acquire(weight: 50) == .seconds(30))
        #expect(try await limiter.acquire(weight: 1) == .seconds(60))
    }

    @Test("X-MBX-USED-WEIGHT-1M near the limit makes the next request wait for the next minute")
    func adoptsServerWeight() async throws {
        let clock = ManualClock(now: 10_000)
        let limiter = Self.limiter(clock, header: "X-MBX-USED-WEIGHT-1M")
        #expect(try await limiter.acquire(weight: 2) == .zero)
        // Header names arrive lower-case over HTTP/2.
        await limiter.record(["x-mbx-used-weight-1m": "9"])
        #expect(await limiter.usedWeight == 9)
        #expect(try await limiter.acquire(weight: 2) == .seconds(50))
        // A lower report never lowers the local count (our own requests may not be counted yet).
        await limiter.record(["X-MBX-USED-WEIGHT-1M": "0"])
        #expect(await limiter.usedWeight == 2)
        // Unreadable or absent headers change nothing.
        await limiter.record(["X-MBX-USED-WEIGHT-1M": "lots"])
        await limiter.record([:])
        #expect(await limiter.usedWeight == 2)
    }

    @Test("a pause (Retry-After) delays the next request by exactly its length")
    func pause() async throws {
        let clock = ManualClock(now: 1000)
        let limiter = Self.limiter(clock)
        await limiter.pause(forSeconds: 7)
        #expect(try await limiter.acquire(weight: 1) == .seconds(7))
        #expect(clock.now == 8000)
    }

    @Test("during a ban every acquire fails at once with the time left; after it, requests flow")
    func ban() async throws {
        let clock = ManualClock(now: 0)
        let limiter = Self.limiter(clock)
        await limiter.ban(forSeconds: 120)
        clock.advance(milliseconds: 30_500)
        await #expect(throws: MarketDataError.banned(venue: .binanceSpot, retryAfterSeconds: 90)) {
            try await limiter.acquire(weight: 1)
        }
        #expect(clock.sleeps.isEmpty)
        clock.advance(milliseconds: 90_000)
        #expect(try await limiter.acquire(weight: 1) == .zero)
    }

    @Test("a ban of unknown length refuses every request")
    func unknownBan() async throws {
        let limiter = Self.limiter(ManualClock(now: 0))
        await limiter.ban(forSeconds: nil)
        await #expect(throws: MarketDataError.banned(venue: .binanceSpot, retryAfterSeconds: nil)) {
            try await limiter.acquire(weight: 1)
        }
    }

    @Test("venue budgets and request weights follow the spec")
    func venueBudgets() {
        #expect(RateLimit.binanceSpot.capacity == 6000 && RateLimit.binanceSpot.windowMilliseconds == 60_000)
        #expect(RateLimit.binanceFutures.capacity == 2400)
        #expect(Venue.binanceSpot.marketDataRateLimit.usedWeightHeader == "X-MBX-USED-WEIGHT-1M")
        #expect(Venue.krakenSpot.marketDataRateLimit == .onePerSecond)
        #expect(Venue.binanceSpot.candleRequestWeight(limit: 1000) == 2)
        #expect(
            [1, 99, 100, 499, 500, 1000, 1001, 1500].map(Venue.binanceFutures.candleRequestWeight) == [
                1, 1, 2, 2, 5, 5, 10, 10,
            ])
        #expect(Venue.zondaSpot.candleRequestWeight(limit: 100) == 1)
    }

    @Test("one request per second: the second waits for the next second")
    func onePerSecond() async throws {
        let clock = ManualClock(now: 5_250)
        let limiter = RateLimiter(venue: .krakenSpot, limit: .onePerSecond, clock: clock.limiterClock)
        #expect(try await limiter.acquire(weight: 1) == .zero)
        #expect(try await limiter.acquire(weight: 1) == .milliseconds(750))
        #expect(try await limiter.acquire(weight: 1) == .seconds(1))
    }
}
