import BotExchanges
import BotNet
import Foundation
import Testing

/// Each venue's candle endpoint: shape, paging limits, quirks and errors.
@Suite("ExchangeSimulator venues")
struct SimulatorVenueTests {
    typealias F = SimulatorFixtures
    static let now = F.now
    static let twoYearsAgo = now - 730 * 86_400_000

    // MARK: Binance

    @Test("Binance spot: 12-field rows with string prices, default 500 most recent, the open candle last")
    func binanceShape() async throws {
        let simulator = F.simulator()
        let response = await F.get(simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1h")
        #expect(response.status == 200)
        #expect(response.headers["X-MBX-USED-WEIGHT-1M"] == "2")
        let rows = try #require(try F.json(response) as? [[Any]])
        #expect(rows.count == 500)
        let last = try #require(rows.last)
        #expect(try F.integer(last[0]) == 1_717_243_200_000)  // 12:00, still open at 12:30
        #expect(try F.integer(last[6]) == 1_717_246_799_999)
        #expect((last[1] as? String)?.split(separator: ".").last?.count == 8)
        #expect(last[11] as? String == "0")
        #expect(last[8] is Int || last[8] is Int64 || last[8] is NSNumber)
        let candles = try F.binanceCandles(response)
        #expect(zip(candles, candles.dropFirst()).allSatisfy { $0.openTime + F.hour == $1.openTime })
    }

    @Test("Binance spot paged by startTime with 1000-row pages reproduces SyntheticMarket exactly")
    func binancePaging() async throws {
        let simulator = F.simulator()
        let end = Self.now - Self.now % F.hour  // the open candle is excluded
        var stored: [Candle] = []
        var start = Self.twoYearsAgo
        var requests = 0
        while start < end {
            let response = await F.get(
                simulator, "/api/v3/klines?symbol=ETHUSDT&interval=1h&startTime=\(start)&endTime=\(end - 1)&limit=5000")
            requests += 1
            let page = try F.binanceCandles(response)
            #expect(page.count <= 1000)
            guard let last = page.last else { break }
            stored += page
            start = last.openTime + F.hour
        }
        let expected = try await simulator.market.candles(
            venue: .binanceSpot, symbol: "ETHUSDT", interval: .oneHour, from: Self.twoYearsAgo, to: end)
        #expect(stored == expected)
        #expect(requests == 18)  // 17 520 rows, 1000 a page
        #expect(await simulator.statistics().requests(.binanceSpot, endpoint: "/api/v3/klines") == 18)
    }

    @Test("Binance: endTime alone gives the most recent rows up to it; startTime after endTime is -1023")
    func binanceEndTime() async throws {
        let simulator = F.simulator()
        let end = Self.now - 10 * F.hour
        let page = try F.binanceCandles(
            await F.get(simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1h&endTime=\(end)&limit=3"))
        #expect(page.map(\.openTime) == [end - 2 * F.hour, end - F.hour, end].map { $0 - $0 % F.hour })
        let reversed = await F.get(simulator, "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=5&endTime=4")
        #expect(reversed.status == 400)
        #expect(F.text(reversed) == #"{"code":-1023,"msg":"Start time is greater than end time."}"#)
    }

    @Test("Binance USD-M: pages of at most 1500 and weights 1, 2, 5, 10 by limit")
    func binanceFutures() async throws {
        let simulator = F.simulator()
        var used = 0
        for (limit, weight) in [(99, 1), (100, 2), (500, 5), (1000, 5), (1500, 10), (2000, 10)] {
            let response = await F.get(
                simulator, "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&startTime=\(Self.twoYearsAgo)&limit=\(limit)")
            used += weight
            #expect(response.headers["X-MBX-USED-WEIGHT-1M"] == String(used))
            #expect(try F.binanceCandles(response).count == min(limit, 1500))
        }
        // USD-M prints the tick's decimals, not eight.
        let rows = try #require(
            try F.json(await F.get(simulator, "/fapi/v1/klines?symbol=BTCUSDT&interval=1d&limit=1")) as? [[Any]])
        #expect((rows.first?[1] as? String)?.split(separator: ".").last?.count == 2)
    }

    @Test(
        "Binance errors: unknown symbol -1121, bad interval -1120, missing symbol -1102, bad limit -1100",
        arguments: [
            ("symbol=NOPE&interval=1h", #"{"code":-1121,"msg":"Invalid symbol."}"#),
            ("symbol=BTCUSDT&interval=1x", #"{"code":-1120,"msg":"Invalid interval."}"#),
            ("symbol=BTCUSDT&interval=H1", #"{"code":-1120,"msg":"Invalid interval."}"#),
            (
                "interval=1h",
                #"{"code":-1102,"msg":"Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."}"#
            ),
            (
                "symbol=BTCUSDT&interval=1h&limit=ten",
                #"{"code":-1100,"msg":"Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'."}"#
            ),
        ])
    func binanceErrors(_ query: String, _ body: String) async throws {
        let response = await F.get(F.simulator(), "/api/v3/klines?\(query)")
        #expect(response.status == 400)
        #expect(F.text(response) == body)
        #expect(response.headers["X-MBX-USED-WEIGHT-1M"] == "2")
    }

    @Test("Binance server time is the simulator's now")
    func binanceTime() async throws {
        let response = await F.get(F.simulator(), "/api/v3/time")
        #expect(F.text(response) == #"{"serverTime":1717245000000}"#)
        #expect(F.text(await F.get(F.simulator(), "/fapi/v1/time")) == #"{"serverTime":1717245000000}"#)
    }

    // MARK: Kraken spot

    @Test("Kraken spot: only the 720 most recent candles whatever since asks, under the internal pair key")
    func krakenWindow() async throws {
        let simulator = F.simulator()
        let response = await F.get(
            simulator, "/0/public/OHLC?pair=XBTUSD&interval=60&since=\(Self.twoYearsAgo / 1000)")
        #expect(response.status == 200)
        let object = try #require(try F.json(response) as? [String: Any])
        #expect((object["error"] as? [Any])?.isEmpty == true)
        let result = try #require(object["result"] as? [String: Any])
        #expect(Set(result.keys) == ["XXBTZUSD", "last"])
        let rows = try #require(result["XXBTZUSD"] as? [[Any]])
        #expect(rows.count == 720)
        let current = (Self.now - Self.now % F.hour) / 1000
        #expect(try F.integer(rows.last?[0]) == current)
        #expect(try F.integer(rows.first?[0]) == current - 719 * 3600)
        #expect(try F.integer(result["last"]) == current - 3600)
        #expect(rows.allSatisfy { $0.count == 8 && $0[1] is String && $0[5] is String })
        // Same candles as the market: open, high, low, close, volume at 1, 2, 3, 4, 6.
        let expected = try await simulator.market.candles(
            venue: .krakenSpot, symbol: "XBTUSD", interval: .oneHour, from: (current - 719 * 3600) * 1000,
            to: Self.now, asOf: Self.now)
        let served = try rows.map { row in
            Candle(
                openTime: try F.integer(row[0]) * 1000, open: try F.number(row[1]), high: try F.number(row[2]),
                low: try F.number(row[3]), close: try F.number(row[4]), volume: try F.number(row[6]))
        }
        #expect(served == expected)
    }

    @Test("Kraken spot: since is exclusive and the open candle is always present")
    func krakenSince() async throws {
        let simulator = F.simulator()
        let current = (Self.now - Self.now % F.hour) / 1000
        func times(_ since: Int64) async throws -> [Int64] {
            let object = try #require(
                try F.json(await F.get(simulator, "/0/public/OHLC?pair=XBTUSDT&interval=60&since=\(since)"))
                    as? [String: Any])
            let result = try #require(object["result"] as? [String: Any])
            return try #require(result["XBTUSDT"] as? [[Any]]).map { try F.integer($0[0]) }
        }
        #expect(try await times(current - 3 * 3600) == [current - 2 * 3600, current - 3600, current])
        #expect(try await times(current + 99_999) == [current])
    }

    @Test("Kraken spot errors come with status 200 in the error array")
    func krakenErrors() async throws {
        let simulator = F.simulator()
        let unknown = await F.get(simulator, "/0/public/OHLC?pair=NOPE&interval=60")
        #expect(unknown.status == 200)
        #expect(F.text(unknown) == #"{"error":["EQuery:Unknown asset pair"]}"#)
        let badInterval = await F.get(simulator, "/0/public/OHLC?pair=XBTUSDT&interval=7")
        #expect(F.text(badInterval) == #"{"error":["EGeneral:Invalid arguments"]}"#)
    }

    // MARK: Kraken futures

    @Test("Kraken futures: from/to in seconds, time in ms, 2000 a page with more_candles, paging reproduces the market")
    func krakenFuturesPaging() async throws {
        let simulator = F.simulator()
        let from = Self.now / 1000 - 5000 * 60
        let to = Self.now / 1000 - 60
        var stored: [Candle] = []
        var next = from
        var pages: [(count: Int, more: Bool)] = []
        while true {
            let response = await F.get(simulator, "/api/charts/v1/trade/PF_XBTUSD/1m?from=\(next)&to=\(to)")
            let object = try #require(try F.json(response) as? [String: Any])
            let rows = try #require(object["candles"] as? [[String: Any]])
            let more = try #require(object["more_candles"] as? Bool)
            pages.append((rows.count, more))
            for row in rows {
                stored.append(
                    Candle(
                        openTime: try F.integer(row["time"]), open: try F.number(row["open"] as Any),
                        high: try F.number(row["high"] as Any), low: try F.number(row["low"] as Any),
                        close: try F.number(row["close"] as Any), volume: Double(try F.integer(row["volume"]))))
            }
            guard more, let last = stored.last else { break }
            next = last.openTime / 1000 + 60
        }
        #expect(pages.map(\.count) == [2000, 2000, 1000])
        #expect(pages.map(\.more) == [true, true, false])
        let expected = try await simulator.market.candles(
            venue: .krakenFutures, symbol: "PF_XBTUSD", interval: .oneMinute, from: from * 1000, to: to * 1000 + 1)
        #expect(stored == expected)
    }

    @Test("Kraken futures: count caps the page; mark candles have no volume; unknown symbols are 404")
    func krakenFuturesOptions() async throws {
        let simulator = F.simulator()
        let counted = try #require(
            try F.json(await F.get(simulator, "/api/charts/v1/trade/pi_xbtusd/1h?count=3")) as? [String: Any])
        let rows = try #require(counted["candles"] as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(try F.integer(rows.last?["time"]) == Self.now - Self.now % F.hour)
        #expect(counted["more_candles"] as? Bool == true)
        let mark = try #require(
            try F.json(await F.get(simulator, "/api/charts/v1/mark/PF_XBTUSD/1d?count=2")) as? [String: Any])
        #expect((mark["candles"] as? [[String: Any]])?.allSatisfy { ($0["volume"] as? Int) == 0 } == true)
        #expect(await F.get(simulator, "/api/charts/v1/trade/PF_NOPE/1h").status == 404)
        #expect(await F.get(simulator, "/api/charts/v1/trade/PF_XBTUSD/2h").status == 400)
    }

    // MARK: Zonda

    @Test("Zonda: ms in and out, [\"ms\", {o,c,h,l,v,co}] rows with trimmed decimals, at most 1000 a page")
    func zonda() async throws {
        let simulator = F.simulator()
        let from = Self.twoYearsAgo - Self.twoYearsAgo % F.hour
        let response = await F.get(
            simulator, "/rest/trading/candle/history/BTC-PLN/3600?from=\(from)&to=\(Self.now)")
        let object = try #require(try F.json(response) as? [String: Any])
        #expect(object["status"] as? String == "Ok")
        let items = try #require(object["items"] as? [[Any]])
        #expect(items.count == 1000)
        let first = try #require(items.first)
        #expect(first[0] as? String == String(from))
        let fields = try #require(first[1] as? [String: String])
        #expect(Set(fields.keys) == ["o", "c", "h", "l", "v", "co"])
        #expect(fields.values.allSatisfy { !$0.hasSuffix("0") || !$0.contains(".") })
        let expected = try await simulator.market.candles(
            venue: .zondaSpot, symbol: "BTC-PLN", interval: .oneHour, from: from, to: from + 1000 * F.hour)
        let served = try items.map { item in
            let values = try #require(item[1] as? [String: String])
            return Candle(
                openTime: try #require(Int64(item[0] as? String ?? "")), open: try F.number(values["o"] as Any),
                high: try F.number(values["h"] as Any), low: try F.number(values["l"] as Any),
                close: try F.number(values["c"] as Any), volume: try F.number(values["v"] as Any))
        }
        #expect(served == expected)
    }

    @Test("Zonda errors: unknown pair, unknown resolution, missing range")
    func zondaErrors() async throws {
        let simulator = F.simulator()
        #expect(
            F.text(await F.get(simulator, "/rest/trading/candle/history/NOPE-PLN/3600?from=0&to=1"))
                == #"{"status":"Fail","errors":["INVALID_MARKET"]}"#)
        #expect(
            F.text(await F.get(simulator, "/rest/trading/candle/history/BTC-PLN/61?from=0&to=1"))
                == #"{"status":"Fail","errors":["INVALID_RESOLUTION"]}"#)
        #expect(
            F.text(await F.get(simulator, "/rest/trading/candle/history/BTC-PLN/3600"))
                == #"{"status":"Fail","errors":["INVALID_TIME_RANGE"]}"#)
    }

    // MARK: Determinism

    @Test("two simulators with the same seed answer every venue with identical bytes")
    func identicalBytes() async throws {
        let targets = [
            "/api/v3/klines?symbol=SOLUSDT&interval=15m&limit=1000",
            "/fapi/v1/klines?symbol=ETHUSDT&interval=4h&startTime=1600000000000&limit=1500",
            "/0/public/OHLC?pair=ETHUSDT&interval=1440",
            "/api/charts/v1/trade/PI_ETHUSD/1w?from=1500000000&to=1700000000",
            "/rest/trading/candle/history/ETH-PLN/86400?from=1500000000000&to=1700000000000",
        ]
        let (first, second, other) = (F.simulator(seed: 11), F.simulator(seed: 11), F.simulator(seed: 12))
        for target in targets {
            let body = await F.get(first, target).body
            #expect(body == (await F.get(second, target)).body, "\(target)")
            #expect(body != (await F.get(other, target)).body, "\(target)")
        }
    }

    @Test(
        "extreme times are clamped, not trapped on",
        arguments: [
            "/fapi/v1/klines?symbol=BTCUSDT&interval=1w&endTime=9223372036854775807",
            "/api/v3/klines?symbol=BTCUSDT&interval=1M&startTime=9223372036854775807",
            "/api/charts/v1/trade/PF_XBTUSD/1w?from=9223372036854775807&to=9223372036854775807",
            "/rest/trading/candle/history/BTC-PLN/604800?from=-9223372036854775808&to=9223372036854775807",
            "/0/public/OHLC?pair=XBTUSDT&interval=10080&since=9223372036854775807",
        ])
    func extremeTimes(_ target: String) async throws {
        let response = await F.get(F.simulator(), target)
        #expect(response.status == 200)
        #expect(try F.json(response) is [Any] || (try F.json(response)) is [String: Any])
    }

    @Test("unknown paths are 404 and other methods 405")
    func routing() async throws {
        let simulator = F.simulator()
        #expect(await F.get(simulator, "/api/v3/depth").status == 404)
        let post = await simulator.respond(to: HTTPServerRequest(method: .post, path: "/api/v3/klines"))
        #expect(post.status == 405)
    }
}
