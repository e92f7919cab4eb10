import BotExchanges
import BotNet
import Foundation
import Testing

@Suite("Kraken futures candle source")
struct KrakenFuturesCandleSourceTests {
    /// CCXT's fixture (spec §6): 3 × 1h from 1650000000000 ms → from/to in seconds, to = from + 3 h − 1 s.
    @Test("matches CCXT's fetchOHLCV URL: trade tick type, symbol and resolution in the path, seconds")
    func ccxtOracle() async throws {
        let transport = RecordingTransport(body: #"{"candles":[],"more_candles":false}"#)
        let source = try makeSource(.krakenFutures, transport: transport, baseURL: nil)
        _ = try await source.candles(
            symbol: "PF_XBTUSD", interval: .oneHour, from: 1_650_000_000_000, to: nil, limit: 3)
        let request = try #require(transport.requests.first)
        #expect(
            request.url.absoluteString
                == "https://futures.kraken.com/api/charts/v1/trade/PF_XBTUSD/1h?from=1650000000&to=1650010799")
    }

    @Test("the symbol is upper-cased into the path and `to` is capped at the window's end")
    func symbolAndEnd() async throws {
        let transport = RecordingTransport(body: #"{"candles":[],"more_candles":false}"#)
        let source = try makeSource(.krakenFutures, transport: transport)
        _ = try await source.candles(
            symbol: "pi_xbtusd", interval: .oneDay, from: 1_700_006_400_000, to: 1_700_265_600_000, limit: nil)
        let request = try #require(transport.requests.first)
        #expect(request.url.path == "/api/charts/v1/trade/PI_XBTUSD/1d")
        #expect(queryItems(request.url) == ["from": "1700006400", "to": "1700265600"])
    }

    @Test("parses the official example (volume a number) and the realistic one (volume a string)")
    func parses() async throws {
        let official = try makeSource(
            .krakenFutures,
            transport: RecordingTransport(body: try ExchangeFixture.text(.krakenFutures, "candles_official.json")))
        let page = try await official.candles(symbol: "PF_XBTUSD", interval: .oneMinute, from: 0, to: nil, limit: nil)
        #expect(
            page.candles == [
                Candle(openTime: 1_620_816_960_000, open: 56294, high: 56475, low: 55935, close: 56250, volume: 10824)
            ])
        #expect(page.venueReportsMore == true)

        let realistic = try makeSource(
            .krakenFutures,
            transport: RecordingTransport(body: try ExchangeFixture.text(.krakenFutures, "candles_string_volume.json")))
        let second = try await realistic.candles(symbol: "PF_XBTUSD", interval: .oneDay, from: 0, to: nil, limit: nil)
        #expect(
            second.candles == [
                Candle(
                    openTime: 1_609_459_200_000, open: 28050, high: 28150, low: 27983, close: 28126, volume: 1_089_794)
            ])
        #expect(second.venueReportsMore == false)
    }

    @Test("404 is an unknown symbol; apiLimitExceeded is a rate limit")
    func errors() async throws {
        let missing = try makeSource(.krakenFutures, transport: RecordingTransport(status: 404, body: "Not Found"))
        let error = await marketDataError {
            _ = try await missing.candles(symbol: "PI_NOPE", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        guard case .unknownSymbol(.krakenFutures, "PI_NOPE", "/api/charts/v1/trade/PI_NOPE/1h", _) = error else {
            Issue.record("expected unknownSymbol, got \(String(describing: error))")
            return
        }
        let limited = try makeSource(
            .krakenFutures, transport: RecordingTransport(body: #"{"result":"error","error":"apiLimitExceeded"}"#))
        let limit = await marketDataError {
            _ = try await limited.candles(symbol: "PI_XBTUSD", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        #expect(
            limit
                == .rateLimited(
                    venue: .krakenFutures, path: "/api/charts/v1/trade/PI_XBTUSD/1h", retryAfterSeconds: nil))
    }

    @Test(
        "malformed payloads",
        arguments: [
            (#"{"more_candles":false}"#, "no \"candles\" array"),
            (#"{"candles":[{"open":"1","high":"1","low":"1","close":"1","volume":1}]}"#, "candle 0 time is missing"),
            (
                #"{"candles":[{"time":1,"open":"1","high":"1","low":"1","close":"?","volume":1}]}"#,
                "candle 0 close is \"?\""
            ),
            (#"{"candles":[[1,"1"]]}"#, "candle 0 is an array of 2"),
        ])
    func malformed(body: String, problem: String) async throws {
        let source = try makeSource(.krakenFutures, transport: RecordingTransport(body: body))
        let error = await marketDataError {
            _ = try await source.candles(symbol: "PI_XBTUSD", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        guard case .malformedPayload(.krakenFutures, "PI_XBTUSD", _, let text, _) = error else {
            Issue.record("expected malformedPayload, got \(String(describing: error))")
            return
        }
        #expect(text.contains(problem), "\(text)")
    }
}
