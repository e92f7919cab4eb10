import BotNet
import Foundation

/// Zonda (zondacrypto) candles: `GET /rest/trading/candle/history/{pair}/{resolution}?from=&to=`.
///
/// `pair` is `BASE-QUOTE` (`BTC-PLN`), `resolution` in seconds (`60 … 604800`), `from` and `to` in epoch
/// **milliseconds**; this source asks for exactly `limit` buckets (`to` is the millisecond before the
/// bucket after the last, capped at the window's end). The page size is undocumented; 100 (CCXT's) is
/// used. The answer is `{"status":"Ok","items":[["<open time ms as a string>",{"o":"…","c":"…","h":"…",
/// "l":"…","v":"…","co":"…"}],…]}`; errors are `{"status":"Fail","errors":["…"]}`.
public struct ZondaCandleSource: CandleSource {
    public var venue: Venue { .zondaSpot }
    let connection: MarketDataConnection

    /// Zonda error codes meaning "no such market".
    static let unknownMarketErrors: Set<String> = [
        "TICKER_NOT_FOUND", "MARKET_NOT_FOUND", "INVALID_MARKET", "MARKET_CODE_INVALID", "TRADING_PAIR_NOT_FOUND",
    ]

    public init(baseURL: URL, client: HTTPClient, limiter: RateLimiter? = nil, clock: RateLimitClock = .live) {
        self.connection = MarketDataConnection(
            venue: .zondaSpot, baseURL: baseURL, client: client, limiter: limiter, clock: clock, timeout: .seconds(15))
    }

    /// The limiter this source spends.
    public var limiter: RateLimiter { connection.limiter }

    func path(symbol: String, resolution: String) -> String {
        "/rest/trading/candle/history/\(MarketDataConnection.encode(symbol))/\(resolution)"
    }

    /// The query, in the order sent: the window in milliseconds.
    func query(interval: Interval, window: CandleWindow) -> [(String, String)] {
        [("from", String(window.start)), ("to", String(window.pageEnd(interval: interval)))]
    }

    public func candles(symbol: String, interval: Interval, from start: Int64, to end: Int64?, limit: Int?)
        async throws(MarketDataError) -> CandlePage
    {
        let code = try venue.nativeInterval(for: interval)
        let window = try CandleWindow(venue: venue, start: start, end: end, limit: limit, pageLimit: pageLimit)
        let path = path(symbol: symbol, resolution: code)
        let response = try await connection.get(
            path: path, query: query(interval: interval, window: window), weight: 1, symbol: symbol)
        let candles = try parse(response, symbol: symbol, path: path)
        return CandlePage(
            venue: venue, symbol: symbol, interval: interval,
            candles: try window.clean(
                candles, interval: interval, symbol: symbol, path: path, body: response.body, connection: connection))
    }

    func parse(_ response: HTTPResponse, symbol: String, path: String) throws(MarketDataError) -> [Candle] {
        let body = response.body
        guard let json = JSONValue(parsing: body), json.object != nil else {
            if response.status >= 400 {
                throw .httpStatus(
                    venue: venue, symbol: symbol, path: path, status: response.status,
                    bodyExcerpt: MarketDataConnection.excerpt(body))
            }
            throw connection.malformed("the body is not a JSON object", symbol: symbol, path: path, body: body)
        }
        let status = json["status"]?.string
        if status != "Ok" || response.status >= 400 {
            let errors = json["errors"]?.array?.compactMap(\.string) ?? []
            let message = errors.isEmpty ? "status \(status ?? "missing")" : errors.joined(separator: ", ")
            if errors.contains(where: Self.unknownMarketErrors.contains) {
                throw .unknownSymbol(venue: venue, symbol: symbol, path: path, venueMessage: message)
            }
            if errors.contains("ACTION_LIMIT_EXCEEDED") {
                throw .rateLimited(venue: venue, path: path, retryAfterSeconds: nil)
            }
            if status == nil, response.status < 400 {
                throw connection.malformed("no \"status\" field", symbol: symbol, path: path, body: body)
            }
            throw .venueError(venue: venue, symbol: symbol, path: path, status: response.status, message: message)
        }
        guard let items = json["items"]?.array else {
            throw connection.malformed("no \"items\" array", symbol: symbol, path: path, body: body)
        }
        var candles: [Candle] = []
        candles.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let pair = item.array, pair.count == 2, pair[1].object != nil else {
                throw connection.malformed(
                    "item \(index) is \(item.brief), not [time, {o,c,h,l,v}]", symbol: symbol, path: path, body: body)
            }
            guard let time = pair[0].int64 else {
                throw connection.malformed(
                    "item \(index) time is \(pair[0].brief), not milliseconds", symbol: symbol, path: path, body: body)
            }
            let fields = pair[1]
            var values: [Double] = []
            // Zonda orders the keys o, c, h, l: read them by name.
            for (key, name) in [("o", "open"), ("h", "high"), ("l", "low"), ("c", "close"), ("v", "volume")] {
                guard let value = fields[key]?.double else {
                    throw connection.malformed(
                        "item \(index) \(name) (\"\(key)\") is \(fields[key]?.brief ?? "missing"), "
                            + "not a decimal number",
                        symbol: symbol, path: path, body: body)
                }
                values.append(value)
            }
            candles.append(
                Candle(
                    openTime: time, open: values[0], high: values[1], low: values[2], close: values[3],
                    volume: values[4]))
        }
        return candles
    }
}
