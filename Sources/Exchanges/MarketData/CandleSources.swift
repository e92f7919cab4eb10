import BotNet
import Foundation

/// Builds the ``CandleSource`` of a venue for an environment.
///
/// ```swift
/// let source = try CandleSources.make(
///     venue: .binanceSpot, environment: .paper, baseURL: settings["api_base_url"],
///     client: CandleSources.client(transport: URLSessionTransport()))
/// let page = try await source.candles(symbol: "BTCUSDT", interval: .oneHour, from: start, to: nil, limit: nil)
/// let closed = page.closedCandles(asOf: now)
/// ```
public enum CandleSources {
    /// What market-data requests retry: 408, 429 (after `Retry-After`, up to a minute), 500, 502, 503,
    /// 504, timeouts and connection failures; four attempts with full-jitter exponential backoff from
    /// half a second to ten, two minutes in all. Never 418: a ban is not retried.
    public static let retryPolicy = RetryPolicy(
        maxAttempts: 4, baseDelay: .milliseconds(500), multiplier: 2, maxDelay: .seconds(10), jitter: .full,
        retryableStatuses: [408, 429, 500, 502, 503, 504], retriesTransportFailures: true,
        retryAfterLimit: .seconds(60), deadline: .seconds(120))

    /// An ``HTTPClient`` over `transport` with ``retryPolicy``.
    public static func client(transport: any HTTPTransport, timing: RetryTiming = .live) -> HTTPClient {
        HTTPClient(transport: transport, retryPolicy: retryPolicy, timing: timing)
    }

    /// The source for `venue` in `environment`, at `baseURL` when given (the `adapter_settings.api_base_url`
    /// override) or at ``MarketDataEndpoint/defaultBaseURL(for:environment:)``.
    ///
    /// - Parameters:
    ///   - limiter: the venue's shared limiter; nil creates one with the venue's budget on `clock`.
    /// - Throws: ``MarketDataError/invalidRequest(venue:reason:)`` for an unusable override.
    public static func make(
        venue: Venue, environment: ExchangeEnvironment, baseURL: String? = nil, client: HTTPClient,
        limiter: RateLimiter? = nil, clock: RateLimitClock = .live
    ) throws(MarketDataError) -> any CandleSource {
        let url = try MarketDataEndpoint.baseURL(for: venue, environment: environment, override: baseURL)
        switch venue {
        case .binanceSpot, .binanceFutures:
            return try BinanceCandleSource(venue: venue, baseURL: url, client: client, limiter: limiter, clock: clock)
        case .krakenSpot:
            return KrakenSpotCandleSource(baseURL: url, client: client, limiter: limiter, clock: clock)
        case .krakenFutures:
            return KrakenFuturesCandleSource(baseURL: url, client: client, limiter: limiter, clock: clock)
        case .zondaSpot:
            return ZondaCandleSource(baseURL: url, client: client, limiter: limiter, clock: clock)
        }
    }
}
