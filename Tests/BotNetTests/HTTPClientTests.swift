import BotNet
import Foundation
import Synchronization
import Testing

/// A transport that answers from a script and records what it was asked; each call can advance the
/// virtual clock to simulate latency.
final class ScriptedTransport: HTTPTransport {
    private let script: Mutex<[Result<HTTPResponse, any Error>]>
    private let recorded = Mutex<[HTTPRequest]>([])
    let clock: VirtualClock?
    let latency: Duration

    init(_ script: [Result<HTTPResponse, any Error>], clock: VirtualClock? = nil, latency: Duration = .zero) {
        self.script = Mutex(script)
        self.clock = clock
        self.latency = latency
    }

    var requests: [HTTPRequest] { recorded.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        recorded.withLock { $0.append(request) }
        clock?.advance(by: latency)
        let next = script.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let next else { return HTTPResponse(status: 599) }
        return try next.get()
    }
}

/// Virtual time: sleeping records the duration and moves the clock, instantly.
final class VirtualClock: Sendable {
    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))
    let random: Double
    let date: Date

    init(random: Double = 0.5, date: Date = Date(timeIntervalSince1970: 1_700_000_000)) {
        self.random = random
        self.date = date
    }

    var sleeps: [Duration] { state.withLock { $0.sleeps } }
    func advance(by duration: Duration) { state.withLock { $0.now += duration } }

    var timing: RetryTiming {
        RetryTiming(
            now: { self.state.withLock { $0.now } },
            sleep: { duration in
                try Task.checkCancellation()
                self.state.withLock {
                    $0.sleeps.append(duration)
                    $0.now += duration
                }
            },
            random: { self.random },
            currentDate: { self.date.addingTimeInterval(self.state.withLock { Double($0.now.components.seconds) }) })
    }
}

func response(_ status: Int, _ body: String = "", headers: HTTPHeaders = HTTPHeaders()) -> Result<
    HTTPResponse, any Error
> {
    .success(HTTPResponse(status: status, headers: headers, body: Data(body.utf8)))
}

@Suite struct HTTPClientTests {
    let url = URL(string: "https://api.binance.com/api/v3/klines?symbol=BTCUSDT&interval=1h")!
    let policy = RetryPolicy(
        maxAttempts: 5, baseDelay: .milliseconds(100), multiplier: 2, maxDelay: .seconds(1), jitter: .full,
        deadline: nil)

    @Test func retriesServerErrorsWithJitteredBackoff() async throws {
        let clock = VirtualClock(random: 0.5)
        let transport = ScriptedTransport([response(503), response(500), response(502), response(200, "ok")])
        let client = HTTPClient(transport: transport, retryPolicy: policy, timing: clock.timing)
        let answer = try await client.send(HTTPRequest(url: url))
        #expect(String(decoding: answer.body, as: UTF8.self) == "ok")
        #expect(clock.sleeps == [.milliseconds(50), .milliseconds(100), .milliseconds(200)])
        #expect(transport.requests.count == 4)
    }

    @Test func givesUpAfterMaxAttempts() async throws {
        let clock = VirtualClock(random: 1)
        var policy = policy
        policy.maxAttempts = 3
        policy.jitter = .none
        let client = HTTPClient(
            transport: ScriptedTransport([response(503), response(503), response(503, "busy")]), retryPolicy: policy,
            timing: clock.timing)
        let error = await #expect(throws: HTTPClientError.self) { try await client.send(HTTPRequest(url: url)) }
        #expect(error?.description == "GET https://api.binance.com/api/v3/klines answered 503 after 3 attempts: busy")
        #expect(clock.sleeps == [.milliseconds(100), .milliseconds(200)])
    }

    @Test func retryAfterSecondsReplacesTheBackoff() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([
            response(429, "{\"code\":-1003}", headers: ["Retry-After": "7"]), response(200),
        ])
        let client = HTTPClient(transport: transport, retryPolicy: policy, timing: clock.timing)
        _ = try await client.send(HTTPRequest(url: url))
        #expect(clock.sleeps == [.seconds(7)])
    }

    @Test func retryAfterHTTPDateIsMeasuredFromNow() async throws {
        // Sun, 06 Nov 1994 08:49:37 GMT is 784111777 s after the epoch.
        let clock = VirtualClock(date: Date(timeIntervalSince1970: 784_111_770))
        let transport = ScriptedTransport([
            response(503, headers: ["Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT"]),
            response(503, headers: ["Retry-After": "Sunday, 06-Nov-94 08:49:40 GMT"]),
            response(503, headers: ["Retry-After": "Sat, 05 Nov 1994 00:00:00 GMT"]),
            response(200),
        ])
        let client = HTTPClient(transport: transport, retryPolicy: policy, timing: clock.timing)
        _ = try await client.send(HTTPRequest(url: url))
        #expect(clock.sleeps == [.seconds(7), .seconds(3), .zero])
    }

    @Test func retryAfterBeyondTheLimitGivesUpAtOnce() async throws {
        let clock = VirtualClock()
        var policy = policy
        policy.retryAfterLimit = .seconds(60)
        let transport = ScriptedTransport([
            response(429, "{\"code\":-1003,\"msg\":\"Way too many requests\"}", headers: ["Retry-After": "3600"]),
            response(200),
        ])
        let client = HTTPClient(transport: transport, retryPolicy: policy, timing: clock.timing)
        let error = await #expect(throws: HTTPClientError.self) { try await client.send(HTTPRequest(url: url)) }
        #expect(clock.sleeps.isEmpty)
        #expect(transport.requests.count == 1)
        #expect(
            error?.description
                == "GET https://api.binance.com/api/v3/klines answered 429 after 1 attempt (Retry-After 3600 s): "
                + "{\"code\":-1003,\"msg\":\"Way too many requests\"}")
        guard case .status(let code, let headers, _, _, _, let attempts, let retryAfter) = error else {
            Issue.record("expected a status error")
            return
        }
        #expect(code == 429 && attempts == 1 && retryAfter == .seconds(3600))
        #expect(headers["retry-after"] == "3600")
    }

    @Test func clientErrorsAreThrownAtOnceWithoutSecrets() async throws {
        let signed = URL(
            string: "https://user:pass@api.binance.com/api/v3/order?symbol=BTCUSDT&timestamp=1700000000000"
                + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")!
        let request = HTTPRequest(
            method: .post, url: signed,
            headers: ["X-MBX-APIKEY": "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"],
            body: Data("quantity=1&price=2".utf8))
        let clock = VirtualClock()
        let transport = ScriptedTransport([response(400, "{\"code\":-1102,\"msg\":\"Mandatory parameter missing\"}")])
        let client = HTTPClient(transport: transport, retryPolicy: policy, timing: clock.timing)
        let error = await #expect(throws: HTTPClientError.self) { try await client.send(request) }
        #expect(transport.requests.count == 1)
        let text = try #require(error).description
        #expect(
            text == "POST https://api.binance.com/api/v3/order answered 400 after 1 attempt: "
                + "{\"code\":-1102,\"msg\":\"Mandatory parameter missing\"}")
        for secret in ["signature", "c8db5682", "vmPUZE6mv9", "X-MBX-APIKEY", "timestamp", "pass", "quantity"] {
            #expect(!text.contains(secret), "the error leaks \(secret)")
            #expect(!String(describing: error).contains(secret), "the error leaks \(secret)")
        }
    }

    @Test func bodyExcerptIsLimited() async throws {
        let body = String(repeating: "é", count: 1000)
        let client = HTTPClient(
            transport: ScriptedTransport([response(404, body)]), retryPolicy: policy, timing: VirtualClock().timing)
        let error = await #expect(throws: HTTPClientError.self) { try await client.send(HTTPRequest(url: url)) }
        guard case .status(_, _, let excerpt, _, _, _, _) = error else {
            Issue.record("expected a status error")
            return
        }
        #expect(excerpt == String(repeating: "é", count: 256) + "…")
    }

    @Test func acceptedStatusesAreReturned() async throws {
        let client = HTTPClient(
            transport: ScriptedTransport([response(404, "none")]), retryPolicy: policy, acceptedStatuses: [404],
            timing: VirtualClock().timing)
        #expect(try await client.send(HTTPRequest(url: url)).status == 404)
    }

    @Test func everyResponseIsObserved() async throws {
        let weights = Mutex<[String]>([])
        let transport = ScriptedTransport([
            response(503, headers: ["X-MBX-USED-WEIGHT-1M": "1190"]),
            response(200, headers: ["x-mbx-used-weight-1m": "1191"]),
        ])
        let client = HTTPClient(
            transport: transport, retryPolicy: policy,
            onResponse: { response in weights.withLock { $0.append(response.headers["X-MBX-USED-WEIGHT-1M"] ?? "-") } },
            timing: VirtualClock().timing)
        _ = try await client.send(HTTPRequest(url: url))
        #expect(weights.withLock { $0 } == ["1190", "1191"])
    }

    @Test func transportFailuresAreRetriedForIdempotentRequests() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport([
            .failure(HTTPTransportError.timedOut(after: .seconds(1))), .failure(HTTPTransportError.connectionLost),
            response(200),
        ])
        let client = HTTPClient(transport: transport, retryPolicy: policy, timing: clock.timing)
        #expect(try await client.send(HTTPRequest(url: url)).status == 200)
        #expect(clock.sleeps == [.milliseconds(50), .milliseconds(100)])
    }

    @Test func aPostThatMayHaveArrivedIsNotRetried() async throws {
        let timedOut = ScriptedTransport([.failure(HTTPTransportError.timedOut(after: .seconds(1))), response(200)])
        let client = HTTPClient(transport: timedOut, retryPolicy: policy, timing: VirtualClock().timing)
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(method: .post, url: url))
        }
        #expect(
            error
                == .transport(
                    underlying: .timedOut(after: .seconds(1)), method: .post,
                    url: "https://api.binance.com/api/v3/klines", attempts: 1))
        let serverError = ScriptedTransport([response(503), response(200)])
        let again = HTTPClient(transport: serverError, retryPolicy: policy, timing: VirtualClock().timing)
        await #expect(throws: HTTPClientError.self) { try await again.send(HTTPRequest(method: .post, url: url)) }

        // A refused connection or a 429 never reached the order book: safe to retry.
        let refused = ScriptedTransport([
            .failure(HTTPTransportError.cannotConnect(host: "api.binance.com", port: nil)), response(429),
            response(200),
        ])
        let retried = HTTPClient(transport: refused, retryPolicy: policy, timing: VirtualClock().timing)
        #expect(try await retried.send(HTTPRequest(method: .post, url: url)).status == 200)
    }

    @Test func foreignErrorsAreRedacted() async throws {
        struct Leaky: Error, CustomStringConvertible {
            let url: URL
            var description: String { "failed to load \(url.absoluteString)" }
        }
        let signed = URL(string: "https://api.binance.com/api/v3/order?symbol=BTCUSDT&signature=deadbeefcafe")!
        let client = HTTPClient(
            transport: ScriptedTransport([.failure(Leaky(url: signed))]), retryPolicy: policy,
            timing: VirtualClock().timing)
        let error = await #expect(throws: HTTPClientError.self) { try await client.send(HTTPRequest(url: signed)) }
        let text = try #require(error).description
        #expect(!text.contains("deadbeefcafe"))
        #expect(text.contains("failed to load https://api.binance.com/api/v3/order"))
    }

    @Test func deadlineStopsRetriesAndShortensAttempts() async throws {
        let clock = VirtualClock()
        var policy = policy
        policy.baseDelay = .seconds(1)
        policy.maxDelay = .seconds(60)
        policy.jitter = .none
        policy.deadline = .seconds(10)
        let transport = ScriptedTransport(
            [response(503), response(503), response(503), response(200)], clock: clock, latency: .seconds(4))
        let client = HTTPClient(transport: transport, retryPolicy: policy, timing: clock.timing)
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(url: url, timeout: .seconds(30)))
        }
        // t=0 attempt (4 s), wait 1 s, t=5 attempt (4 s); the next 2 s wait would end at 11 s > 10 s.
        #expect(
            error
                == .deadlineExceeded(
                    deadline: .seconds(10), method: .get, url: "https://api.binance.com/api/v3/klines", attempts: 2,
                    lastFailure: "answered 503"))
        #expect(transport.requests.map(\.timeout) == [.seconds(10), .seconds(5)])
        #expect(clock.sleeps == [.seconds(1)])
    }

    @Test func cancellationStopsTheRetries() async throws {
        let entered = AsyncStream<Void>.makeStream()
        struct Hanging: HTTPTransport {
            let entered: AsyncStream<Void>.Continuation
            func send(_ request: HTTPRequest) async throws -> HTTPResponse {
                entered.yield()
                try await Task.sleep(for: .seconds(600))
                return HTTPResponse(status: 200)
            }
        }
        let client = HTTPClient(
            transport: Hanging(entered: entered.continuation), retryPolicy: policy, timing: VirtualClock().timing)
        let url = url
        let task = Task { try await client.send(HTTPRequest(url: url)) }
        for await _ in entered.stream { break }
        task.cancel()
        let result = await task.result
        #expect(
            throws: HTTPClientError.cancelled(method: .get, url: "https://api.binance.com/api/v3/klines", attempts: 1)
        ) {
            try result.get()
        }

        let sleeping = HTTPClient(
            transport: ScriptedTransport([response(503), response(200)]), retryPolicy: policy,
            timing: RetryTiming(
                now: { .zero }, sleep: { _ in throw CancellationError() }, random: { 0 }, currentDate: { Date.now }))
        await #expect(
            throws: HTTPClientError.cancelled(method: .get, url: "https://api.binance.com/api/v3/klines", attempts: 1)
        ) {
            try await sleeping.send(HTTPRequest(url: url))
        }
    }
}
