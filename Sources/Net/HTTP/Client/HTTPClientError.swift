/// Why ``HTTPClient/send(_:)`` gave up. Holds the method and the redacted URL (no query, no user info),
/// the response's status, headers and a short body excerpt, never the request's headers or body.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with a status the caller does not accept, after `attempts` attempts.
    case status(
        code: Int, headers: HTTPHeaders, bodyExcerpt: String, method: HTTPMethod, url: String, attempts: Int,
        retryAfter: Duration?)
    /// No response arrived on the last of `attempts` attempts.
    case transport(underlying: HTTPTransportError, method: HTTPMethod, url: String, attempts: Int)
    /// The policy's deadline passed (or the next wait would pass it); `lastFailure` says what went wrong.
    case deadlineExceeded(deadline: Duration, method: HTTPMethod, url: String, attempts: Int, lastFailure: String?)
    /// The calling task was cancelled.
    case cancelled(method: HTTPMethod, url: String, attempts: Int)

    /// The HTTP status, when the failure was an unaccepted answer.
    public var status: Int? {
        if case .status(let code, _, _, _, _, _, _) = self { return code }
        return nil
    }

    public var description: String {
        switch self {
        case .status(let code, _, let excerpt, let method, let url, let attempts, let retryAfter):
            let wait = retryAfter.map { " (Retry-After \($0.operatorText))" } ?? ""
            let body = excerpt.isEmpty ? "" : ": \(excerpt)"
            return "\(method) \(url) answered \(code) after \(Self.count(attempts))\(wait)\(body)"
        case .transport(let underlying, let method, let url, let attempts):
            return "\(method) \(url) failed after \(Self.count(attempts)): \(underlying)"
        case .deadlineExceeded(let deadline, let method, let url, let attempts, let lastFailure):
            let last = lastFailure.map { "; last: \($0)" } ?? ""
            return "\(method) \(url) did not succeed within its \(deadline.operatorText) deadline "
                + "(\(Self.count(attempts))\(last)) — the server is failing or slow; retry later"
        case .cancelled(let method, let url, let attempts):
            return "\(method) \(url) was cancelled after \(Self.count(attempts))"
        }
    }

    private static func count(_ attempts: Int) -> String {
        attempts == 1 ? "1 attempt" : "\(attempts) attempts"
    }
}
