import BotExchanges
import BotNet
import Foundation
import Testing

/// Request counters, through the Swift API and `GET /__simulator/stats`, and the reset.
@Suite("ExchangeSimulator statistics")
struct SimulatorStatisticsTests {
    typealias F = SimulatorFixtures

    @Test("requests are counted per venue, endpoint and status; control calls are not")
    func counters() async throws {
        let simulator = F.simulator()
        _ = await F.get(simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=10")
        _ = await F.get(simulator, "/api/v3/klines?symbol=NOPE&interval=1h")
        _ = await F.get(simulator, "/api/v3/time")
        _ = await F.get(simulator, "/rest/trading/candle/history/ETH-PLN/3600?from=\(F.now - 5 * F.hour)&to=\(F.now)")
        _ = await F.get(simulator, "/__simulator/stats")
        let statistics = await simulator.statistics()
        #expect(statistics.totalRequests == 4)
        #expect(statistics.requests(.binanceSpot) == 3)
        #expect(statistics.requests(.binanceSpot, endpoint: "/api/v3/klines") == 2)
        #expect(statistics.venues[.binanceSpot]?.statuses == [200: 2, 400: 1])
        #expect(statistics.venues[.binanceSpot]?.candles == 10)
        #expect(statistics.requests(.zondaSpot, endpoint: "/rest/trading/candle/history/{pair}/{resolution}") == 1)
        #expect(statistics.venues[.zondaSpot]?.candles == 5)  // 08:00 to the open 12:00
        #expect(statistics.requests(.krakenSpot) == 0)

        let object = try #require(try F.json(await F.get(simulator, "/__simulator/stats")) as? [String: Any])
        #expect(object["total_requests"] as? Int == 4)
        let venues = try #require(object["venues"] as? [String: [String: Any]])
        #expect(venues["binance_spot"]?["requests"] as? Int == 3)
        #expect((venues["binance_spot"]?["endpoints"] as? [String: Int])?["/api/v3/klines"] == 2)
        #expect((venues["binance_spot"]?["statuses"] as? [String: Int]) == ["200": 2, "400": 1])
    }

    @Test("POST /__simulator/reset clears counters, rate-limit windows and the fault sequence")
    func reset() async throws {
        let simulator = F.simulator(
            faults: SimulatorFaults(errorRate: 0.5), rateLimits: SimulatorRateLimits(binanceSpotWeightPerMinute: 6))
        var before: [Int] = []
        for _ in 0..<3 { before.append(await F.get(simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1h").status) }
        #expect(await F.post(simulator, "/__simulator/reset", "").status == 200)
        #expect(await simulator.statistics() == SimulatorStatistics())
        var after: [Int] = []
        for _ in 0..<3 { after.append(await F.get(simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1h").status) }
        #expect(after == before)
    }
}
