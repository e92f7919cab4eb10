import BotExchanges
import BotNet
import Foundation
import Testing

@Suite("Zonda candle source")
struct ZondaCandleSourceTests {
    @Test("request: pair and resolution in seconds in the path, from/to in milliseconds for `limit` buckets")
    func request() async throws {
        let transport = RecordingTransport(body: #"{"status":"Ok","items":[]}"#)
        let source = try makeSource(.zondaSpot, transport: transport)
        _ = try await source.candles(symbol: "BTC-PLN", interval: .oneHour, from: 1_709_985_600_000, to: nil, limit: 5)
        let request = try #require(transport.requests.first)
        #expect(request.url.path == "/rest/trading/candle/history/BTC-PLN/3600")
        #expect(queryItems(request.url) == ["from": "1709985600000", "to": "1710003599999"])
    }

    /// CCXT's fixture (spec §6): same host and path; from/to are in its skipKeys.
    @Test("matches CCXT's fetchOHLCV path on the default host")
    func ccxtOracle() async throws {
        let transport = RecordingTransport(body: #"{"status":"Ok","items":[]}"#)
        let source = try makeSource(.zondaSpot, transport: transport, baseURL: nil)
        _ = try await source.candles(
            symbol: "BTC-USDT", interval: .oneMinute, from: 1_709_986_984_698, to: 1_709_992_984_698, limit: nil)
        let request = try #require(transport.requests.first)
        let expected = try #require(
            URL(
                string:
                    "https://api.zondacrypto.exchange/rest/trading/candle/history/BTC-USDT/60?to=1709992984698&from=1709986984698"
            ))
        #expect(request.url.host == expected.host && request.url.path == expected.path)
        #expect(Set(queryItems(request.url).keys) == Set(queryItems(expected).keys))
        // 100 one-minute buckets from the start: 6 000 000 ms, exactly CCXT's span.
        #expect(queryItems(request.url)["to"] == "1709992984697")
    }

    @Test("parses CCXT's response fixtures (keys by name: o c h l v; times are strings)")
    func parses() async throws {
        let hourly = try makeSource(
            .zondaSpot,
            transport: RecordingTransport(body: try ExchangeFixture.text(.zondaSpot, "candles_btc_usdt_1h.json")))
        let page = try await hourly.candles(
            symbol: "BTC-USDT", interval: .oneHour, from: 1_710_327_600_000, to: nil, limit: nil)
        #expect(
            page.candles == [
                Candle(
                    openTime: 1_710_327_600_000, open: 73194.5, high: 73250.01, low: 73194.5, close: 73250.01,
                    volume: 0.00142076)
            ])
        let minutes = try makeSource(
            .zondaSpot, transport: RecordingTransport(body: try ExchangeFixture.text(.zondaSpot, "candles_1m.json")))
        let second = try await minutes.candles(symbol: "ETH-BTC", interval: .oneMinute, from: 0, to: nil, limit: nil)
        #expect(second.candles.map(\.openTime) == [1_591_503_060_000, 1_591_503_120_000])
        #expect(second.candles[1].high == 0.02509606 && second.candles[1].low == 0.02509487)
        #expect(second.candles[1].close == 0.02509515)
    }

    @Test("status Fail: an unknown market, a rate limit, anything else")
    func errors() async throws {
        let unknown = try makeSource(
            .zondaSpot, transport: RecordingTransport(body: try ExchangeFixture.text(.zondaSpot, "error_fail.json")))
        let error = await marketDataError {
            _ = try await unknown.candles(symbol: "FOO-BAR", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(
            error
                == .unknownSymbol(
                    venue: .zondaSpot, symbol: "FOO-BAR", path: "/rest/trading/candle/history/FOO-BAR/86400",
                    venueMessage: "TICKER_NOT_FOUND"))

        let limited = try makeSource(
            .zondaSpot, transport: RecordingTransport(body: #"{"status":"Fail","errors":["ACTION_LIMIT_EXCEEDED"]}"#))
        let limit = await marketDataError {
            _ = try await limited.candles(symbol: "BTC-PLN", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(
            limit
                == .rateLimited(
                    venue: .zondaSpot, path: "/rest/trading/candle/history/BTC-PLN/86400", retryAfterSeconds: nil))

        let down = try makeSource(
            .zondaSpot, transport: RecordingTransport(body: #"{"status":"Fail","errors":["UNDER_MAINTENANCE"]}"#))
        let other = await marketDataError {
            _ = try await down.candles(symbol: "BTC-PLN", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        #expect(
            other
                == .venueError(
                    venue: .zondaSpot, symbol: "BTC-PLN", path: "/rest/trading/candle/history/BTC-PLN/86400",
                    status: 200,
                    message: "UNDER_MAINTENANCE"))
    }

    @Test(
        "malformed payloads",
        arguments: [
            (#"{"items":[]}"#, "no \"status\" field"),
            (#"{"status":"Ok"}"#, "no \"items\" array"),
            (#"{"status":"Ok","items":[["1",{"o":"1","c":"1","h":"1","l":"1"}]]}"#, "item 0 volume (\"v\") is missing"),
            (
                #"{"status":"Ok","items":[["soon",{"o":"1","c":"1","h":"1","l":"1","v":"1"}]]}"#,
                "item 0 time is \"soon\""
            ),
            (#"{"status":"Ok","items":[{"o":"1"}]}"#, "item 0 is an object"),
        ])
    func malformed(body: String, problem: String) async throws {
        let source = try makeSource(.zondaSpot, transport: RecordingTransport(body: body))
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTC-PLN", interval: .oneDay, from: 0, to: nil, limit: nil)
        }
        guard case .malformedPayload(.zondaSpot, "BTC-PLN", _, let text, _) = error else {
            Issue.record("expected malformedPayload, got \(String(describing: error))")
            return
        }
        #expect(text.contains(problem), "\(text)")
    }
}
