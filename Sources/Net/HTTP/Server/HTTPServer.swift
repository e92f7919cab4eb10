import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server for loopback use: the metrics endpoint and the exchange simulator.
///
/// ```swift
/// var router = HTTPRouter()
/// router.add(.get, "/metrics") { _ in HTTPResponse(status: 200, body: Data(text.utf8)) }
/// let server = try HTTPServer.start(router: router)
/// // … http://127.0.0.1:\(server.port)/metrics …
/// await server.stop()
/// ```
///
/// Threading: one dedicated accept thread, and one thread per connection doing blocking I/O with
/// socket timeouts; handlers run as Swift tasks that the connection thread waits for. Blocking calls
/// therefore never occupy Swift's cooperative pool (whose few threads would otherwise be pinned by slow
/// clients), and the code stays straight-line, unlike a poll(2) event loop. The cost, a thread per
/// connection, is bounded by ``HTTPServerConfiguration/maxConnections``; that is fine for the dozens of
/// local clients this server is for.
///
/// Call ``stop()`` before releasing the server: the threads keep it alive until then.
public final class HTTPServer: Sendable {
    /// The port the server listens on (the one chosen when the configuration asked for port 0).
    public let port: UInt16
    /// The address the server listens on.
    public let host: String
    private let configuration: HTTPServerConfiguration
    private let router: HTTPRouter
    private let state: Mutex<State>

    private struct State {
        var stopping = false
        /// The listener's descriptor while the accept thread has it open.
        var listener: Int32 = -1
        /// Open connections by id: their descriptors, so stop() can wake their blocked reads.
        var connections: [Int: Int32] = [:]
        var nextID = 0
        /// Handler tasks running, by connection id.
        var handlers: [Int: Task<Void, Never>] = [:]
        /// Set once the grace period is over: handler tasks are cancelled as they start.
        var cancelsHandlers = false
        /// Threads still running (the accept thread and one per connection).
        var threads = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private init(listener: TCPSocket, router: HTTPRouter, configuration: HTTPServerConfiguration) {
        self.port = listener.localPort
        self.host = configuration.host
        self.router = router
        self.configuration = configuration
        self.state = Mutex(State(listener: listener.descriptor, threads: 1))
    }

    /// Binds the configured address and starts serving `router`'s routes.
    public static func start(router: HTTPRouter, configuration: HTTPServerConfiguration = HTTPServerConfiguration())
        throws(SocketError) -> HTTPServer
    {
        let listener = try TCPSocket.listen(
            host: configuration.host, port: configuration.port, backlog: configuration.backlog)
        let server = HTTPServer(listener: listener, router: router, configuration: configuration)
        let owned = Owned(listener)
        let thread = Thread { server.acceptLoop(owned.take()) }
        thread.name = "HTTPServer accept :\(server.port)"
        thread.stackSize = 256 * 1024
        thread.start()
        return server
    }

    /// Stops accepting, lets requests being handled finish (their connections then close), closes idle
    /// connections, and returns when every thread has ended and every descriptor is closed. Afterwards
    /// a connection attempt to ``port`` is refused.
    ///
    /// Handlers still running after ``HTTPServerConfiguration/shutdownGracePeriod`` are cancelled; stop
    /// then waits for them to notice, so a handler that ignores cancellation delays it.
    public func stop() async {
        state.withLock { state in
            state.stopping = true
            // shutdown() rather than close(): it wakes the threads blocked in accept() and recv() while
            // they still own the descriptors, so no descriptor number can be reused under them.
            if state.listener >= 0 { _ = shutdown(state.listener, Int32(SHUT_RDWR)) }
            for descriptor in state.connections.values { _ = shutdown(descriptor, Int32(SHUT_RD)) }
        }
        let grace = configuration.shutdownGracePeriod
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.threadsEnded()
                return true
            }
            group.addTask {
                do { try await Task.sleep(for: grace) } catch { return false }
                self.cancelHandlers()
                return false
            }
            // Whichever ends first, the group still waits for the threads; the sleeper is not needed then.
            if await group.next() == true { group.cancelAll() }
        }
    }

    private func threadsEnded() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finished = state.withLock { state in
                if state.threads == 0 { return true }
                state.waiters.append(continuation)
                return false
            }
            if finished { continuation.resume() }
        }
    }

    private func cancelHandlers() {
        let running = state.withLock { state in
            state.cancelsHandlers = true
            return Array(state.handlers.values)
        }
        for task in running { task.cancel() }
    }

    private func track(_ task: Task<Void, Never>?, connection id: Int) {
        let cancel = state.withLock { state in
            state.handlers[id] = task
            return state.cancelsHandlers
        }
        if cancel { task?.cancel() }
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func acceptLoop(_ listener: TCPSocket) {
        while !isStopping {
            let client: TCPSocket
            do {
                client = try listener.accept()
            } catch {
                if isStopping { break }
                // Out of descriptors or memory: back off briefly rather than spin.
                usleep(10_000)
                continue
            }
            admit(client)
        }
        state.withLock { state in
            listener.close()
            state.listener = -1
        }
        threadEnded()
    }

    private func admit(_ client: TCPSocket) {
        let id: Int? = state.withLock { state in
            guard !state.stopping, state.connections.count < configuration.maxConnections else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.connections[id] = client.descriptor
            state.threads += 1
            return id
        }
        guard let id else {
            // Over the limit (or stopping): say so at once; the small answer fits the socket buffer.
            try? client.setTimeout(.milliseconds(200))
            var headers = HTTPHeaders()
            headers["Retry-After"] = "1"
            let busy = HTTPResponse.plain(503, "the server is at its connection limit; retry", headers: headers)
            try? client.write(busy.serialized(keepAlive: false, includeBody: true))
            client.close()
            return
        }
        let owned = Owned(client)
        let thread = Thread { [self] in
            let socket = owned.take()
            let connection = HTTPConnection(
                socket: socket, router: router, configuration: configuration, isStopping: { [self] in isStopping },
                track: { [self] task in track(task, connection: id) })
            connection.run()
            state.withLock { state in
                socket.close()
                state.connections[id] = nil
            }
            threadEnded()
        }
        thread.name = "HTTPServer connection \(id)"
        thread.stackSize = 512 * 1024
        thread.start()
    }

    private func threadEnded() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.threads -= 1
            guard state.threads == 0 else { return [] }
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// Hands a non-Sendable value to exactly one other thread.
// Safety: the creating thread never touches the value after wrapping it, and `take()` is called once,
// by the receiving thread, so the value is never used from two threads at once.
private final class Owned<Value>: @unchecked Sendable {
    private var value: Value?
    init(_ value: Value) { self.value = value }
    func take() -> Value {
        guard let value else { preconditionFailure("Owned.take() called twice") }
        self.value = nil
        return value
    }
}
