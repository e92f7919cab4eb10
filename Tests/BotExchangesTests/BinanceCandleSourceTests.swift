import BotExchanges
import BotNet
import Foundation
import Testing

@Suite("Binance candle source")
struct BinanceCandleSourceTests {
    @Test("spot request: path, symbol, interval, startTime/endTime in ms, limit")
    func spotRequest() async throws {
        let transport = RecordingTransport(body: "[]")
        let source = try makeSource(.binanceSpot, transport: transport)
        _ = try await source.candles(
            symbol: "BTCUSDT", interval: .oneHour, from: 1_714_921_949_000, to: 1_725_549_149_000, limit: 1000)
        let request = try #require(transport.requests.first)
        #expect(request.method == .get)
        #expect(request.url.path == "/api/v3/klines")
        #expect(request.url.host == "venue.test")
        #expect(
            queryItems(request.url) == [
                "symbol": "BTCUSDT", "interval": "1h", "startTime": "1714921949000", "endTime": "1725549149000",
                "limit": "1000",
            ])
        #expect(request.headers["User-Agent"]?.isEmpty == false)
    }

    /// CCXT's static request fixtures (spec §6) as an oracle for path and query naming.
    @Test(
        "matches CCXT's fetchOHLCV URLs (query compared as a set)",
        arguments: [
            (
                Venue.binanceSpot,
                "https://api.binance.com/api/v3/klines?interval=1m&limit=5&symbol=BTCUSDT&startTime=1699381234000"
            ),
            (
                Venue.binanceFutures,
                "https://fapi.binance.com/fapi/v1/klines?interval=1m&limit=5&symbol=BTCUSDT&startTime=1699381234000"
            ),
        ])
    func ccxtOracle(venue: Venue, expected: String) async throws {
        let transport = RecordingTransport(body: "[]")
        let source = try makeSource(venue, transport: transport, baseURL: nil)
        _ = try await source.candles(
            symbol: "BTCUSDT", interval: .oneMinute, from: 1_699_381_234_000, to: nil, limit: 5)
        let request = try #require(transport.requests.first)
        let expectedURL = try #require(URL(string: expected))
        #expect(request.url.host == expectedURL.host)
        #expect(request.url.path == expectedURL.path)
        #expect(queryItems(request.url) == queryItems(expectedURL))
    }

    @Test("futures request path and a limit above the page size is lowered to 1500")
    func futuresPageLimit() async throws {
        let transport = RecordingTransport(body: "[]")
        let source = try makeSource(.binanceFutures, transport: transport)
        #expect(source.pageLimit == 1500)
        _ = try await source.candles(symbol: "BTCUSDT", interval: .oneDay, from: 0, to: nil, limit: 5000)
        let request = try #require(transport.requests.first)
        #expect(request.url.path == "/fapi/v1/klines")
        #expect(queryItems(request.url)["limit"] == "1500")
        #expect(queryItems(request.url)["endTime"] == nil)
    }

    @Test("parses the official spot example exactly (strings through Double(String))")
    func parsesOfficialExample() async throws {
        let transport = RecordingTransport(body: try ExchangeFixture.text(.binanceSpot, "klines_official.json"))
        let source = try makeSource(.binanceSpot, transport: transport)
        let page = try await source.candles(
            symbol: "BNBBTC", interval: .oneWeek, from: 1_499_040_000_000, to: nil, limit: nil)
        #expect(
            page.candles == [
                Candle(
                    openTime: 1_499_040_000_000, open: 0.01634790, high: 0.80000000, low: 0.01575800,
                    close: 0.01577100, volume: 148976.11427815)
            ])
        #expect(page.venue == .binanceSpot && page.symbol == "BNBBTC" && page.interval == .oneWeek)
    }

    @Test("parses real testnet and futures payloads")
    func parsesRealPayloads() async throws {
        let spot = try makeSource(
            .binanceSpot,
            transport: RecordingTransport(
                body: try ExchangeFixture.text(.binanceSpot, "klines_testnet_btcusdt_1m.json")))
        let spotPage = try await spot.candles(symbol: "BTCUSDT", interval: .oneMinute, from: 0, to: nil, limit: 1)
        #expect(
            spotPage.candles == [
                Candle(
                    openTime: 1_624_559_520_000, open: 34970.9, high: 35047.03, low: 34800.01, close: 35047.03,
                    volume: 0.419472)
            ])

        let futures = try makeSource(
            .binanceFutures,
            transport: RecordingTransport(body: try ExchangeFixture.text(.binanceFutures, "klines_btcusdt_5m.json")))
        let interval = try Interval(parsing: "5m")
        let page = try await futures.candles(symbol: "BTCUSDT", interval: interval, from: 0, to: nil, limit: 2)
        #expect(page.candles.map(\.openTime) == [1_616_338_800_000, 1_616_339_100_000])
        #expect(page.candles.last?.close == 57206.47)
        #expect(page.candles.first?.volume == 496.263)
        let official = try makeSource(
            .binanceFutures,
            transport: RecordingTransport(body: try ExchangeFixture.text(.binanceFutures, "klines_official.json")))
        let officialPage = try await official.candles(symbol: "X", interval: .oneDay, from: 0, to: nil, limit: nil)
        #expect(officialPage.candles.first?.high == 0.8)
    }

    @Test("code -1121 becomes unknownSymbol naming the symbol")
    func invalidSymbol() async throws {
        let transport = RecordingTransport(
            status: 400, body: try ExchangeFixture.text(.binanceSpot, "error_invalid_symbol.json"))
        let source = try makeSource(.binanceSpot, transport: transport)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "NOPEUSDT", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(
            error
                == .unknownSymbol(
                    venue: .binanceSpot, symbol: "NOPEUSDT", path: "/api/v3/klines",
                    venueMessage: "-1121 Invalid symbol."))
        #expect(error?.description.contains("NOPEUSDT") == true)
        #expect(transport.requests.count == 1)
    }

    @Test("other Binance error codes keep code and message")
    func otherErrorCode() async throws {
        let transport = RecordingTransport(status: 400, body: #"{"code":-1120,"msg":"Invalid interval."}"#)
        let source = try makeSource(.binanceSpot, transport: transport)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(
            error
                == .venueError(
                    venue: .binanceSpot, symbol: "BTCUSDT", path: "/api/v3/klines", status: 400,
                    message: "code -1120: Invalid interval."))
    }

    @Test(
        "malformed payloads name venue, symbol, path and the problem",
        arguments: [
            ("not json", "the body is not JSON"),
            (#"[[1499040000000,"0.1","0.2","0.3"]]"#, "kline 0 is an array of 4"),
            (#"[["soon","0.1","0.2","0.3","0.4","5"]]"#, "kline 0 open time is \"soon\""),
            (#"[[1499040000000,"0.1","high","0.3","0.4","5"]]"#, "kline 0 high is \"high\""),
            (#"{"data":[]}"#, "venueError"),
        ])
    func malformed(body: String, problem: String) async throws {
        let source = try makeSource(.binanceSpot, transport: RecordingTransport(body: body))
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        let unwrapped = try #require(error)
        if problem == "venueError" {
            guard case .venueError = unwrapped else {
                Issue.record("expected venueError, got \(unwrapped)")
                return
            }
            return
        }
        guard case .malformedPayload(let venue, let symbol, let path, let text, let excerpt) = unwrapped else {
            Issue.record("expected malformedPayload, got \(unwrapped)")
            return
        }
        #expect(venue == .binanceSpot && symbol == "BTCUSDT" && path == "/api/v3/klines")
        #expect(text.contains(problem), "\(text)")
        #expect(excerpt == body)
        #expect(unwrapped.description.contains("/api/v3/klines"))
    }

    @Test("candles come back ascending, unique and inside the window")
    func cleansRows() async throws {
        let body = """
            [[180000,"3","3","3","3","3",0,"0",0,"0","0","0"],[60000,"1","1","1","1","1",0,"0",0,"0","0","0"],
             [120000,"2","2","2","2","2",0,"0",0,"0","0","0"],[120000,"9","9","9","9","9",0,"0",0,"0","0","0"],
             [240000,"4","4","4","4","4",0,"0",0,"0","0","0"]]
            """
        let source = try makeSource(.binanceSpot, transport: RecordingTransport(body: body))
        let page = try await source.candles(
            symbol: "BTCUSDT", interval: .oneMinute, from: 120_000, to: 180_000, limit: nil)
        #expect(page.candles.map(\.openTime) == [120_000, 180_000])
        #expect(page.candles.first?.open == 9)
    }

    @Test("a candle off the interval's boundaries is refused rather than stored under the wrong bucket")
    func misaligned() async throws {
        // 2023-07-06 is a Thursday: not where a Monday-based week opens.
        let body = #"[[1688601600000,"1","1","1","1","1",0,"0",0,"0","0","0"]]"#
        let source = try makeSource(.binanceSpot, transport: RecordingTransport(body: body))
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneWeek, from: 0, to: nil, limit: nil)
        }
        guard case .malformedPayload(.binanceSpot, "BTCUSDT", "/api/v3/klines", let problem, _) = error else {
            Issue.record("expected malformedPayload, got \(String(describing: error))")
            return
        }
        #expect(problem.contains("1688601600000 (2023-07-06T00:00:00.000Z) is not on a 1w boundary"))
        #expect(problem.contains("Monday"))
    }
}
