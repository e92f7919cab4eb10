import Dispatch
import Foundation
import Synchronization

/// Serves the requests of one client connection, on the connection's own thread, with blocking reads
/// and writes bounded by socket timeouts.
final class HTTPConnection {
    private let socket: TCPSocket
    private let router: HTTPRouter
    private let configuration: HTTPServerConfiguration
    private let isStopping: @Sendable () -> Bool
    /// Tells the server which handler task is running (nil when none), so stop() can cancel it.
    private let track: @Sendable (Task<Void, Never>?) -> Void
    /// Bytes received and not yet consumed: the current request and any pipelined ones after it.
    private var buffer: [UInt8] = []
    /// How far `buffer` has been searched for the end of the head, so tiny writes cost linear time.
    private var scanned = 0
    private let clock = ContinuousClock()

    init(
        socket: TCPSocket, router: HTTPRouter, configuration: HTTPServerConfiguration,
        isStopping: @escaping @Sendable () -> Bool, track: @escaping @Sendable (Task<Void, Never>?) -> Void
    ) {
        self.track = track
        self.socket = socket
        self.router = router
        self.configuration = configuration
        self.isStopping = isStopping
    }

    private enum Received { case data, closed, timedOut, failed }

    /// Serves requests until the client closes, a limit is hit, an error occurs or the server stops.
    /// Leaves the socket open; the server closes it.
    func run() {
        do { try socket.setTimeout(configuration.writeTimeout) } catch { return }
        var served = 0
        while true {
            guard let (head, bodyStart) = readHead() else { return }
            guard head.contentLength <= configuration.maxBodyBytes else {
                reject(413, "the request body exceeds \(configuration.maxBodyBytes) bytes")
                return
            }
            if head.expectsContinue && buffer.count - bodyStart < head.contentLength {
                guard write(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
            }
            guard let body = readBody(from: bodyStart, length: head.contentLength) else { return }
            served += 1

            let request = HTTPServerRequest(
                method: head.method, path: head.path, query: head.query,
                headers: head.headers, body: body, remoteAddress: socket.peer, version: head.version)
            let response = respond(to: request)
            let keepAlive = head.keepAlive && served < configuration.maxRequestsPerConnection && !isStopping()
            let bytes = response.serialized(keepAlive: keepAlive, includeBody: head.method != .head)
            guard write(bytes) else { return }
            guard keepAlive else {
                closeGracefully()
                return
            }
        }
    }

    /// Reads until a whole head is buffered and parses it; answers and returns nil when the client is
    /// gone, too slow, or sent something unacceptable. Returns the head and where its body starts.
    private func readHead() -> (HTTPRequestHead, Int)? {
        var started = false
        // Until the first byte the connection is idle; from then on the whole request has to arrive in time.
        var deadline = clock.now.advanced(by: configuration.idleTimeout)
        while true {
            // Empty lines before a request line are to be ignored (RFC 9112 §2.2).
            if !started, let first = buffer.firstIndex(where: { $0 != 0x0d && $0 != 0x0a }) {
                if first > 0 {
                    buffer.removeSubrange(0..<first)
                    scanned = 0
                }
                started = true
                deadline = clock.now.advanced(by: configuration.requestTimeout)
            }
            if started, let (headEnd, bodyStart) = findHeadEnd() {
                guard headEnd <= configuration.maxHeaderBytes else {
                    reject(431, "the request head exceeds \(configuration.maxHeaderBytes) bytes")
                    return nil
                }
                switch HTTPRequestHead.parse(buffer[0..<headEnd]) {
                case .success(let head): return (head, bodyStart)
                case .failure(let rejection):
                    reject(rejection.status, rejection.reason)
                    return nil
                }
            }
            if buffer.count > configuration.maxHeaderBytes {
                reject(431, "the request head exceeds \(configuration.maxHeaderBytes) bytes")
                return nil
            }
            switch receive(until: deadline) {
            case .data: continue
            case .timedOut:
                if started { reject(408, "the request did not arrive in time") }
                return nil
            case .closed:
                // A client that half-closed mid-request may still read the answer.
                if started { reject(400, "the connection was closed before the request was complete") }
                return nil
            case .failed: return nil
            }
        }
    }

    /// The end of the head (after the last header line's LF) and the start of the body, if buffered.
    private func findHeadEnd() -> (Int, Int)? {
        var index = max(0, scanned - 2)
        let count = buffer.count
        while index < count {
            if buffer[index] == 0x0a {
                if index + 1 < count, buffer[index + 1] == 0x0a { return (index + 1, index + 2) }
                if index + 2 < count, buffer[index + 1] == 0x0d, buffer[index + 2] == 0x0a {
                    return (index + 1, index + 3)
                }
            }
            index += 1
        }
        scanned = count
        return nil
    }

    private func readBody(from start: Int, length: Int) -> Data? {
        let deadline = clock.now.advanced(by: configuration.requestTimeout)
        while buffer.count - start < length {
            switch receive(until: deadline) {
            case .data: continue
            case .timedOut:
                reject(408, "the request body did not arrive in time")
                return nil
            case .closed, .failed: return nil
            }
        }
        let body = Data(buffer[start..<(start + length)])
        buffer.removeSubrange(0..<(start + length))
        scanned = 0
        return body
    }

    private func receive(until deadline: ContinuousClock.Instant) -> Received {
        let remaining = clock.now.duration(to: deadline)
        guard remaining > .zero else { return .timedOut }
        do {
            try socket.setReceiveTimeout(remaining)
            let bytes = try socket.read(maxLength: 16 * 1024)
            if bytes.isEmpty { return .closed }
            buffer.append(contentsOf: bytes)
            return .data
        } catch .timedOut {
            return .timedOut
        } catch {
            return .failed
        }
    }

    /// Runs the route's handler. The handler is async and this thread is not part of Swift's pool, so
    /// it starts a task and blocks this (dedicated) thread until the task delivers the response.
    private func respond(to request: HTTPServerRequest) -> HTTPResponse {
        let handler: HTTPRouter.Handler
        switch router.resolve(method: request.method, path: request.path) {
        case .handler(let found): handler = found
        case .notFound: return .plain(404, "no route for \(request.path)")
        case .methodNotAllowed(let allowed):
            let list = allowed.map(\.rawValue).joined(separator: ", ")
            return .plain(405, "\(request.method) is not allowed on \(request.path)", headers: ["Allow": list])
        }
        let slot = Mutex<HTTPResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        // An unstructured task is the bridge from this blocking thread into async code; the thread waits
        // for it, so the task never outlives the connection and stop() waits for it. It prefers the
        // handler executor so a saturated cooperative pool cannot starve the server.
        let task = Task(executorPreference: HandlerExecutor.shared) {
            let response = await handler(request)
            slot.withLock { $0 = response }
            done.signal()
        }
        track(task)
        done.wait()
        track(nil)
        return slot.withLock { $0 } ?? .plain(500, "the handler produced no response")
    }

    /// Answers with an error status and closes: after a bad request the byte stream cannot be trusted.
    private func reject(_ status: Int, _ reason: String) {
        let response = HTTPResponse.plain(status, reason)
        if write(response.serialized(keepAlive: false, includeBody: true)) { closeGracefully() }
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        do {
            try socket.write(bytes)
            return true
        } catch {
            return false
        }
    }

    /// Half-closes and drains what the client still sends (briefly), so the client reads the response
    /// instead of a reset caused by unread request bytes.
    private func closeGracefully() {
        socket.shutdownWriting()
        let deadline = clock.now.advanced(by: .seconds(1))
        var drained = 0
        while drained < 4 * 1024 * 1024 {
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else { return }
            do {
                try socket.setReceiveTimeout(remaining)
                let bytes = try socket.read(maxLength: 64 * 1024)
                if bytes.isEmpty { return }
                drained += bytes.count
            } catch {
                return
            }
        }
    }
}
