import BotExchanges
import BotNet
import Foundation
import Testing

/// Status handling shared by every adapter: retries, Retry-After, bans and the weight header.
@Suite("Market data HTTP handling")
struct MarketDataConnectionTests {
    static let klines = #"[[1499040000000,"1","2","0.5","1.5","10",1499043599999,"0",1,"0","0","0"]]"#

    @Test("429 with Retry-After is retried after exactly that wait")
    func retriesTooManyRequests() async throws {
        let clock = ManualClock(now: 0)
        let transport = RecordingTransport([
            HTTPResponse(
                status: 429, headers: ["Retry-After": "7"],
                body: Data(#"{"code":-1003,"msg":"Too many requests"}"#.utf8)),
            HTTPResponse(status: 200, body: Data(Self.klines.utf8)),
        ])
        let source = try makeSource(.binanceSpot, transport: transport, clock: clock)
        let page = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        #expect(page.candles.count == 1)
        #expect(transport.requests.count == 2)
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test("5xx and timeouts are retried with backoff")
    func retriesServerErrors() async throws {
        let clock = ManualClock(now: 0)
        final class Flaky: HTTPTransport {
            let inner: RecordingTransport
            init(_ inner: RecordingTransport) { self.inner = inner }
            func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                let response = try await inner.send(request)
                if response.status == 599 { throw HTTPTransportError.timedOut(after: .seconds(15)) }
                return response
            }
        }
        let recording = RecordingTransport([
            HTTPResponse(status: 503), HTTPResponse(status: 599),
            HTTPResponse(status: 200, body: Data(Self.klines.utf8)),
        ])
        let source = try CandleSources.make(
            venue: .binanceFutures, environment: .live, baseURL: "http://127.0.0.1:9",
            client: CandleSources.client(transport: Flaky(recording), timing: clock.retryTiming),
            clock: clock.limiterClock)
        let page = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        #expect(page.candles.count == 1)
        #expect(recording.requests.count == 3)
        // Full jitter at r = 0.5 of 0.5 s then 1 s.
        #expect(clock.sleeps == [.milliseconds(250), .milliseconds(500)])
    }

    @Test("418 stops at once: banned with the ban's length, no retry, and the limiter refuses further calls")
    func banStops() async throws {
        let clock = ManualClock(now: 0)
        let transport = RecordingTransport([
            HTTPResponse(
                status: 418, headers: ["Retry-After": "7200"], body: Data(#"{"code":-1003,"msg":"IP banned"}"#.utf8))
        ])
        let source = try makeSource(.binanceSpot, transport: transport, clock: clock)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        #expect(error == .banned(venue: .binanceSpot, retryAfterSeconds: 7200))
        #expect(error?.stopsAllRequests == true)
        #expect(error?.description.contains("2 h 0 min") == true)
        #expect(error?.description.contains("Retry-After: 7200") == true)
        #expect(error?.description.contains("do not retry") == true)
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)

        // A second call does not reach the network.
        clock.advance(milliseconds: 600_000)
        let again = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        #expect(again == .banned(venue: .binanceSpot, retryAfterSeconds: 6600))
        #expect(transport.requests.count == 1)
    }

    @Test("418 is not retried even when a caller's policy lists it")
    func banNeverRetried() async throws {
        let transport = RecordingTransport([
            HTTPResponse(status: 418, headers: ["Retry-After": "1"]), HTTPResponse(status: 200),
        ])
        var client = CandleSources.client(transport: transport, timing: ManualClock().retryTiming)
        client.retryPolicy.retryableStatuses.insert(418)
        let source = try CandleSources.make(
            venue: .binanceSpot, environment: .live, baseURL: "http://127.0.0.1:9", client: client)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        #expect(error == .banned(venue: .binanceSpot, retryAfterSeconds: 1))
        #expect(transport.requests.count == 1)
    }

    @Test("429 until the retries run out becomes rateLimited and pauses the limiter")
    func rateLimitedAfterRetries() async throws {
        let clock = ManualClock(now: 0)
        let answers = Array(repeating: HTTPResponse(status: 429, headers: ["Retry-After": "2"]), count: 4)
        let transport = RecordingTransport(answers)
        let limiter = RateLimiter(venue: .binanceSpot, limit: .binanceSpot, clock: clock.limiterClock)
        let source = try CandleSources.make(
            venue: .binanceSpot, environment: .live, baseURL: "http://127.0.0.1:9",
            client: CandleSources.client(transport: transport, timing: clock.retryTiming), limiter: limiter)
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        #expect(error == .rateLimited(venue: .binanceSpot, path: "/api/v3/klines", retryAfterSeconds: 2))
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps == [.seconds(2), .seconds(2), .seconds(2)])
        // The next request first waits out the last Retry-After.
        #expect(try await limiter.acquire(weight: 2) == .seconds(2))
    }

    @Test("the used-weight header of each answer reaches the limiter")
    func recordsWeightHeader() async throws {
        let clock = ManualClock(now: 0)
        let transport = RecordingTransport([
            HTTPResponse(status: 200, headers: ["X-MBX-USED-WEIGHT-1M": "5990"], body: Data(Self.klines.utf8)),
            HTTPResponse(status: 200, body: Data(Self.klines.utf8)),
        ])
        let limiter = RateLimiter(venue: .binanceSpot, limit: .binanceSpot, clock: clock.limiterClock)
        let source = try CandleSources.make(
            venue: .binanceSpot, environment: .live, baseURL: "http://127.0.0.1:9",
            client: CandleSources.client(transport: transport, timing: clock.retryTiming), limiter: limiter)
        clock.advance(milliseconds: 20_000)
        _ = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        #expect(await limiter.usedWeight == 5990)
        _ = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: 0, to: nil, limit: nil)
        // 5990 is past the usable 5400: the second request waited the 40 s left in the minute.
        #expect(clock.sleeps == [.seconds(40)])
    }

    @Test("an unexpected status keeps the body excerpt; a refused connection is a network error")
    func otherFailures() async throws {
        let source = try makeSource(.zondaSpot, transport: RecordingTransport(status: 302, body: "moved"))
        let error = await marketDataError {
            _ = try await source.candles(symbol: "BTC-PLN", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        #expect(
            error
                == .httpStatus(
                    venue: .zondaSpot, symbol: "BTC-PLN", path: "/rest/trading/candle/history/BTC-PLN/3600",
                    status: 302,
                    bodyExcerpt: "moved"))

        final class Refusing: HTTPTransport {
            func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                throw HTTPTransportError.cannotConnect(host: "127.0.0.1", port: 9)
            }
        }
        let offline = try CandleSources.make(
            venue: .krakenSpot, environment: .live, baseURL: "http://127.0.0.1:9",
            client: CandleSources.client(transport: Refusing(), timing: ManualClock().retryTiming))
        let network = await marketDataError {
            _ = try await offline.candles(symbol: "XBTUSD", interval: .oneHour, from: 0, to: nil, limit: nil)
        }
        guard case .network(.krakenSpot, "/0/public/OHLC", let reason) = network else {
            Issue.record("expected network, got \(String(describing: network))")
            return
        }
        #expect(reason.contains("cannot connect to 127.0.0.1:9"))
        #expect(reason.contains("4 attempts"))
    }
}
