/// Why an ``HTTPTransport`` got no response. Carries no URL, header or body, so it can be logged as is;
/// `HTTPClientError` adds the method and the redacted URL.
public enum HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No complete response within the request's timeout.
    case timedOut(after: Duration)
    /// The host name did not resolve.
    case cannotResolve(host: String)
    /// The connection was refused or the host was unreachable; the request was not sent.
    case cannotConnect(host: String, port: Int?)
    /// The connection broke after the request may have been sent.
    case connectionLost
    /// TLS negotiation or certificate validation failed.
    case secureConnectionFailed(host: String)
    /// The Swift task was cancelled.
    case cancelled
    /// Something arrived that is not an HTTP response.
    case invalidResponse
    /// Any other failure; `reason` holds no request data.
    case other(reason: String)

    /// Whether trying again may succeed (timeouts and connection failures).
    public var isRetryable: Bool {
        switch self {
        case .timedOut, .cannotConnect, .connectionLost, .cannotResolve: true
        case .secureConnectionFailed, .cancelled, .invalidResponse, .other: false
        }
    }

    /// Whether the request certainly never reached the server, so even a non-idempotent request
    /// (an order) can be sent again without risk of doing it twice.
    public var requestWasNotSent: Bool {
        switch self {
        case .cannotConnect, .cannotResolve: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .timedOut(let after):
            "no response within \(after.operatorText) — the server is slow or unreachable; retry later or raise the timeout"
        case .cannotResolve(let host):
            "cannot resolve host \(host) — check the URL and DNS"
        case .cannotConnect(let host, let port):
            "cannot connect to \(host)\(port.map { ":\($0)" } ?? "") — is the server running and reachable?"
        case .connectionLost:
            "the connection was lost before the response was complete"
        case .secureConnectionFailed(let host):
            "the TLS connection to \(host) failed — check the certificate and the system trust store"
        case .cancelled:
            "the request was cancelled"
        case .invalidResponse:
            "the server's answer is not a valid HTTP response"
        case .other(let reason):
            reason
        }
    }
}

extension Duration {
    /// "30 s", "0.25 s": how durations appear in operator messages.
    var operatorText: String {
        let parts = components
        if parts.attoseconds == 0 { return "\(parts.seconds) s" }
        let milliseconds = parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
        let seconds = Double(milliseconds) / 1000
        return "\(seconds) s"
    }
}
