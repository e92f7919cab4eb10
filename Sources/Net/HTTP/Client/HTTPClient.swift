import Foundation

/// Sends requests through any ``HTTPTransport``, retrying per a ``RetryPolicy`` and turning unwanted
/// answers into a typed ``HTTPClientError``.
///
/// ```swift
/// let client = HTTPClient(transport: URLSessionTransport(), onResponse: { response in
///     weight.record(response.headers["X-MBX-USED-WEIGHT-1M"])
/// })
/// let response = try await client.send(HTTPRequest(url: klinesURL))
/// ```
public struct HTTPClient: Sendable {
    /// What sends each attempt: ``URLSessionTransport`` for real traffic, a fake in tests.
    public var transport: any HTTPTransport
    /// Which failures are retried, how often, how long to wait in between, and the overall deadline.
    public var retryPolicy: RetryPolicy
    /// Statuses outside 2xx that are returned rather than thrown (e.g. 404 for "no such object").
    public var acceptedStatuses: Set<Int>
    /// Called with every response that arrives, retried ones included: the place to read rate-limit
    /// headers such as `X-MBX-USED-WEIGHT-1M`.
    public var onResponse: (@Sendable (HTTPResponse) -> Void)?
    /// The clock, sleep and random source used between attempts.
    public var timing: RetryTiming

    /// The longest response body excerpt an error keeps, in bytes.
    public static let bodyExcerptLimit = 512

    public init(
        transport: any HTTPTransport, retryPolicy: RetryPolicy = RetryPolicy(), acceptedStatuses: Set<Int> = [],
        onResponse: (@Sendable (HTTPResponse) -> Void)? = nil, timing: RetryTiming = .live
    ) {
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.acceptedStatuses = acceptedStatuses
        self.onResponse = onResponse
        self.timing = timing
    }

    private enum Failure {
        case status(HTTPResponse, retryAfter: Duration?)
        case transport(HTTPTransportError)
    }

    /// Sends `request`, retrying as the policy allows, and returns the first 2xx (or accepted) response.
    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let policy = retryPolicy
        let url = request.redactedURL
        let start = timing.now()
        var attempts = 0
        var lastFailure: String?

        func deadlineExceeded(_ deadline: Duration) -> HTTPClientError {
            .deadlineExceeded(
                deadline: deadline, method: request.method, url: url, attempts: attempts, lastFailure: lastFailure)
        }

        while true {
            if Task.isCancelled { throw .cancelled(method: request.method, url: url, attempts: attempts) }
            var attemptRequest = request
            if let deadline = policy.deadline {
                let remaining = deadline - (timing.now() - start)
                guard remaining > .zero else { throw deadlineExceeded(deadline) }
                attemptRequest.timeout = min(request.timeout ?? remaining, remaining)
            }
            attempts += 1

            let failure: Failure
            do {
                let response = try await transport.send(attemptRequest)
                onResponse?(response)
                if (200..<300).contains(response.status) || acceptedStatuses.contains(response.status) {
                    return response
                }
                failure = .status(
                    response, retryAfter: RetryAfter.wait(in: response.headers, now: timing.currentDate()))
            } catch let error as HTTPTransportError {
                if error == .cancelled { throw .cancelled(method: request.method, url: url, attempts: attempts) }
                failure = .transport(error)
            } catch is CancellationError {
                throw .cancelled(method: request.method, url: url, attempts: attempts)
            } catch {
                failure = .transport(.other(reason: request.redacting(String(describing: error))))
            }

            let finalError: HTTPClientError
            let retryable: Bool
            var wait: Duration?
            switch failure {
            case .status(let response, let retryAfter):
                finalError = .status(
                    code: response.status, headers: response.headers, bodyExcerpt: Self.excerpt(response.body),
                    method: request.method, url: url, attempts: attempts, retryAfter: retryAfter)
                lastFailure = "answered \(response.status)"
                let safe =
                    response.status == 429 || policy.retriesNonIdempotentRequests
                    || Self.isIdempotent(request.method)
                retryable = policy.retryableStatuses.contains(response.status) && safe
                if let retryAfter {
                    // A wait beyond the limit is not worth taking: give up now with the server's answer.
                    guard retryAfter <= policy.retryAfterLimit else { throw finalError }
                    wait = retryAfter
                }
            case .transport(let error):
                finalError = .transport(underlying: error, method: request.method, url: url, attempts: attempts)
                lastFailure = error.description
                let safe =
                    error.requestWasNotSent || policy.retriesNonIdempotentRequests
                    || Self.isIdempotent(request.method)
                retryable = policy.retriesTransportFailures && error.isRetryable && safe
            }
            guard retryable, attempts < policy.maxAttempts else { throw finalError }

            let delay = wait ?? policy.delay(beforeRetry: attempts, random: timing.random())
            if let deadline = policy.deadline, timing.now() - start + delay >= deadline {
                throw deadlineExceeded(deadline)
            }
            do {
                try await timing.sleep(delay)
            } catch {
                throw .cancelled(method: request.method, url: url, attempts: attempts)
            }
        }
    }

    /// Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2).
    static func isIdempotent(_ method: HTTPMethod) -> Bool {
        ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"].contains(method.rawValue.uppercased())
    }

    /// The start of a response body as one line of text for an error message.
    static func excerpt(_ body: Data) -> String {
        let limit = bodyExcerptLimit
        var text = String(decoding: body.prefix(limit), as: UTF8.self)
        text = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        if body.count > limit { text += "…" }
        return text
    }
}
