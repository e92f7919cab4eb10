import BotNet
import Foundation
import TestSupport
import Testing

@Suite struct HTTPServerTests {
    static func router() -> HTTPRouter {
        var router = HTTPRouter()
        router.add(.get, "/hello") { _ in HTTPResponse(status: 200, body: Data("hello".utf8)) }
        router.add(.get, "/echo") { request in
            let pairs = request.queryItems.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"], body: Data(pairs.utf8))
        }
        router.add(.post, "/echo") { request in HTTPResponse(status: 201, body: request.body) }
        router.add(.post, "/form") { request in
            let pairs = request.formItems.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            return HTTPResponse(status: 200, body: Data("\(request.query)|\(pairs)".utf8))
        }
        return router
    }

    @Test func routesByMethodAndPath() async throws {
        try await withServer(Self.router()) { server in
            let ok = try await rawExchange(
                port: server.port, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(ok.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(ok.contains("Content-Length: 5\r\n"))
            #expect(ok.hasSuffix("\r\n\r\nhello"))

            let missing = try await rawExchange(
                port: server.port, "GET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(missing.hasPrefix("HTTP/1.1 404 Not Found\r\n"))

            let wrongMethod = try await rawExchange(
                port: server.port, "DELETE /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(wrongMethod.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
            #expect(wrongMethod.contains("Allow: GET\r\n"))

            let head = try await rawExchange(
                port: server.port, "HEAD /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(head.contains("Content-Length: 5\r\n"))
            #expect(head.hasSuffix("\r\n\r\n"))

            let query = try await rawExchange(
                port: server.port, "GET /echo?symbol=BTC%2FUSDT&limit=5&note=a+b&flag HTTP/1.0\r\n\r\n")
            #expect(query.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(query.contains("Connection: close\r\n"))
            #expect(query.hasSuffix("\r\n\r\nsymbol=BTC/USDT&limit=5&note=a b&flag="))

            let form = try await rawExchange(
                port: server.port,
                "POST /form?signature=ab%2B HTTP/1.1\r\nHost: a\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 24\r\nConnection: close\r\n\r\nsymbol=ETH%2FBTC&side=B+")
            #expect(form.hasSuffix("\r\n\r\nsignature=ab%2B|symbol=ETH/BTC&side=B "))
        }
    }

    @Test func fallbackAnswersUnknownPaths() async throws {
        var router = HTTPRouter { request in HTTPResponse(status: 200, body: Data("fallback \(request.path)".utf8)) }
        router.add(.get, "/known") { _ in HTTPResponse(status: 204) }
        try await withServer(router) { server in
            let other = try await rawExchange(
                port: server.port, "GET /any/where?x=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(other.hasSuffix("\r\n\r\nfallback /any/where"))
            let known = try await rawExchange(
                port: server.port, "GET /known HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            #expect(known.hasPrefix("HTTP/1.1 204 No Content\r\n"))
            #expect(!known.contains("Content-Length"))
        }
    }

    @Test func twoHundredConcurrentCurlRequests() async throws {
        try await withServer(Self.router()) { server in
            try await withTemporaryDirectory { folder in
                let script = """
                    seq 1 200 | xargs -P 200 -I{} curl -s -m 30 -o '\(folder.path)/{}.out' -w '%{http_code}\\n' \
                    'http://127.0.0.1:\(server.port)/echo?i={}'
                    """
                let result = try await offPool { try runProcess("sh", ["-c", script]) }
                let codes = result.outputText.split(separator: "\n")
                #expect(codes.count == 200)
                #expect(codes.allSatisfy { $0 == "200" }, "status codes: \(Set(codes))")
                for index in 1...200 {
                    let body = try String(contentsOf: folder.appendingPathComponent("\(index).out"), encoding: .utf8)
                    #expect(body == "i=\(index)")
                }
            }
        }
    }

    @Test func curlPostsABodyAndReusesTheConnection() async throws {
        try await withServer(Self.router()) { server in
            let payload = String(repeating: "0123456789", count: 5_000)
            let result = try await offPool {
                try runProcess(
                    "curl",
                    [
                        "-s", "-m", "20", "--data-binary", payload, "-H", "Content-Type: text/plain",
                        "http://127.0.0.1:\(server.port)/echo", "--next", "-s", "-m", "20",
                        "http://127.0.0.1:\(server.port)/hello", "-w", " %{num_connects}",
                    ])
            }
            #expect(result.status == 0)
            // The second request reused the first one's connection: zero new connects.
            #expect(result.outputText == payload + "hello 0")
        }
    }

    static let malformed: [(String, Int)] = [
        ("GARBAGE\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),  // no Host
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("GET nopath HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nBad Header: x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nno colon\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400),
        ("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400),
        ("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501),
        ("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5000000\r\n\r\n", 413),
    ]

    @Test(arguments: malformed)
    func malformedRequestsAreRejected(request: String, status: Int) async throws {
        try await withServer(Self.router()) { server in
            let answer = try await rawExchange(port: server.port, request)
            #expect(answer.hasPrefix("HTTP/1.1 \(status) "), "answer: \(answer.prefix(80))")
            #expect(answer.contains("Connection: close\r\n"))
            try await expectHealthy(server)
        }
    }

    @Test func binaryGarbageIsRejectedAndTheServerLivesOn() async throws {
        try await withServer(Self.router()) { server in
            var bytes = (0...255).map(UInt8.init) + [13, 10, 13, 10]
            bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) } + [13, 10, 13, 10]
            let answer = try await rawExchange(port: server.port, chunks: [bytes])
            #expect(answer.hasPrefix("HTTP/1.1 400 "))
            let noTerminator = try await rawExchange(
                port: server.port, chunks: [(0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 31 | 1) }],
                halfClose: true)
            #expect(noTerminator.isEmpty || noTerminator.hasPrefix("HTTP/1.1 400 "))
            try await expectHealthy(server)
        }
    }

    @Test func oversizedHeadIsAnswered431() async throws {
        try await withServer(Self.router()) { server in
            let big = "GET /hello HTTP/1.1\r\nHost: a\r\nX-Filler: \(String(repeating: "x", count: 20_000))\r\n\r\n"
            let answer = try await rawExchange(port: server.port, big)
            #expect(answer.hasPrefix("HTTP/1.1 431 "))
            let endless = [Array("GET /hello HTTP/1.1\r\nX-Filler: ".utf8), [UInt8](repeating: 0x61, count: 40_000)]
            let cut = try await rawExchange(port: server.port, chunks: endless)
            #expect(cut.hasPrefix("HTTP/1.1 431 "))
            try await expectHealthy(server)
        }
    }

    @Test func oversizedBodyIsAnswered413() async throws {
        let configuration = HTTPServerConfiguration(maxBodyBytes: 1024)
        try await withServer(Self.router(), configuration) { server in
            let body = String(repeating: "b", count: 4096)
            let answer = try await rawExchange(
                port: server.port, "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4096\r\n\r\n\(body)")
            #expect(answer.hasPrefix("HTTP/1.1 413 "))
            let viaCurl = try await offPool {
                try runProcess(
                    "curl",
                    [
                        "-s", "-m", "20", "-o", "/dev/null", "-w", "%{http_code}", "--data-binary", body,
                        "http://127.0.0.1:\(server.port)/echo",
                    ])
            }
            #expect(viaCurl.outputText == "413")
            try await expectHealthy(server)
        }
    }

    @Test func halfClosedRequestIsAnswered400() async throws {
        try await withServer(Self.router()) { server in
            let answer = try await rawExchange(
                port: server.port, chunks: [Array("GET /hello HTTP/1.1\r\nHost: a\r\n".utf8)], halfClose: true)
            #expect(answer.hasPrefix("HTTP/1.1 400 "))
            let partialBody = try await rawExchange(
                port: server.port,
                chunks: [Array("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc".utf8)],
                halfClose: true)
            #expect(partialBody.isEmpty)
            try await expectHealthy(server)
        }
    }

    @Test func silentAndSlowClientsAreTimedOut() async throws {
        let configuration = HTTPServerConfiguration(requestTimeout: .milliseconds(300), idleTimeout: .milliseconds(300))
        try await withServer(Self.router(), configuration) { server in
            let silent = try await rawExchange(port: server.port, chunks: [])
            #expect(silent.isEmpty)
            let slow = try await rawExchange(port: server.port, chunks: [Array("GET /hello HTTP/1.1\r\n".utf8)])
            #expect(slow.hasPrefix("HTTP/1.1 408 "))
            try await expectHealthy(server)
        }
    }

    @Test func requestSplitIntoSingleBytesIsServed() async throws {
        try await withServer(Self.router()) { server in
            let request = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\nConnection: close\r\n\r\nhello world"
            let answer = try await rawExchange(port: server.port, chunks: request.utf8.map { [$0] })
            #expect(answer.hasPrefix("HTTP/1.1 201 Created\r\n"))
            #expect(answer.hasSuffix("\r\n\r\nhello world"))
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer(Self.router()) { server in
            let requests =
                "GET /echo?n=1 HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\ntwo"
                + "\r\nGET /echo?n=3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"
            let answer = try await rawExchange(port: server.port, requests)
            let statuses = answer.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
            #expect(statuses == ["200", "201", "200"])
            #expect(answer.contains("\r\n\r\nn=1HTTP/1.1 201"))
            #expect(answer.contains("\r\n\r\ntwoHTTP/1.1 200"))
            #expect(answer.hasSuffix("Connection: close\r\n\r\nn=3"))
        }
    }

    @Test func http10ClientsMayAskForKeepAlive() async throws {
        try await withServer(Self.router()) { server in
            let answer = try await rawExchange(
                port: server.port,
                "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET http://127.0.0.1/echo?v=2 HTTP/1.0\r\n\r\n")
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(answer.contains("Connection: keep-alive\r\n\r\nhelloHTTP/1.1 200 OK\r\n"))
            #expect(answer.hasSuffix("Connection: close\r\n\r\nv=2"))
        }
    }

    @Test func mutatedRequestsNeverBreakTheServer() async throws {
        try await withServer(Self.router()) { server in
            let valid = Array(
                "POST /echo?a=%41&b=2 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello".utf8)
            var generator = SeededGenerator(seed: 0x5eed)
            for _ in 0..<60 {
                var bytes = valid
                for _ in 0...(generator.next() % 4) {
                    let position = Int(generator.next() % UInt64(bytes.count))
                    switch generator.next() % 3 {
                    case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                    case 1: bytes.remove(at: position)
                    default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
                    }
                }
                let answer = try await rawExchange(port: server.port, chunks: [bytes], halfClose: true)
                #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 "), "answer: \(answer.prefix(60))")
            }
            try await expectHealthy(server)
        }
    }

    @Test func keepAliveEndsAfterTheRequestLimit() async throws {
        let configuration = HTTPServerConfiguration(maxRequestsPerConnection: 2)
        try await withServer(Self.router(), configuration) { server in
            let one = "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
            let answer = try await rawExchange(port: server.port, one + one + one)
            #expect(answer.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
            #expect(answer.hasSuffix("Connection: close\r\n\r\nhello"))
        }
    }

    @Test func connectionsBeyondTheLimitAreAnswered503() async throws {
        let configuration = HTTPServerConfiguration(maxConnections: 1)
        try await withServer(Self.router(), configuration) { server in
            let port = server.port
            let answer = try await offPool {
                let holder = try TCPSocket.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
                defer { holder.close() }
                // A full request on the first connection proves it has been admitted before the second.
                try holder.write(Array("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
                _ = try holder.read(maxLength: 4096)
                return try readAll(port: port, chunks: [Array("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".utf8)])
            }
            #expect(answer.hasPrefix("HTTP/1.1 503 "))
            #expect(answer.contains("Retry-After: 1\r\n"))
        }
    }

    @Test func stopWaitsForTheHandlerAndThenRefusesConnections() async throws {
        let (release, releaser) = AsyncStream<Void>.makeStream()
        let (entered, enteredSignal) = AsyncStream<Void>.makeStream()
        var router = HTTPRouter()
        router.add(.get, "/slow") { _ in
            enteredSignal.yield()
            for await _ in release { break }
            return HTTPResponse(status: 200, body: Data("finished".utf8))
        }
        let server = try HTTPServer.start(router: router)
        let port = server.port
        async let slowAnswer = rawExchange(port: port, "GET /slow HTTP/1.1\r\nHost: a\r\n\r\n")
        for await _ in entered { break }
        async let stopped: Void = server.stop()
        // Release the handler only once stop() has begun (the listener refuses connections); otherwise the
        // answer may legitimately be sent before the server knows it is stopping, with keep-alive.
        for _ in 0..<2_000 {
            let connected: Void? = try? await offPool {
                try TCPSocket.connect(host: "127.0.0.1", port: port, timeout: .seconds(2)).close()
            }
            if connected == nil { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        releaser.finish()
        await stopped
        // The in-flight request was finished, with the connection closed after it.
        let answer = try await slowAnswer
        #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(answer.contains("Connection: close\r\n"))
        #expect(answer.hasSuffix("finished"))
        let error = await #expect(throws: SocketError.self) {
            try await offPool { try TCPSocket.connect(host: "127.0.0.1", port: port, timeout: .seconds(2)).close() }
        }
        #expect(error == .cannotConnect(host: "127.0.0.1", port: port, reason: "Connection refused"))
    }

    @Test func stopCancelsHandlersAfterTheGracePeriod() async throws {
        let (entered, enteredSignal) = AsyncStream<Void>.makeStream()
        var router = HTTPRouter()
        router.add(.get, "/forever") { _ in
            enteredSignal.yield()
            let outcome: String
            do {
                try await Task.sleep(for: .seconds(600))
                outcome = "slept"
            } catch {
                outcome = "cancelled"
            }
            return HTTPResponse(status: 503, body: Data(outcome.utf8))
        }
        let server = try HTTPServer.start(
            router: router, configuration: HTTPServerConfiguration(shutdownGracePeriod: .milliseconds(100)))
        async let answer = rawExchange(port: server.port, "GET /forever HTTP/1.1\r\nHost: a\r\n\r\n")
        for await _ in entered { break }
        await server.stop()
        let text = try await answer
        #expect(text.hasPrefix("HTTP/1.1 503 "))
        #expect(text.hasSuffix("\r\n\r\ncancelled"))
    }

    @Test func stopClosesIdleKeepAliveConnections() async throws {
        let server = try HTTPServer.start(router: Self.router())
        let port = server.port
        let owned = try await offPool { () -> UncheckedBox<TCPSocket> in
            let socket = try TCPSocket.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
            try socket.write(Array("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
            _ = try socket.read(maxLength: 4096)
            return UncheckedBox(socket)
        }
        await server.stop()
        let rest = try await offPool { try owned.value.read(maxLength: 4096) }
        #expect(rest.isEmpty)
        owned.value.close()
    }
}

// MARK: Helpers shared by the BotNet loopback tests

/// Starts a server, runs `body`, and always stops the server afterwards.
func withServer(
    _ router: HTTPRouter, _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
    _ body: (HTTPServer) async throws -> Void
) async throws {
    let server = try HTTPServer.start(router: router, configuration: configuration)
    do {
        try await body(server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Runs blocking work on its own thread, so test clients never block Swift's cooperative pool that the
/// server's handlers need.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Sends `text` in one write and returns everything the server sends until it closes.
func rawExchange(port: UInt16, _ text: String) async throws -> String {
    try await rawExchange(port: port, chunks: [Array(text.utf8)])
}

/// Sends each chunk as its own write, optionally half-closes, and returns everything the server sends
/// until it closes the connection (or 10 s pass).
func rawExchange(port: UInt16, chunks: [[UInt8]], halfClose: Bool = false) async throws -> String {
    try await offPool { try readAll(port: port, chunks: chunks, halfClose: halfClose) }
}

func readAll(port: UInt16, chunks: [[UInt8]], halfClose: Bool = false) throws -> String {
    let socket = try TCPSocket.connect(host: "127.0.0.1", port: port, timeout: .seconds(10))
    defer { socket.close() }
    for chunk in chunks { try socket.write(chunk) }
    if halfClose { socket.shutdownWriting() }
    var received: [UInt8] = []
    while true {
        let bytes: [UInt8]
        do {
            bytes = try socket.read(maxLength: 65_536)
        } catch .readFailed {
            break  // a reset after the answer still leaves the answer
        }
        if bytes.isEmpty { break }
        received += bytes
    }
    return String(decoding: received, as: UTF8.self)
}

/// Checks that the server still answers an ordinary request.
func expectHealthy(_ server: HTTPServer) async throws {
    let answer = try await rawExchange(port: server.port, "GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
    #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
}


// Safety: used only to move a socket between the test task and one helper thread, one at a time.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
