import BotExchanges
import BotNet
import Testing

/// Each venue's rate limit with its own headers, statuses and bodies, on a hand-moved clock.
@Suite("ExchangeSimulator rate limits")
struct SimulatorRateLimitsTests {
    typealias F = SimulatorFixtures

    @Test("Binance spot: weight 2 per klines call, 429 with Retry-After past the budget, reset at the minute")
    func binance() async throws {
        let clock = SimulatorTestClock(F.now + 45_000)  // 15 s before the minute ends
        let simulator = F.simulator(
            rateLimits: SimulatorRateLimits(binanceSpotWeightPerMinute: 10), clock: clock)
        let target = "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=5"
        for used in stride(from: 2, through: 10, by: 2) {
            let response = await F.get(simulator, target)
            #expect(response.status == 200)
            #expect(response.headers["X-MBX-USED-WEIGHT-1M"] == String(used))
        }
        let refused = await F.get(simulator, target)
        #expect(refused.status == 429)
        #expect(refused.headers["Retry-After"] == "15")
        #expect(refused.headers["X-MBX-USED-WEIGHT-1M"] == "10")
        #expect(F.text(refused).contains("request weight per minute is 10"))
        clock.advance(by: 15_000)
        let next = await F.get(simulator, target)
        #expect(next.status == 200)
        #expect(next.headers["X-MBX-USED-WEIGHT-1M"] == "2")
    }

    @Test("Binance bans (418 with Retry-After) a client that keeps calling after 429s, until the ban ends")
    func binanceBan() async throws {
        let clock = SimulatorTestClock()
        let simulator = F.simulator(
            rateLimits: SimulatorRateLimits(
                binanceSpotWeightPerMinute: 2, binanceRefusalsBeforeBan: 2, binanceBanSeconds: 180),
            clock: clock)
        let target = "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=1"
        #expect(await F.get(simulator, target).status == 200)
        #expect(await F.get(simulator, target).status == 429)
        #expect(await F.get(simulator, target).status == 429)
        let banned = await F.get(simulator, target)
        #expect(banned.status == 418)
        #expect(banned.headers["Retry-After"] == "180")
        clock.advance(by: 60_000)
        let still = await F.get(simulator, target)
        #expect(still.status == 418)
        #expect(still.headers["Retry-After"] == "120")
        #expect(await F.get(simulator, "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=1").status == 200)
        clock.advance(by: 120_000)
        #expect(await F.get(simulator, target).status == 200)
    }

    @Test("Kraken spot: a call counter that decays; over it, EAPI:Rate limit exceeded with status 200")
    func kraken() async throws {
        let clock = SimulatorTestClock()
        let simulator = F.simulator(
            rateLimits: SimulatorRateLimits(krakenSpotCounterLimit: 3, krakenSpotDecayPerSecond: 0.5), clock: clock)
        let target = "/0/public/OHLC?pair=XBTUSDT&interval=1440"
        for _ in 0..<3 { #expect(F.text(await F.get(simulator, target)).hasPrefix(#"{"error":[],"#)) }
        let refused = await F.get(simulator, target)
        #expect(refused.status == 200)
        #expect(F.text(refused) == #"{"error":["EAPI:Rate limit exceeded"]}"#)
        clock.advance(by: 2_000)  // decays by one call
        #expect(F.text(await F.get(simulator, target)).hasPrefix(#"{"error":[],"#))
        #expect(F.text(await F.get(simulator, target)) == #"{"error":["EAPI:Rate limit exceeded"]}"#)
    }

    @Test("Zonda: requests per minute, then 429 with ACTION_LIMIT_EXCEEDED and Retry-After")
    func zonda() async throws {
        let clock = SimulatorTestClock()
        let simulator = F.simulator(rateLimits: SimulatorRateLimits(zondaRequestsPerMinute: 2), clock: clock)
        let target = "/rest/trading/candle/history/BTC-PLN/60?from=\(F.now - 600_000)&to=\(F.now)"
        #expect(await F.get(simulator, target).status == 200)
        #expect(await F.get(simulator, target).status == 200)
        let refused = await F.get(simulator, target)
        #expect(refused.status == 429)
        #expect(refused.headers["Retry-After"] == "60")
        #expect(F.text(refused) == #"{"status":"Fail","errors":["ACTION_LIMIT_EXCEEDED"]}"#)
        clock.advance(by: 60_000)
        #expect(await F.get(simulator, target).status == 200)
    }

    @Test("Kraken futures charts are not limited, and limits can be switched off")
    func unlimited() async throws {
        let limited = F.simulator(rateLimits: SimulatorRateLimits(binanceSpotWeightPerMinute: 2))
        for _ in 0..<30 { #expect(await F.get(limited, "/api/charts/v1/trade/PF_XBTUSD/1h?count=1").status == 200) }
        let open = F.simulator(rateLimits: .unlimited)
        for _ in 0..<5 { #expect(await F.get(open, "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=1").status == 200) }
        #expect(await F.get(open, "/api/v3/time").headers["X-MBX-USED-WEIGHT-1M"] == "11")
    }
}
