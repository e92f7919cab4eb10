import BotExchanges
import BotNet
import Foundation
import Synchronization
import Testing

/// Fault injection: each fault type, its determinism, and runtime changes.
@Suite("ExchangeSimulator faults")
struct SimulatorFaultsTests {
    typealias F = SimulatorFixtures
    static let klines = "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=50"

    @Test("latency is waited for before every venue response")
    func latency() async throws {
        let waits = Mutex<[Duration]>([])
        let simulator = F.simulator(
            faults: SimulatorFaults(latencyMilliseconds: 250),
            sleep: { duration in waits.withLock { $0.append(duration) } })
        _ = await F.get(simulator, Self.klines)
        _ = await F.get(simulator, "/0/public/Time")
        _ = await F.get(simulator, "/__simulator/stats")
        #expect(waits.withLock { $0 } == [.milliseconds(250), .milliseconds(250)])
    }

    @Test("5xx errors follow a seeded sequence: the same seed fails the same requests, at about the rate")
    func serverErrors() async throws {
        func statuses(seed: UInt64) async -> [Int] {
            let simulator = F.simulator(seed: seed, faults: SimulatorFaults(errorRate: 0.3))
            var result: [Int] = []
            for _ in 0..<200 { result.append(await F.get(simulator, "/api/v3/time").status) }
            return result
        }
        let first = await statuses(seed: 1)
        #expect(first == (await statuses(seed: 1)))
        #expect(first != (await statuses(seed: 2)))
        let failures = first.filter { $0 != 200 }
        #expect(failures.count > 35 && failures.count < 85)
        #expect(Set(failures).isSubset(of: [500, 502, 503, 504]))
        #expect(Set(failures).count > 1)
    }

    @Test(
        "a 5xx body is shaped like the venue's errors",
        arguments: [
            ("/api/v3/time", "\"code\":"), ("/0/public/Time", "\"error\":[\"EService:"),
            ("/api/charts/v1/trade/PF_XBTUSD/1h", "\"error\":\""),
            ("/rest/trading/candle/history/BTC-PLN/60", "\"status\":\"Fail\""),
        ])
    func serverErrorBodies(_ target: String, _ fragment: String) async throws {
        let response = await F.get(F.simulator(faults: SimulatorFaults(errorRate: 1)), target)
        #expect((500...504).contains(response.status))
        #expect(F.text(response).contains(fragment))
    }

    @Test("truncated bodies are a strict prefix of the real one and no longer parse")
    func truncation() async throws {
        let whole = await F.get(F.simulator(), Self.klines)
        let simulator = F.simulator(faults: SimulatorFaults(truncateRate: 1))
        for _ in 0..<5 {
            let cut = await F.get(simulator, Self.klines)
            #expect(cut.status == 200)
            #expect(cut.body.count < whole.body.count && cut.body.count > 0)
            #expect(whole.body.starts(with: cut.body))
            #expect(throws: (any Error).self) { try F.json(cut) }
        }
    }

    @Test("a 429 burst answers the next N requests with Retry-After, then serves again")
    func burst() async throws {
        let simulator = F.simulator(faults: SimulatorFaults(burst429: 3, retryAfterSeconds: 7))
        for target in [
            Self.klines, "/0/public/OHLC?pair=XBTUSDT", "/rest/trading/candle/history/BTC-PLN/60?from=0&to=1",
        ] {
            let response = await F.get(simulator, target)
            #expect(response.status == 429)
            #expect(response.headers["Retry-After"] == "7")
        }
        #expect(
            F.text(await F.get(F.simulator(faults: SimulatorFaults(burst429: 1)), Self.klines)).contains(
                "\"code\":-1003"))
        #expect(await F.get(simulator, Self.klines).status == 200)
        #expect(await simulator.faults.burst429 == 0)
    }

    @Test("a 418 ban hits Binance only, with Retry-After, until lifted")
    func ban() async throws {
        let simulator = F.simulator(faults: SimulatorFaults(ban418: true, banSeconds: 300))
        let banned = await F.get(simulator, Self.klines)
        #expect(banned.status == 418)
        #expect(banned.headers["Retry-After"] == "300")
        #expect(F.text(banned).hasPrefix(#"{"code":-1003,"msg":"Way too many requests; IP(127.0.0.1) banned until "#))
        #expect(await F.get(simulator, "/fapi/v1/klines?symbol=BTCUSDT&interval=1h").status == 418)
        #expect(await F.get(simulator, "/0/public/OHLC?pair=XBTUSDT").status == 200)
        await simulator.setFaults(.none)
        #expect(await F.get(simulator, Self.klines).status == 200)
    }

    @Test("duplicated rows repeat a row right after itself; the distinct rows are the page")
    func duplicates() async throws {
        let clean = try F.binanceCandles(
            await F.get(F.simulator(), "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=400"))
        let simulator = F.simulator(faults: SimulatorFaults(duplicateRate: 0.2))
        let page = try F.binanceCandles(await F.get(simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=400"))
        #expect(page.count > 440 && page.count < 520)
        var distinct: [Candle] = []
        for candle in page where distinct.last != candle { distinct.append(candle) }
        #expect(distinct == clean)
    }

    @Test("shuffled pages hold the same rows out of order")
    func shuffle() async throws {
        let target = "/api/charts/v1/trade/PF_XBTUSD/1h?count=100"
        let clean = F.text(await F.get(F.simulator(), target))
        let shuffled = await F.get(F.simulator(faults: SimulatorFaults(shuffle: true)), target)
        let object = try #require(try F.json(shuffled) as? [String: Any])
        let times = try #require(object["candles"] as? [[String: Any]]).map { try F.integer($0["time"]) }
        #expect(times != times.sorted())
        let cleanObject = try #require(try JSONSerialization.jsonObject(with: Data(clean.utf8)) as? [String: Any])
        let cleanTimes = try #require(cleanObject["candles"] as? [[String: Any]]).map { try F.integer($0["time"]) }
        #expect(times.sorted() == cleanTimes)
    }

    @Test("missing candles are holes in the served series and in the simulator's market alike")
    func missing() async throws {
        let simulator = F.simulator(faults: SimulatorFaults(missingRate: 0.2))
        let start = F.now - 400 * F.hour
        let target = "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=\(start)&endTime=\(F.now - F.hour)&limit=1000"
        let page = try F.binanceCandles(await F.get(simulator, target))
        #expect(page.count > 280 && page.count < 360)
        #expect(page == (try F.binanceCandles(await F.get(simulator, target))))
        let market = await simulator.market
        #expect(market.missingRate == 0.2)
        #expect(
            page
                == (try market.candles(
                    venue: .binanceSpot, symbol: "BTCUSDT", interval: .oneHour, from: start, to: F.now - F.hour)))
    }

    @Test("POST /__simulator/faults changes only the keys sent; bad bodies are refused with 400")
    func controlEndpoint() async throws {
        let simulator = F.simulator()
        let response = await F.post(
            simulator, "/__simulator/faults", #"{"burst_429": 2, "retry_after": 9, "shuffle": true}"#)
        #expect(response.status == 200)
        let faults = await simulator.faults
        #expect(faults == SimulatorFaults(burst429: 2, retryAfterSeconds: 9, shuffle: true))
        let current = try #require(try F.json(await F.get(simulator, "/__simulator/faults")) as? [String: Any])
        #expect(current["burst_429"] as? Int == 2)
        #expect(current["shuffle"] as? Bool == true)

        let unknown = await F.post(simulator, "/__simulator/faults", #"{"chaos": 1}"#)
        #expect(unknown.status == 400)
        #expect(F.text(unknown).contains("unknown fault 'chaos'"))
        #expect(await F.post(simulator, "/__simulator/faults", #"{"error_rate": 2}"#).status == 400)
        #expect(await F.post(simulator, "/__simulator/faults", "not json").status == 400)
        #expect(await simulator.faults == faults)
    }
}
