import BotNet
import Foundation

/// Binance klines: spot `GET /api/v3/klines` (up to 1000 per request, weight 2) or USD-M futures
/// `GET /fapi/v1/klines` (up to 1500, weight 1–10 by `limit`).
///
/// Query: `symbol`, `interval` (`1m … 1M`), `startTime`, `endTime` (milliseconds, inclusive by open
/// time), `limit`. Rows are 12-element arrays `[openTime, "open", "high", "low", "close", "volume",
/// closeTime, …]` with prices as strings. The last row may be the still-open kline.
public struct BinanceCandleSource: CandleSource {
    public let venue: Venue
    let connection: MarketDataConnection

    /// A source for `venue` (``Venue/binanceSpot`` or ``Venue/binanceFutures``) at `baseURL`.
    ///
    /// - Throws: ``MarketDataError/invalidRequest(venue:reason:)`` for a venue that is not Binance.
    public init(
        venue: Venue, baseURL: URL, client: HTTPClient, limiter: RateLimiter? = nil, clock: RateLimitClock = .live
    )
        throws(MarketDataError)
    {
        guard venue == .binanceSpot || venue == .binanceFutures else {
            throw .invalidRequest(
                venue: venue, reason: "BinanceCandleSource serves binance_spot and binance_futures only")
        }
        self.venue = venue
        self.connection = MarketDataConnection(
            venue: venue, baseURL: baseURL, client: client, limiter: limiter, clock: clock, timeout: .seconds(15))
    }

    /// The limiter this source spends; share it with other Binance callers on the same IP and venue.
    public var limiter: RateLimiter { connection.limiter }

    var path: String { venue == .binanceSpot ? "/api/v3/klines" : "/fapi/v1/klines" }

    /// The query of a klines request, in the order sent.
    func query(symbol: String, interval: String, window: CandleWindow) -> [(String, String)] {
        var query = [("symbol", symbol), ("interval", interval), ("startTime", String(window.start))]
        if let end = window.end { query.append(("endTime", String(end))) }
        query.append(("limit", String(window.limit)))
        return query
    }

    public func candles(symbol: String, interval: Interval, from start: Int64, to end: Int64?, limit: Int?)
        async throws(MarketDataError) -> CandlePage
    {
        let code = try venue.nativeInterval(for: interval)
        let window = try CandleWindow(venue: venue, start: start, end: end, limit: limit, pageLimit: pageLimit)
        let response = try await connection.get(
            path: path, query: query(symbol: symbol, interval: code, window: window),
            weight: venue.candleRequestWeight(limit: window.limit), symbol: symbol)
        let candles = try parse(response, symbol: symbol)
        return CandlePage(
            venue: venue, symbol: symbol, interval: interval,
            candles: try window.clean(
                candles, interval: interval, symbol: symbol, path: path, body: response.body, connection: connection))
    }
}
