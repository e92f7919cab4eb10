import BotNet
import Foundation

/// Kraken spot OHLC: `GET /0/public/OHLC?pair=&interval=&since=`.
///
/// `interval` is in minutes (`1 5 15 30 60 240 1440 10080 21600`), `since` in Unix **seconds** and
/// exclusive, so this source sends one second before the window's start. Kraken answers at most its 720
/// most recent candles whatever `since` says (``historyLimit``); older candles cannot be fetched, and
/// the window is cut client-side. The answer is `{"error":[],"result":{"<pair>":[[time(s),"open","high",
/// "low","close","vwap","volume",count],…],"last":N}}` where the pair key is Kraken's internal name
/// (`XXBTZUSD` for `XBTUSD`); errors come in the `error` array, often with HTTP 200.
public struct KrakenSpotCandleSource: CandleSource {
    public var venue: Venue { .krakenSpot }
    let connection: MarketDataConnection
    let path = "/0/public/OHLC"

    public init(baseURL: URL, client: HTTPClient, limiter: RateLimiter? = nil, clock: RateLimitClock = .live) {
        self.connection = MarketDataConnection(
            venue: .krakenSpot, baseURL: baseURL, client: client, limiter: limiter, clock: clock, timeout: .seconds(15))
    }

    /// The limiter this source spends.
    public var limiter: RateLimiter { connection.limiter }

    /// The query of an OHLC request, in the order sent: `since` is exclusive, so one second before `start`.
    func query(symbol: String, interval: String, window: CandleWindow) -> [(String, String)] {
        let since = max(0, Interval.floorDivide(window.start, 1000) - 1)
        return [("pair", symbol), ("interval", interval), ("since", String(since))]
    }

    public func candles(symbol: String, interval: Interval, from start: Int64, to end: Int64?, limit: Int?)
        async throws(MarketDataError) -> CandlePage
    {
        let code = try venue.nativeInterval(for: interval)
        let window = try CandleWindow(venue: venue, start: start, end: end, limit: limit, pageLimit: pageLimit)
        let response = try await connection.get(
            path: path, query: query(symbol: symbol, interval: code, window: window), weight: 1, symbol: symbol)
        let candles = try parse(response, symbol: symbol)
        return CandlePage(
            venue: venue, symbol: symbol, interval: interval,
            candles: try window.clean(
                candles, interval: interval, symbol: symbol, path: path, body: response.body, connection: connection))
    }

    func parse(_ response: HTTPResponse, symbol: String) throws(MarketDataError) -> [Candle] {
        let body = response.body
        guard let json = JSONValue(parsing: body), json.object != nil else {
            if response.status >= 400 {
                throw .httpStatus(
                    venue: venue, symbol: symbol, path: path, status: response.status,
                    bodyExcerpt: MarketDataConnection.excerpt(body))
            }
            throw connection.malformed("the body is not a JSON object", symbol: symbol, path: path, body: body)
        }
        let errors = json["error"]?.array?.compactMap(\.string) ?? []
        if !errors.isEmpty {
            let message = errors.joined(separator: "; ")
            if errors.contains(where: { $0.hasPrefix("EQuery:Unknown asset pair") }) {
                throw .unknownSymbol(venue: venue, symbol: symbol, path: path, venueMessage: message)
            }
            if errors.contains(where: { $0.hasSuffix(":Rate limit exceeded") || $0.hasPrefix("EAPI:Rate limit") }) {
                throw .rateLimited(venue: venue, path: path, retryAfterSeconds: nil)
            }
            throw .venueError(venue: venue, symbol: symbol, path: path, status: response.status, message: message)
        }
        if response.status >= 400 {
            throw .httpStatus(
                venue: venue, symbol: symbol, path: path, status: response.status,
                bodyExcerpt: MarketDataConnection.excerpt(body))
        }
        guard let result = json["result"]?.object else {
            throw connection.malformed("no \"result\" object", symbol: symbol, path: path, body: body)
        }
        // The pair key is Kraken's own name for the pair; take the one member that is not "last".
        let series = result.filter { $0.key != "last" }
        guard series.count == 1, let (pairKey, rowsValue) = series.first else {
            throw connection.malformed(
                "expected one pair in \"result\", found \(series.count) "
                    + "(\(series.keys.sorted().joined(separator: ", ")))",
                symbol: symbol, path: path, body: body)
        }
        guard let rows = rowsValue.array else {
            throw connection.malformed(
                "result.\(pairKey) is \(rowsValue.brief), not an array", symbol: symbol, path: path, body: body)
        }
        var candles: [Candle] = []
        candles.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            guard let fields = row.array, fields.count >= 7 else {
                throw connection.malformed(
                    "row \(index) is \(row.brief), not an array of 8 fields", symbol: symbol, path: path, body: body)
            }
            guard let seconds = fields[0].int64 else {
                throw connection.malformed(
                    "row \(index) time is \(fields[0].brief), not Unix seconds", symbol: symbol, path: path, body: body)
            }
            // Fields: time, open, high, low, close, vwap, volume, count.
            var values: [Double] = []
            for (offset, name) in [(1, "open"), (2, "high"), (3, "low"), (4, "close"), (6, "volume")] {
                guard let value = fields[offset].double else {
                    throw connection.malformed(
                        "row \(index) \(name) is \(fields[offset].brief), not a decimal number", symbol: symbol,
                        path: path, body: body)
                }
                values.append(value)
            }
            candles.append(
                Candle(
                    openTime: seconds * 1000, open: values[0], high: values[1], low: values[2], close: values[3],
                    volume: values[4]))
        }
        return candles
    }
}
