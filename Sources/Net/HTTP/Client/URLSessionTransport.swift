import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An ``HTTPTransport`` over `URLSession`: one request, one response of any status, a timeout on the
/// whole exchange, and failures as ``HTTPTransportError``.
///
/// Redirects are not followed: a 3xx is returned as the response, so credentials in a signed request's
/// headers never travel to a host the caller did not choose. Cookies and caching are off.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession
    /// Used when a request has no timeout of its own.
    public let defaultTimeout: Duration

    public init(defaultTimeout: Duration = .seconds(30)) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(
            configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        self.defaultTimeout = defaultTimeout
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let timeout = request.timeout ?? defaultTimeout
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        // The exact limit is our own timer below. URLSession's interval only backs it up: on Linux it is
        // truncated to whole seconds (0.3 s became "time out at once"), so it is rounded up, plus one.
        urlRequest.timeoutInterval = (timeout.seconds.rounded(.up) + 1).clamped(to: 1...1e9)
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = request.body }

        // The completion-handler API is bridged by hand (rather than `data(for:)`) so that both Swift
        // task cancellation and the whole-exchange timeout cancel the URLSessionTask, and so a timeout
        // can be told apart from a cancellation when the task reports `.cancelled`.
        let exchange = Exchange()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                let task = session.dataTask(with: urlRequest) { data, response, error in
                    let reason = exchange.finish()
                    continuation.resume(
                        with: Self.outcome(
                            data: data, response: response, error: error, reason: reason, request: request,
                            timeout: timeout))
                }
                exchange.start(task, timeout: timeout)
            }
        } onCancel: {
            exchange.stop(because: .cancelled)
        }
    }

    private static func outcome(
        data: Data?, response: URLResponse?, error: (any Error)?, reason: Exchange.StopReason?,
        request: HTTPRequest, timeout: Duration
    ) -> Result<HTTPResponse, any Error> {
        switch reason {
        case .timedOut: return .failure(HTTPTransportError.timedOut(after: timeout))
        case .cancelled: return .failure(HTTPTransportError.cancelled)
        case nil: break
        }
        if let error {
            return .failure(transportError(error, request: request, timeout: timeout))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(HTTPTransportError.invalidResponse)
        }
        var headers = HTTPHeaders()
        for (name, value) in http.allHeaderFields {
            headers.add(name: String(describing: name), value: String(describing: value))
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
    }

    /// Maps Foundation's errors to ``HTTPTransportError`` without their user info, which holds the URL.
    private static func transportError(_ error: any Error, request: HTTPRequest, timeout: Duration)
        -> HTTPTransportError
    {
        let host = request.url.host ?? "(no host)"
        guard let urlError = error as? URLError else {
            return .other(reason: request.redacting(String(describing: error)))
        }
        switch urlError.code {
        case .timedOut: return .timedOut(after: timeout)
        case .cannotFindHost, .dnsLookupFailed: return .cannotResolve(host: host)
        case .cannotConnectToHost, .notConnectedToInternet: return .cannotConnect(host: host, port: request.url.port)
        case .networkConnectionLost: return .connectionLost
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .secureConnectionFailed(host: host)
        case .cancelled: return .cancelled
        case .badServerResponse, .cannotParseResponse, .zeroByteResource: return .invalidResponse
        default: return .other(reason: "URL loading failed (URLError code \(urlError.code.rawValue))")
        }
    }
}

/// One request's task, and why it was stopped early, shared by the completion handler, the timeout
/// timer and the cancellation handler (which may run on any thread, in any order).
extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        isNaN ? range.lowerBound : Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}

private final class Exchange: Sendable {
    enum StopReason: Sendable { case timedOut, cancelled }

    private struct State {
        var task: URLSessionDataTask?
        var reason: StopReason?
        var finished = false
    }

    private let state = Mutex(State())

    func start(_ task: URLSessionDataTask, timeout: Duration) {
        let alreadyStopped = state.withLock { state in
            state.task = task
            return state.reason != nil
        }
        task.resume()
        if alreadyStopped {
            task.cancel()
        } else {
            // The timer only holds the exchange weakly and does nothing once the task has finished.
            let delay = DispatchTimeInterval.milliseconds(Int(clamping: timeout.milliseconds))
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [weak self] in
                self?.stop(because: .timedOut)
            }
        }
    }

    func stop(because reason: StopReason) {
        let task = state.withLock { state -> URLSessionDataTask? in
            guard state.reason == nil, !state.finished else { return nil }
            state.reason = reason
            return state.task
        }
        task?.cancel()
    }

    /// Marks the exchange finished and returns why it was stopped, if it was.
    func finish() -> StopReason? {
        state.withLock { state in
            state.finished = true
            state.task = nil
            return state.reason
        }
    }
}

/// Answers every redirect with "don't follow", so the 3xx itself becomes the response.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
