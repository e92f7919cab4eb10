import BotExchanges
import BotNet
import Foundation
import Testing

@Suite("Kraken spot candle source")
struct KrakenSpotCandleSourceTests {
    @Test("request: pair, interval in minutes, since in seconds one before the start (since is exclusive)")
    func request() async throws {
        let transport = RecordingTransport(body: #"{"error":[],"result":{"XBTUSDT":[],"last":0}}"#)
        let source = try makeSource(.krakenSpot, transport: transport)
        _ = try await source.candles(
            symbol: "XBTUSDT", interval: .oneHour, from: 1_716_523_200_000, to: nil, limit: nil)
        let request = try #require(transport.requests.first)
        #expect(request.url.path == "/0/public/OHLC")
        #expect(queryItems(request.url) == ["pair": "XBTUSDT", "interval": "60", "since": "1716523199"])
        // Kraken refuses requests without a User-Agent.
        #expect(request.headers["User-Agent"]?.isEmpty == false)
    }

    /// CCXT's fixture (spec §6): same host, path and parameter names; CCXT sends since = start's second,
    /// this source one second earlier because `since` is exclusive.
    @Test("matches CCXT's fetchOHLCV URL apart from the exclusive since")
    func ccxtOracle() async throws {
        let transport = RecordingTransport(body: #"{"error":[],"result":{"XBTUSDT":[],"last":0}}"#)
        let source = try makeSource(.krakenSpot, transport: transport, baseURL: nil)
        _ = try await source.candles(
            symbol: "XBTUSDT", interval: .oneHour, from: 1_716_523_348_000, to: nil, limit: nil)
        let request = try #require(transport.requests.first)
        let expected = try #require(
            URL(string: "https://api.kraken.com/0/public/OHLC?pair=XBTUSDT&interval=60&since=1716523348"))
        #expect(request.url.host == expected.host && request.url.path == expected.path)
        var query = queryItems(expected)
        query["since"] = "1716523347"
        #expect(queryItems(request.url) == query)
    }

    @Test("parses the OHLC example keyed by Kraken's internal pair name; times become milliseconds")
    func parses() async throws {
        let transport = RecordingTransport(body: try ExchangeFixture.text(.krakenSpot, "ohlc_xxbtzusd.json"))
        let source = try makeSource(.krakenSpot, transport: transport)
        let page = try await source.candles(symbol: "XBTUSD", interval: .oneMinute, from: 0, to: nil, limit: nil)
        #expect(
            page.candles == [
                Candle(
                    openTime: 1_688_671_200_000, open: 30306.1, high: 30306.2, low: 30305.7, close: 30305.7,
                    volume: 3.39243896)
            ])
    }

    @Test("history is limited to 720 candles and says how far back it reaches")
    func historyLimit() throws {
        let source = try makeSource(.krakenSpot, transport: RecordingTransport([]))
        #expect(source.historyLimit == 720)
        #expect(source.pageLimit == 720)
        let now: Int64 = 1_700_000_000_000 + 1234  // inside the 22:13 minute of 2023-11-14
        let hourStart = now / 3_600_000 * 3_600_000
        #expect(source.earliestAvailableOpenTime(interval: .oneHour, now: now) == hourStart - 719 * 3_600_000)
        let binance = try makeSource(.binanceSpot, transport: RecordingTransport([]))
        #expect(binance.earliestAvailableOpenTime(interval: .oneHour, now: now) == nil)
    }

    @Test("the window and limit are cut client-side (Kraken returns the 720 most recent)")
    func clientSideWindow() async throws {
        let rows = (0..<10).map { #"[\#(60 * $0),"1","2","0.5","1.5","1","0.7",3]"# }.joined(separator: ",")
        let transport = RecordingTransport(body: #"{"error":[],"result":{"XXBTZUSD":[\#(rows)],"last":540}}"#)
        let source = try makeSource(.krakenSpot, transport: transport)
        let page = try await source.candles(
            symbol: "XBTUSD", interval: .oneMinute, from: 120_000, to: 420_000, limit: 3)
        #expect(page.candles.map(\.openTime) == [120_000, 180_000, 240_000])
        #expect(page.candles.first?.volume == 0.7)
    }

    @Test("EQuery:Unknown asset pair becomes unknownSymbol")
    func unknownPair() async throws {
        let transport = RecordingTransport(body: try ExchangeFixture.text(.krakenSpot, "error_unknown_pair.json"))
        let source = try makeSource(.krakenSpot, transport: transport)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "FOOBAR", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(
            error
                == .unknownSymbol(
                    venue: .krakenSpot, symbol: "FOOBAR", path: "/0/public/OHLC",
                    venueMessage: "EQuery:Unknown asset pair"))
    }

    @Test("other errors in the array: rate limit, general")
    func otherErrors() async throws {
        let limited = try makeSource(
            .krakenSpot, transport: RecordingTransport(body: #"{"error":["EAPI:Rate limit exceeded"]}"#))
        let error = await marketDataError {
            _ = try await limited.candles(symbol: "XBTUSD", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(error == .rateLimited(venue: .krakenSpot, path: "/0/public/OHLC", retryAfterSeconds: nil))

        let busy = try makeSource(
            .krakenSpot, transport: RecordingTransport(body: #"{"error":["EService:Unavailable"]}"#))
        let other = await marketDataError {
            _ = try await busy.candles(symbol: "XBTUSD", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(
            other
                == .venueError(
                    venue: .krakenSpot, symbol: "XBTUSD", path: "/0/public/OHLC", status: 200,
                    message: "EService:Unavailable"))
    }

    @Test(
        "malformed payloads",
        arguments: [
            (#"{"error":[]}"#, "no \"result\" object"),
            (#"{"error":[],"result":{"last":1}}"#, "expected one pair in \"result\", found 0"),
            (#"{"error":[],"result":{"A":[],"B":[],"last":1}}"#, "found 2 (A, B)"),
            (#"{"error":[],"result":{"A":[[1,"1","2","3"]],"last":1}}"#, "row 0 is an array of 4"),
            (#"{"error":[],"result":{"A":[["x","1","2","3","4","5","6",7]],"last":1}}"#, "row 0 time is \"x\""),
            (#"{"error":[],"result":{"A":[[1,"1","2","3","4","5","lots",7]],"last":1}}"#, "row 0 volume is \"lots\""),
            ("[]", "not a JSON object"),
        ])
    func malformed(body: String, problem: String) async throws {
        let source = try makeSource(.krakenSpot, transport: RecordingTransport(body: body))
        let error = await marketDataError {
            _ = try await source.candles(symbol: "XBTUSD", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        guard case .malformedPayload(.krakenSpot, "XBTUSD", "/0/public/OHLC", let text, _) = error else {
            Issue.record("expected malformedPayload, got \(String(describing: error))")
            return
        }
        #expect(text.contains(problem), "\(text)")
    }
}
