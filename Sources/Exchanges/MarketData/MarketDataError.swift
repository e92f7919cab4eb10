/// Why a venue's public market data could not be read. Every message names the venue, and where known
/// the symbol and the URL path (never the query or a host's credentials), then what to do.
public enum MarketDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The venue has no candles of this interval.
    case unsupportedInterval(venue: Venue, interval: Interval, supported: [Interval])
    /// The venue does not know the symbol (Binance `-1121`, Kraken `EQuery:Unknown asset pair`, …).
    case unknownSymbol(venue: Venue, symbol: String, path: String, venueMessage: String)
    /// The answer could not be read as the venue's candle format.
    case malformedPayload(venue: Venue, symbol: String, path: String, problem: String, bodyExcerpt: String)
    /// The venue answered with an error of its own (its code and message).
    case venueError(venue: Venue, symbol: String, path: String, status: Int, message: String)
    /// The venue kept refusing for rate limiting after the retries; `retryAfterSeconds` is what it asked.
    case rateLimited(venue: Venue, path: String, retryAfterSeconds: Int64?)
    /// The venue banned this IP (Binance HTTP 418). Nothing may be sent to it until the ban ends.
    case banned(venue: Venue, retryAfterSeconds: Int64?)
    /// An HTTP status the adapter has no meaning for, after the retries.
    case httpStatus(venue: Venue, symbol: String, path: String, status: Int, bodyExcerpt: String)
    /// No answer arrived (timeout, refused connection, DNS), after the retries.
    case network(venue: Venue, path: String, reason: String)
    /// The calling task was cancelled.
    case cancelled(venue: Venue, path: String)
    /// The request itself is not possible (a bad window or limit, an unusable base URL).
    case invalidRequest(venue: Venue, reason: String)

    /// The venue the failure concerns.
    public var venue: Venue {
        switch self {
        case .unsupportedInterval(let venue, _, _), .unknownSymbol(let venue, _, _, _),
            .malformedPayload(let venue, _, _, _, _), .venueError(let venue, _, _, _, _),
            .rateLimited(let venue, _, _), .banned(let venue, _), .httpStatus(let venue, _, _, _, _),
            .network(let venue, _, _), .cancelled(let venue, _), .invalidRequest(let venue, _):
            venue
        }
    }

    /// Whether the run must stop talking to the venue now: a ban, where every further request extends it.
    public var stopsAllRequests: Bool {
        if case .banned = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .unsupportedInterval(let venue, let interval, let supported):
            let list = supported.map(\.description).joined(separator: " ")
            return "\(venue) has no \(interval) candles; it serves \(list). "
                + "Choose one of those intervals in the backfill windows for \(venue)."
        case .unknownSymbol(let venue, let symbol, let path, let message):
            return "\(venue) does not know symbol '\(symbol)' (\(path): \(message)). "
                + "Check instrument_universes.*.exchanges.\(venue) in the config; it takes the venue's own "
                + "symbol (\(Self.example(venue)))."
        case .malformedPayload(let venue, let symbol, let path, let problem, let excerpt):
            return "\(venue) \(path) answered for '\(symbol)' with an unreadable candle payload: \(problem). "
                + "Body: \(excerpt.isEmpty ? "(empty)" : excerpt). The API may have changed, or the base URL "
                + "points at something that is not \(venue)."
        case .venueError(let venue, let symbol, let path, let status, let message):
            return "\(venue) \(path) refused the request for '\(symbol)' (HTTP \(status)): \(message)."
        case .rateLimited(let venue, let path, let retryAfter):
            let wait = retryAfter.map { " and asked to wait \(Self.duration($0))" } ?? ""
            return "\(venue) \(path) kept answering 'too many requests' after the retries\(wait). "
                + "Wait before running again, and make sure no other process on this IP uses the same API."
        case .banned(let venue, let retryAfter):
            let length =
                retryAfter.map { "for \(Self.duration($0)) (Retry-After: \($0))" }
                ?? "for an unstated time (2 minutes to 3 days)"
            return "\(venue) has banned this IP \(length) after repeated rate-limit violations (HTTP 418). "
                + "Stop every process that calls \(venue) from this IP and do not retry before the ban ends: "
                + "each request during a ban lengthens it. Then run again with fewer parallel jobs."
        case .httpStatus(let venue, let symbol, let path, let status, let excerpt):
            let body = excerpt.isEmpty ? "" : ": \(excerpt)"
            return "\(venue) \(path) answered HTTP \(status) for '\(symbol)'\(body)."
        case .network(let venue, let path, let reason):
            return "\(venue) \(path) could not be reached: \(reason)."
        case .cancelled(let venue, let path):
            return "The request to \(venue) \(path) was cancelled."
        case .invalidRequest(let venue, let reason):
            return "Cannot ask \(venue) for candles: \(reason)."
        }
    }

    private static func example(_ venue: Venue) -> String {
        switch venue {
        case .binanceSpot, .binanceFutures: "e.g. BTCUSDT"
        case .krakenSpot: "e.g. XBTUSDT"
        case .krakenFutures: "e.g. PI_XBTUSD"
        case .zondaSpot: "e.g. BTC-PLN"
        }
    }

    /// "45 s", "2 min 5 s", "3 h 0 min", "1 d 2 h".
    static func duration(_ seconds: Int64) -> String {
        switch seconds {
        case ..<60: "\(seconds) s"
        case ..<3600: "\(seconds / 60) min \(seconds % 60) s"
        case ..<86_400: "\(seconds / 3600) h \(seconds % 3600 / 60) min"
        default: "\(seconds / 86_400) d \(seconds % 86_400 / 3600) h"
        }
    }
}
