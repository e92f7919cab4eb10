#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failure of a ``TCPSocket`` operation, carrying the address involved and the system's reason.
public enum SocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host name could not be turned into an IPv4 address.
    case cannotResolve(host: String, port: UInt16, reason: String)
    /// The peer refused or the network was unreachable.
    case cannotConnect(host: String, port: UInt16, reason: String)
    /// No connection was established within `timeout`.
    case connectTimedOut(host: String, port: UInt16, timeout: Duration)
    /// A read or write did not complete within the socket's timeout.
    case timedOut(peer: String, operation: String)
    /// The connection failed while reading (for example reset by the peer).
    case readFailed(peer: String, reason: String)
    /// The connection failed while writing (for example the peer closed it).
    case writeFailed(peer: String, reason: String)
    /// The address could not be bound or listened on.
    case cannotListen(host: String, port: UInt16, reason: String)
    /// Accepting a connection on the listening socket failed.
    case acceptFailed(address: String, reason: String)
    /// A socket option could not be set.
    case optionFailed(peer: String, option: String, reason: String)
    /// The socket was used after ``TCPSocket/close()``.
    case closed(peer: String)

    public var description: String {
        switch self {
        case .cannotResolve(let host, let port, let reason):
            "cannot resolve \(host):\(port): \(reason) — use an IPv4 address such as 127.0.0.1 or 'localhost'"
        case .cannotConnect(let host, let port, let reason):
            "cannot connect to \(host):\(port): \(reason) — is the server at \(host):\(port) running?"
        case .connectTimedOut(let host, let port, let timeout):
            "cannot connect to \(host):\(port): no answer within \(timeout) — check the address and any firewall"
        case .timedOut(let peer, let operation):
            "\(operation) \(peer) timed out — the peer is not responding; retry or raise the timeout"
        case .readFailed(let peer, let reason):
            "reading from \(peer) failed: \(reason)"
        case .writeFailed(let peer, let reason):
            "writing to \(peer) failed: \(reason)"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason) — is another process using the port? Port 0 picks a free one"
        case .acceptFailed(let address, let reason):
            "accepting a connection on \(address) failed: \(reason)"
        case .optionFailed(let peer, let option, let reason):
            "setting \(option) on the socket for \(peer) failed: \(reason)"
        case .closed(let peer):
            "the socket for \(peer) is already closed (a bug in the caller: it was used after close())"
        }
    }

    /// The system's text for `code` (an `errno` value), e.g. "Connection refused".
    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
