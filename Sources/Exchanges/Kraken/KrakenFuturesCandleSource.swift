import BotNet
import Foundation

/// Kraken futures trade candles: `GET /api/charts/v1/trade/{symbol}/{resolution}?from=&to=`.
///
/// `resolution` is `1m 5m 15m 30m 1h 4h 12h 1d 1w`; `from` and `to` are Unix **seconds** (this source
/// asks for exactly `limit` buckets: `to` is one second before the bucket after the last one, capped at
/// the window's end). The symbol goes into the path upper-cased (`pi_xbtusd` → `PI_XBTUSD`). The answer
/// is `{"candles":[{"time":ms,"open":"…","high":"…","low":"…","close":"…","volume":…}],"more_candles":bool}`
/// with `volume` a number or a string. The page size is undocumented (2000 measured); when
/// `more_candles` is true the page says so in ``CandlePage/venueReportsMore``.
public struct KrakenFuturesCandleSource: CandleSource {
    public var venue: Venue { .krakenFutures }
    let connection: MarketDataConnection

    public init(baseURL: URL, client: HTTPClient, limiter: RateLimiter? = nil, clock: RateLimitClock = .live) {
        self.connection = MarketDataConnection(
            venue: .krakenFutures, baseURL: baseURL, client: client, limiter: limiter, clock: clock, timeout: .seconds(20))
    }

    /// The limiter this source spends.
    public var limiter: RateLimiter { connection.limiter }

    func path(symbol: String, resolution: String) -> String {
        "/api/charts/v1/trade/\(MarketDataConnection.encode(symbol.uppercased()))/\(resolution)"
    }

    /// The query, in the order sent: `from` is the start's second, `to` the last second of the page.
    func query(interval: Interval, window: CandleWindow) -> [(String, String)] {
        let from = Interval.floorDivide(window.start, 1000)
        let to = max(from, Interval.floorDivide(window.pageEnd(interval: interval), 1000))
        return [("from", String(from)), ("to", String(to))]
    }

    public func candles(symbol: String, interval: Interval, from start: Int64, to end: Int64?, limit: Int?)
        async throws(MarketDataError) -> CandlePage
    {
        let code = try venue.nativeInterval(for: interval)
        let window = try CandleWindow(venue: venue, start: start, end: end, limit: limit, pageLimit: pageLimit)
        let path = path(symbol: symbol, resolution: code)
        let response = try await connection.get(
            path: path, query: query(interval: interval, window: window), weight: 1, symbol: symbol)
        let (candles, more) = try parse(response, symbol: symbol, path: path)
        return CandlePage(
            venue: venue, symbol: symbol, interval: interval,
            candles: try window.clean(
                candles, interval: interval, symbol: symbol, path: path, body: response.body, connection: connection),
            venueReportsMore: more)
    }

    func parse(_ response: HTTPResponse, symbol: String, path: String) throws(MarketDataError) -> ([Candle], Bool?) {
        let body = response.body
        let json = JSONValue(parsing: body)
        if response.status >= 400 {
            let message = json?["error"]?.string ?? json?["message"]?.string ?? MarketDataConnection.excerpt(body)
            // The charts API names the symbol in the path: an unknown symbol is an unknown resource.
            if response.status == 404 {
                throw .unknownSymbol(venue: venue, symbol: symbol, path: path, venueMessage: "HTTP 404 \(message)")
            }
            throw .venueError(venue: venue, symbol: symbol, path: path, status: response.status, message: message)
        }
        guard let json, json.object != nil else {
            throw connection.malformed("the body is not a JSON object", symbol: symbol, path: path, body: body)
        }
        if json["result"]?.string == "error" || json["candles"] == nil, let error = json["error"]?.string {
            if error == "apiLimitExceeded" { throw .rateLimited(venue: venue, path: path, retryAfterSeconds: nil) }
            throw .venueError(venue: venue, symbol: symbol, path: path, status: response.status, message: error)
        }
        guard let rows = json["candles"]?.array else {
            throw connection.malformed("no \"candles\" array", symbol: symbol, path: path, body: body)
        }
        var candles: [Candle] = []
        candles.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            guard row.object != nil else {
                throw connection.malformed(
                    "candle \(index) is \(row.brief), not an object", symbol: symbol, path: path, body: body)
            }
            guard let time = row["time"]?.int64 else {
                throw connection.malformed(
                    "candle \(index) time is \(row["time"]?.brief ?? "missing"), not milliseconds", symbol: symbol,
                    path: path, body: body)
            }
            var values: [Double] = []
            for name in ["open", "high", "low", "close", "volume"] {
                guard let value = row[name]?.double else {
                    throw connection.malformed(
                        "candle \(index) \(name) is \(row[name]?.brief ?? "missing"), not a decimal number",
                        symbol: symbol, path: path, body: body)
                }
                values.append(value)
            }
            candles.append(
                Candle(
                    openTime: time, open: values[0], high: values[1], low: values[2], close: values[3],
                    volume: values[4]))
        }
        var more: Bool?
        if case .bool(let flag) = json["more_candles"] { more = flag }
        return (candles, more)
    }
}
