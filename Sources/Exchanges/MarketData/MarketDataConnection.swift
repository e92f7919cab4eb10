import BotNet
import Foundation

/// What every candle adapter shares: the base URL, the HTTP client with its retry policy, the venue's
/// rate limiter, and the mapping of HTTP outcomes to ``MarketDataError``.
struct MarketDataConnection: Sendable {
    let venue: Venue
    let baseURL: URL
    let client: HTTPClient
    let limiter: RateLimiter
    let timeout: Duration

    /// Statuses below 500 that carry a venue error body worth reading (everything but 408, 418, 429).
    static let venueErrorStatuses: Set<Int> = Set(400..<500).subtracting([408, 418, 429])

    /// A connection spending `limiter`, or a new limiter with the venue's budget when none is shared.
    init(
        venue: Venue, baseURL: URL, client: HTTPClient, limiter: RateLimiter?, clock: RateLimitClock,
        timeout: Duration
    ) {
        self.venue = venue
        self.baseURL = baseURL
        var client = client
        // A ban must never be retried: every request during a ban lengthens it.
        client.retryPolicy.retryableStatuses.remove(418)
        client.acceptedStatuses.formUnion(Self.venueErrorStatuses)
        self.client = client
        self.limiter = limiter ?? RateLimiter(venue: venue, limit: venue.marketDataRateLimit, clock: clock)
        self.timeout = timeout
    }

    /// The answer to a GET of `path` with `query`, after the limiter admitted `weight`. A 2xx answer is
    /// returned, as is a 4xx other than 408/418/429 (for the adapter to read the venue's error body);
    /// everything else is thrown as ``MarketDataError``.
    func get(path: String, query: [(String, String)], weight: Int, symbol: String) async throws(MarketDataError)
        -> HTTPResponse
    {
        let url = try self.url(path: path, query: query)
        try await limiter.acquire(weight: weight, path: path)
        var headers = HTTPHeaders()
        headers["Accept"] = "application/json"
        // Kraken refuses requests without a User-Agent.
        headers["User-Agent"] = "BotCore/1.0 (market data)"
        let request = HTTPRequest(method: .get, url: url, headers: headers, timeout: timeout)
        do {
            let response = try await client.send(request)
            await limiter.record(response.headers)
            return response
        } catch {
            throw await map(error, path: path, symbol: symbol)
        }
    }

    private func map(_ error: HTTPClientError, path: String, symbol: String) async -> MarketDataError {
        switch error {
        case .status(let code, let headers, let excerpt, _, _, _, let retryAfter):
            await limiter.record(headers)
            let seconds = retryAfter.map { Int64($0.components.seconds) + ($0.components.attoseconds > 0 ? 1 : 0) }
            switch code {
            case 418:
                await limiter.ban(forSeconds: seconds)
                return .banned(venue: venue, retryAfterSeconds: seconds)
            case 429:
                if let seconds { await limiter.pause(forSeconds: seconds) }
                return .rateLimited(venue: venue, path: path, retryAfterSeconds: seconds)
            default:
                return .httpStatus(venue: venue, symbol: symbol, path: path, status: code, bodyExcerpt: excerpt)
            }
        case .transport(let underlying, _, _, let attempts):
            return .network(venue: venue, path: path, reason: "\(underlying) (after \(attempts) attempts)")
        case .deadlineExceeded:
            return .network(venue: venue, path: path, reason: error.description)
        case .cancelled:
            return .cancelled(venue: venue, path: path)
        }
    }

    /// The base URL's scheme, host, port and path prefix, then `path`, then `query` in the given order.
    func url(path: String, query: [(String, String)]) throws(MarketDataError) -> URL {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            throw .invalidRequest(venue: venue, reason: "the base URL \(baseURL) cannot be read")
        }
        var prefix = components.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        components.percentEncodedPath = prefix + path
        components.percentEncodedQuery =
            query.isEmpty ? nil : query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        guard let url = components.url else {
            throw .invalidRequest(venue: venue, reason: "cannot build a URL from \(baseURL) and \(path)")
        }
        return url
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes everything but RFC 3986 unreserved characters (for query values and path segments).
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// The start of a body as one line, for messages.
    static func excerpt(_ body: Data) -> String {
        let limit = HTTPClient.bodyExcerptLimit
        var text = String(decoding: body.prefix(limit), as: UTF8.self)
        text = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        if body.count > limit { text += "…" }
        return text
    }

    /// A malformed-payload error for `response`.
    func malformed(_ problem: String, symbol: String, path: String, body: Data) -> MarketDataError {
        .malformedPayload(venue: venue, symbol: symbol, path: path, problem: problem, bodyExcerpt: Self.excerpt(body))
    }
}
