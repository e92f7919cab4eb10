import BotExchanges
import BotNet
import Foundation
import Synchronization
import Testing

/// Every adapter through `URLSessionTransport` against our own `HTTPServer` on 127.0.0.1, serving the
/// spec's payloads at the venues' own paths (the base URL override at work).
@Suite(.timeLimit(.minutes(1))) struct CandleSourceLoopbackTests {
    final class Log: Sendable {
        let requests = Mutex<[(path: String, query: String)]>([])
        let calls = Mutex(0)
    }

    static func router(log: Log) throws -> HTTPRouter {
        var router = HTTPRouter()
        let routes: [(String, String)] = [
            ("/api/v3/klines", try ExchangeFixture.text(.binanceSpot, "klines_testnet_btcusdt_1m.json")),
            ("/fapi/v1/klines", try ExchangeFixture.text(.binanceFutures, "klines_btcusdt_5m.json")),
            ("/0/public/OHLC", try ExchangeFixture.text(.krakenSpot, "ohlc_xxbtzusd.json")),
            ("/api/charts/v1/trade/PI_XBTUSD/1m", try ExchangeFixture.text(.krakenFutures, "candles_official.json")),
            (
                "/rest/trading/candle/history/BTC-USDT/3600",
                try ExchangeFixture.text(.zondaSpot, "candles_btc_usdt_1h.json")
            ),
        ]
        for (path, body) in routes {
            router.add(.get, path) { request in
                log.requests.withLock { $0.append((request.path, request.query)) }
                return HTTPResponse(
                    status: 200, headers: ["Content-Type": "application/json", "X-MBX-USED-WEIGHT-1M": "12"],
                    body: Data(body.utf8))
            }
        }
        router.add(.get, "/busy/api/v3/klines") { _ in
            let call = log.calls.withLock { count -> Int in
                count += 1
                return count
            }
            if call == 1 { return HTTPResponse(status: 429, headers: ["Retry-After": "0"]) }
            return HTTPResponse(status: 200, body: Data("[]".utf8))
        }
        router.add(.get, "/banned/api/v3/klines") { _ in
            log.calls.withLock { $0 += 1 }
            return HTTPResponse(
                status: 418, headers: ["Retry-After": "600"], body: Data(#"{"code":-1003,"msg":"banned"}"#.utf8))
        }
        router.add(.get, "/unknown/api/v3/klines") { _ in
            HTTPResponse(status: 400, body: Data(#"{"code":-1121,"msg":"Invalid symbol."}"#.utf8))
        }
        return router
    }

    static let instant = RetryTiming(now: { .zero }, sleep: { _ in }, random: { 0.5 }, currentDate: { Date.now })

    func withServer(_ body: (String, Log) async throws -> Void) async throws {
        let log = Log()
        let server = try HTTPServer.start(router: Self.router(log: log))
        do {
            try await body("http://127.0.0.1:\(server.port)", log)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func source(_ venue: Venue, _ base: String, clock: ManualClock = ManualClock()) throws -> any CandleSource {
        try CandleSources.make(
            venue: venue, environment: .live, baseURL: base,
            client: CandleSources.client(transport: URLSessionTransport(defaultTimeout: .seconds(10)), timing: instant),
            clock: clock.limiterClock)
    }

    @Test("all five venues over real HTTP")
    func fiveVenues() async throws {
        try await withServer { base, log in
            let binance = try await Self.source(.binanceSpot, base).candles(
                symbol: "BTCUSDT", interval: .oneMinute, from: 1_624_559_520_000, to: nil, limit: 1)
            #expect(binance.candles.map(\.close) == [35047.03])

            let futures = try await Self.source(.binanceFutures, base).candles(
                symbol: "BTCUSDT", interval: try Interval(parsing: "5m"), from: 1_616_338_800_000,
                to: 1_616_339_100_000, limit: 2)
            #expect(futures.candles.map(\.openTime) == [1_616_338_800_000, 1_616_339_100_000])

            let kraken = try await Self.source(.krakenSpot, base).candles(
                symbol: "XBTUSD", interval: .oneMinute, from: 1_688_671_200_000, to: nil, limit: nil)
            #expect(kraken.candles.map(\.openTime) == [1_688_671_200_000])

            let krakenFutures = try await Self.source(.krakenFutures, base).candles(
                symbol: "pi_xbtusd", interval: .oneMinute, from: 1_620_816_960_000, to: nil, limit: 10)
            #expect(krakenFutures.candles.map(\.volume) == [10824])

            let zonda = try await Self.source(.zondaSpot, base).candles(
                symbol: "BTC-USDT", interval: .oneHour, from: 1_710_327_600_000, to: nil, limit: 1)
            #expect(zonda.candles.map(\.open) == [73194.5])

            let seen = log.requests.withLock { $0 }
            #expect(
                seen.map(\.query) == [
                    "symbol=BTCUSDT&interval=1m&startTime=1624559520000&limit=1",
                    "symbol=BTCUSDT&interval=5m&startTime=1616338800000&endTime=1616339100000&limit=2",
                    "pair=XBTUSD&interval=1&since=1688671199",
                    "from=1620816960&to=1620817559",
                    "from=1710327600000&to=1710331199999",
                ])
        }
    }

    @Test("429 then 200 is retried; 418 stops after one request; -1121 names the symbol")
    func failures() async throws {
        try await withServer { base, log in
            let busy = try await Self.source(.binanceSpot, base + "/busy").candles(
                symbol: "BTCUSDT", interval: .oneMinute, from: 0, to: nil, limit: 1)
            #expect(busy.candles.isEmpty)
            #expect(log.calls.withLock { $0 } == 2)

            log.calls.withLock { $0 = 0 }
            let banned = try Self.source(.binanceSpot, base + "/banned")
            let error = await marketDataError {
                _ = try await banned.candles(symbol: "BTCUSDT", interval: .oneMinute, from: 0, to: nil, limit: 1)
            }
            #expect(error == .banned(venue: .binanceSpot, retryAfterSeconds: 600))
            #expect(error?.description.contains("10 min 0 s") == true)
            let again = await marketDataError {
                _ = try await banned.candles(symbol: "BTCUSDT", interval: .oneMinute, from: 0, to: nil, limit: 1)
            }
            #expect(again?.stopsAllRequests == true)
            #expect(log.calls.withLock { $0 } == 1)

            let unknown = try Self.source(.binanceSpot, base + "/unknown")
            let symbolError = await marketDataError {
                _ = try await unknown.candles(symbol: "NOPE", interval: .oneMinute, from: 0, to: nil, limit: 1)
            }
            guard case .unknownSymbol(.binanceSpot, "NOPE", "/api/v3/klines", _) = symbolError else {
                Issue.record("expected unknownSymbol, got \(String(describing: symbolError))")
                return
            }
        }
    }
}
