#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking IPv4 TCP socket: connect or listen, then read and write whole byte arrays.
///
/// Not `Sendable`: one task or thread owns a socket at a time. Calls block the calling thread, so
/// use it from a dedicated thread or a short-lived tool, not from many tasks on Swift's cooperative
/// pool. Reads and writes honour the timeout set with ``setTimeout(_:)``; the descriptor is closed
/// by ``close()`` or, at the latest, when the object is released.
public final class TCPSocket {
    /// The descriptor, or -1 once closed.
    private(set) var descriptor: Int32
    /// "host:port" of the other end (or of the local address for a listener), for error messages.
    public let peer: String

    private init(descriptor: Int32, peer: String) {
        self.descriptor = descriptor
        self.peer = peer
    }

    deinit { close() }

    // MARK: Client

    /// Connects to `host` (an IPv4 address or a name such as "localhost") within `timeout`.
    ///
    /// The same `timeout` then applies to each read and write until ``setTimeout(_:)`` changes it.
    public static func connect(host: String, port: UInt16, timeout: Duration) throws(SocketError) -> TCPSocket {
        let addresses = try resolve(host: host, port: port)
        var lastError = SocketError.cannotConnect(host: host, port: port, reason: "no address")
        for address in addresses {
            do {
                let socket = try connect(to: address, host: host, port: port, timeout: timeout)
                try socket.setTimeout(timeout)
                return socket
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    private static func connect(
        to address: sockaddr_in, host: String, port: UInt16, timeout: Duration
    ) throws(SocketError) -> TCPSocket {
        let descriptor = makeDescriptor()
        guard descriptor >= 0 else {
            throw .cannotConnect(host: host, port: port, reason: SocketError.reason(errno))
        }
        let socket = TCPSocket(descriptor: descriptor, peer: "\(host):\(port)")
        // Non-blocking connect + poll is the only portable way to bound the connect time; the socket
        // goes back to blocking mode afterwards so reads and writes use SO_RCVTIMEO/SO_SNDTIMEO.
        let flags = fcntl(descriptor, F_GETFL, 0)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        var target = address
        let result = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let code = errno
            guard code == EINPROGRESS || code == EINTR else {
                throw .cannotConnect(host: host, port: port, reason: SocketError.reason(code))
            }
            let ready = waitUntil(descriptor: descriptor, events: Int16(POLLOUT), timeout: timeout)
            guard ready > 0 else {
                if ready == 0 { throw .connectTimedOut(host: host, port: port, timeout: timeout) }
                throw .cannotConnect(host: host, port: port, reason: SocketError.reason(errno))
            }
            var pending: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &pending, &length) == 0 else {
                throw .cannotConnect(host: host, port: port, reason: SocketError.reason(errno))
            }
            if pending != 0 {
                throw .cannotConnect(host: host, port: port, reason: SocketError.reason(pending))
            }
        }
        _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
        return socket
    }

    /// Polls one descriptor, retrying on EINTR with the remaining time. Returns poll's result.
    private static func waitUntil(descriptor: Int32, events: Int16, timeout: Duration) -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let remaining = clock.now.duration(to: deadline)
            let milliseconds = max(0, min(Int64(Int32.max), remaining.milliseconds))
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let result = poll(&entry, 1, Int32(milliseconds))
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }

    private static func resolve(host: String, port: UInt16) throws(SocketError) -> [sockaddr_in] {
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = socketStreamType
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let reason = status == EAI_SYSTEM ? SocketError.reason(errno) : String(cString: gai_strerror(status))
            throw .cannotResolve(host: host, port: port, reason: reason)
        }
        defer { freeaddrinfo(first) }
        var addresses: [sockaddr_in] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if entry.pointee.ai_family == AF_INET, let address = entry.pointee.ai_addr {
                addresses.append(address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee })
            }
            cursor = entry.pointee.ai_next
        }
        guard !addresses.isEmpty else {
            throw .cannotResolve(host: host, port: port, reason: "no IPv4 address")
        }
        return addresses
    }

    // MARK: Reading and writing

    /// Sets the receive and send timeouts (SO_RCVTIMEO, SO_SNDTIMEO) used by every later read and write.
    ///
    /// Durations below one millisecond are raised to one millisecond, because zero means "wait forever"
    /// to the kernel.
    public func setTimeout(_ timeout: Duration) throws(SocketError) {
        try setTimeout(timeout, option: SO_RCVTIMEO, name: "SO_RCVTIMEO")
        try setTimeout(timeout, option: SO_SNDTIMEO, name: "SO_SNDTIMEO")
    }

    /// Sets only the receive timeout; the server changes it per read to enforce a whole-request deadline.
    func setReceiveTimeout(_ timeout: Duration) throws(SocketError) {
        try setTimeout(timeout, option: SO_RCVTIMEO, name: "SO_RCVTIMEO")
    }

    private func setTimeout(_ timeout: Duration, option: Int32, name: String) throws(SocketError) {
        guard descriptor >= 0 else { throw .closed(peer: peer) }
        let bounded = max(timeout, .milliseconds(1))
        let parts = bounded.components
        var value = timeval(
            tv_sec: Int(clamping: parts.seconds),
            tv_usec: Int(parts.attoseconds / 1_000_000_000_000))
        guard setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size)) == 0 else {
            throw .optionFailed(peer: peer, option: name, reason: SocketError.reason(errno))
        }
    }

    /// Writes every byte, retrying after interrupts and partial writes.
    ///
    /// Never raises SIGPIPE: a peer that has gone away is reported as ``SocketError/writeFailed(peer:reason:)``.
    public func write(_ bytes: [UInt8]) throws(SocketError) {
        guard descriptor >= 0 else { throw .closed(peer: peer) }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                send(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset, noSignalFlag)
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { throw .timedOut(peer: peer, operation: "writing to") }
            throw .writeFailed(peer: peer, reason: SocketError.reason(code))
        }
    }

    /// Reads what has arrived, up to `maxLength` bytes, waiting at most the receive timeout.
    ///
    /// Returns an empty array when the peer has closed its side; throws ``SocketError/timedOut(peer:operation:)``
    /// when nothing arrived in time.
    public func read(maxLength: Int) throws(SocketError) -> [UInt8] {
        guard descriptor >= 0 else { throw .closed(peer: peer) }
        let capacity = max(1, maxLength)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            while true {
                let received = recv(descriptor, buffer.baseAddress, capacity, 0)
                if received >= 0 {
                    count = received
                    return
                }
                if errno == EINTR { continue }
                failure = errno
                count = 0
                return
            }
        }
        if failure == 0 { return bytes }
        if failure == EAGAIN || failure == EWOULDBLOCK { throw .timedOut(peer: peer, operation: "reading from") }
        throw .readFailed(peer: peer, reason: SocketError.reason(failure))
    }

    /// Closes the descriptor. Safe to call more than once.
    public func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }

    // MARK: Server

    /// Binds `host:port` (port 0 picks a free port, see ``localPort``) with SO_REUSEADDR and listens.
    public static func listen(host: String, port: UInt16, backlog: Int32) throws(SocketError) -> TCPSocket {
        guard let address = try resolve(host: host, port: port).first else {
            throw .cannotResolve(host: host, port: port, reason: "no IPv4 address")
        }
        let descriptor = makeDescriptor()
        guard descriptor >= 0 else { throw .cannotListen(host: host, port: port, reason: SocketError.reason(errno)) }
        let socket = TCPSocket(descriptor: descriptor, peer: "\(host):\(port)")
        var yes: Int32 = 1
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw .cannotListen(host: host, port: port, reason: "SO_REUSEADDR: " + SocketError.reason(errno))
        }
        var target = address
        let bound = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw .cannotListen(host: host, port: port, reason: SocketError.reason(errno)) }
        guard Glibc.listen(descriptor, backlog) == 0 else {
            throw .cannotListen(host: host, port: port, reason: SocketError.reason(errno))
        }
        return socket
    }

    /// The local port the socket is bound to (the chosen port when listening on port 0), or 0 once closed.
    public var localPort: UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return 0 }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Waits for the next incoming connection and returns it, in blocking mode with no timeout set.
    public func accept() throws(SocketError) -> TCPSocket {
        guard descriptor >= 0 else { throw .closed(peer: peer) }
        while true {
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let client = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.accept(descriptor, $0, &length)
                }
            }
            if client >= 0 {
                // accept4(SOCK_CLOEXEC) is not visible to Swift without _GNU_SOURCE; a child process
                // spawned in between could inherit this descriptor, which only delays its close.
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                return TCPSocket(descriptor: client, peer: Self.describe(address))
            }
            let code = errno
            // A connection that died while queued is the client's problem, not the listener's.
            if code == EINTR || code == ECONNABORTED || code == EPROTO { continue }
            throw .acceptFailed(address: peer, reason: SocketError.reason(code))
        }
    }

    /// Waits until the socket is readable (a connection to accept or bytes to read) for at most `timeout`;
    /// returns false on timeout. `nil` waits without limit.
    func waitUntilReadable(timeout: Duration?) -> Bool {
        guard descriptor >= 0 else { return false }
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let result = poll(&entry, 1, timeout.map { Int32(clamping: max(0, $0.milliseconds)) } ?? -1)
            if result < 0 && errno == EINTR { continue }
            return result > 0
        }
    }

    /// Shuts down the reading side so a thread blocked in ``read(maxLength:)`` wakes up with end of file.
    /// Unlike `close`, this is safe while another thread is using the descriptor.
    func shutdownReading() {
        guard descriptor >= 0 else { return }
        _ = shutdown(descriptor, Int32(SHUT_RD))
    }

    /// Shuts down the writing side (a half close): the peer reads end of file after what was already
    /// written, while this side can still read its answer.
    public func shutdownWriting() {
        guard descriptor >= 0 else { return }
        _ = shutdown(descriptor, Int32(SHUT_WR))
    }

    private static func describe(_ address: sockaddr_in) -> String {
        let host = UInt32(bigEndian: address.sin_addr.s_addr)
        let octets = [host >> 24, (host >> 16) & 0xff, (host >> 8) & 0xff, host & 0xff]
        return octets.map(String.init).joined(separator: ".") + ":\(UInt16(bigEndian: address.sin_port))"
    }

    private static func makeDescriptor() -> Int32 {
        socket(AF_INET, socketStreamType | closeOnExecFlag, 0)
    }
}

#if canImport(Glibc)
    private let socketStreamType = Int32(SOCK_STREAM.rawValue)
    private let closeOnExecFlag = Int32(SOCK_CLOEXEC.rawValue)
    private let noSignalFlag = Int32(MSG_NOSIGNAL)
#endif

extension Duration {
    /// Whole milliseconds, rounded up so a short positive wait never becomes zero.
    var milliseconds: Int64 {
        let parts = components
        let fraction = (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return parts.seconds &* 1000 &+ fraction
    }
}
