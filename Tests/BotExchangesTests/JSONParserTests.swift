import BotExchanges
import Testing

/// The byte-level JSON reader, through the adapters (it is internal): escapes, numbers, nesting, garbage.
@Suite("JSON reading of venue payloads")
struct JSONParserTests {
    @Test("escapes, unicode and whitespace in Zonda payloads")
    func escapes() async throws {
        let body = """
             { "status" : "Ok" ,\n "items" : [ [ "1591503060000" , { "o":"1.5", "c":"2", "h":"3", "l":"0.5", "v":"10",
             "co":"\\u0031\\u00e9\\ud83d\\ude00\\n\\"\\\\\\/" } ] ] , "x": [true, false, null, -1.5e3, 0] }
            """
        let source = try makeSource(.zondaSpot, transport: RecordingTransport(body: body))
        let page = try await source.candles(symbol: "BTC-PLN", interval: .oneMinute, from: 0, to: nil, limit: nil)
        #expect(
            page.candles == [Candle(openTime: 1_591_503_060_000, open: 1.5, high: 3, low: 0.5, close: 2, volume: 10)])
    }

    @Test("numbers as JSON numbers are read too (exponents, negatives)")
    func numbers() async throws {
        let body = #"[[1499040000000,1.5e2,-0.25,0,100,"1E-8",0,"0",0,"0","0","0"]]"#
        let source = try makeSource(.binanceSpot, transport: RecordingTransport(body: body))
        let page = try await source.candles(symbol: "BTCUSDT", interval: .oneMinute, from: 0, to: nil, limit: nil)
        #expect(
            page.candles == [
                Candle(openTime: 1_499_040_000_000, open: 150, high: -0.25, low: 0, close: 100, volume: 1e-8)
            ])
    }

    @Test(
        "invalid JSON is a malformed payload",
        arguments: [
            "[[1,2,3]", "[1,]", "[\"\\x\"]", "[01.5.5]", "[true false]", "[nul]", "[] []", "[\"tab\there\"]",
            String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
        ])
    func invalid(body: String) async throws {
        let source = try makeSource(.binanceSpot, transport: RecordingTransport(body: body))
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneMinute, from: 0, to: nil, limit: nil)
        }
        guard case .malformedPayload(_, _, _, let problem, _) = error else {
            Issue.record("expected malformedPayload for \(body), got \(String(describing: error))")
            return
        }
        #expect(problem == "the body is not JSON")
    }
}
