import BotNet
import Foundation
import Synchronization
import Testing

/// URLSessionTransport and HTTPClient against our own HTTPServer on 127.0.0.1.
@Suite(.timeLimit(.minutes(1))) struct HTTPClientLoopbackTests {
    static let instant = RetryTiming(now: { .zero }, sleep: { _ in }, random: { 0.5 }, currentDate: { Date.now })

    static func router(flaky: Counter, release: AsyncStream<Void>) -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.get, "/ok") { request in
            HTTPResponse(
                status: 200, headers: ["X-MBX-USED-WEIGHT-1M": "42", "Content-Type": "application/json"],
                body: Data("{\"q\":\"\(request.queryValue("symbol") ?? "")\"}".utf8))
        }
        router.add(.post, "/echo") { request in
            HTTPResponse(status: 200, body: Data("\(request.headers["Content-Type"] ?? "-") ".utf8) + request.body)
        }
        router.add(.get, "/flaky") { _ in
            let calls = flaky.value.withLock { count -> Int in
                count += 1
                return count
            }
            return calls == 1 ? HTTPResponse(status: 503, body: Data("warming up".utf8)) : HTTPResponse(status: 200)
        }
        router.add(.get, "/slow") { _ in
            for await _ in release { break }
            return HTTPResponse(status: 200)
        }
        router.add(.get, "/moved") { _ in
            HTTPResponse(status: 302, headers: ["Location": "http://127.0.0.1:1/elsewhere"])
        }
        return router
    }

    /// Runs `body` with a started server and a client over URLSessionTransport; releases slow handlers
    /// before stopping the server.
    func withLoopback(
        retryPolicy: RetryPolicy = RetryPolicy(maxAttempts: 3, deadline: nil),
        _ body: (HTTPClient, String, Counter) async throws -> Void
    ) async throws {
        let flaky = Counter()
        let (release, releaser) = AsyncStream<Void>.makeStream()
        try await withServer(Self.router(flaky: flaky, release: release)) { server in
            let client = HTTPClient(
                transport: URLSessionTransport(defaultTimeout: .seconds(20)), retryPolicy: retryPolicy,
                timing: Self.instant)
            do {
                try await body(client, "http://127.0.0.1:\(server.port)", flaky)
            } catch {
                releaser.finish()
                throw error
            }
            releaser.finish()
        }
    }

    @Test func okResponseCarriesBodyAndHeaders() async throws {
        try await withLoopback { client, base, _ in
            let seen = Mutex<String?>(nil)
            var client = client
            client.onResponse = { response in seen.withLock { $0 = response.headers["x-mbx-used-weight-1m"] } }
            let answer = try await client.send(HTTPRequest(url: URL(string: "\(base)/ok?symbol=BTC%2FUSDT")!))
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == "{\"q\":\"BTC/USDT\"}")
            #expect(answer.headers["Content-Type"] == "application/json")
            #expect(seen.withLock { $0 } == "42")
        }
    }

    @Test func postBodyArrives() async throws {
        try await withLoopback { client, base, _ in
            let body = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
            let answer = try await client.send(
                HTTPRequest(
                    method: .post, url: URL(string: "\(base)/echo")!,
                    headers: ["Content-Type": "application/octet-stream"],
                    body: body))
            #expect(answer.body == Data("application/octet-stream ".utf8) + body)
        }
    }

    @Test func notFoundIsAStatusError() async throws {
        try await withLoopback { client, base, _ in
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: URL(string: "\(base)/missing?signature=abc123")!))
            }
            #expect(error?.status == 404)
            #expect(error?.description == "GET \(base)/missing answered 404 after 1 attempt: no route for /missing ")
        }
    }

    @Test func serviceUnavailableIsRetriedUntilOK() async throws {
        try await withLoopback { client, base, flaky in
            let answer = try await client.send(HTTPRequest(url: URL(string: "\(base)/flaky")!))
            #expect(answer.status == 200)
            #expect(flaky.value.withLock { $0 } == 2)
        }
    }

    @Test func slowHandlerTimesOut() async throws {
        try await withLoopback(retryPolicy: .never) { client, base, _ in
            let started = ContinuousClock.now
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: URL(string: "\(base)/slow")!, timeout: .milliseconds(300)))
            }
            // URLSession on Linux once turned a sub-second timeout into an immediate one.
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(
                error
                    == .transport(
                        underlying: .timedOut(after: .milliseconds(300)), method: .get, url: "\(base)/slow", attempts: 1
                    ))
        }
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        try await withLoopback(retryPolicy: .never) { client, base, _ in
            let url = URL(string: "\(base)/slow")!
            let task = Task { try await client.send(HTTPRequest(url: url, timeout: .seconds(50))) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            // Without cancellation reaching the URLSessionTask this would wait for the 50 s timeout.
            let result = await task.result
            #expect(throws: HTTPClientError.cancelled(method: .get, url: "\(base)/slow", attempts: 1)) {
                try result.get()
            }
        }
    }

    @Test func redirectsAreReturnedNotFollowed() async throws {
        try await withLoopback { client, base, _ in
            var client = client
            client.acceptedStatuses = [302]
            let answer = try await client.send(HTTPRequest(url: URL(string: "\(base)/moved")!))
            #expect(answer.status == 302)
            #expect(answer.headers["Location"] == "http://127.0.0.1:1/elsewhere")
        }
    }

    @Test func refusedConnectionIsATransportError() async throws {
        let listener = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 1)
        let port = listener.localPort
        listener.close()
        let client = HTTPClient(transport: URLSessionTransport(), retryPolicy: .never, timing: Self.instant)
        let error = await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)/x?apiKey=secret")!))
        }
        #expect(
            error
                == .transport(
                    underlying: .cannotConnect(host: "127.0.0.1", port: Int(port)), method: .get,
                    url: "http://127.0.0.1:\(port)/x", attempts: 1))
    }
}

final class Counter: Sendable {
    let value = Mutex(0)
}
