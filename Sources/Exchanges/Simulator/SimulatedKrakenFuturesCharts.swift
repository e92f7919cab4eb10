import BotNet

/// Kraken futures `GET /api/charts/v1/{tick_type}/{symbol}/{resolution}` (`spec/exchanges.md` §4.1):
/// `from`/`to` in epoch seconds, `time` in milliseconds, at most ``pageLimit`` candles a page with
/// `more_candles` telling whether the range holds more.
enum SimulatedKrakenFuturesCharts {
    static let resolutions: [(name: String, interval: Interval)] = [
        ("1m", .oneMinute), ("5m", try! Interval(count: 5, unit: .minute)), ("15m", .fifteenMinutes),
        ("30m", try! Interval(count: 30, unit: .minute)), ("1h", .oneHour),
        ("4h", try! Interval(count: 4, unit: .hour)),
        ("12h", try! Interval(count: 12, unit: .hour)), ("1d", .oneDay), ("1w", .oneWeek),
    ]

    /// The most candles one page holds (a third party measured 2000; the venue does not document it).
    static let pageLimit = 2000
    static let tickTypes = ["trade", "mark", "spot"]

    static func error(_ status: Int, _ message: String) -> SimulatorReply {
        var writer = SimulatorJSONWriter()
        writer.raw("{\"error\":")
        writer.string(message)
        writer.raw("}")
        return .json(status, writer.bytes)
    }

    static func candles(
        _ request: HTTPServerRequest, tickType: String, symbol symbolName: String, resolution: String,
        page: SimulatorPage
    ) -> SimulatorReply {
        guard tickTypes.contains(tickType) else {
            return error(404, "unknown tick type '\(tickType)'; use trade, mark or spot")
        }
        guard let interval = resolutions.first(where: { $0.name == resolution })?.interval else {
            return error(400, "unknown resolution '\(resolution)'")
        }
        guard let symbol = page.market.symbol(symbolName, on: .krakenFutures),
            let series = try? page.market.series(venue: .krakenFutures, symbol: symbol.name, interval: interval)
        else { return error(404, "unknown symbol '\(symbolName)'") }
        var bounds: [String: Int64] = [:]
        for name in ["from", "to", "count"] {
            guard let text = request.queryValue(name) else { continue }
            guard let value = Int64(text), value >= 0 else { return error(400, "invalid '\(name)': \(text)") }
            // Seconds are clamped so that converting them to milliseconds cannot overflow.
            bounds[name] = name == "count" ? value : min(value, SyntheticSeries.timeRange.upperBound / 1000)
        }
        let limit = Int(min(bounds["count"] ?? Int64(pageLimit), Int64(pageLimit)))

        var upper = series.index(of: page.now)
        if let to = bounds["to"] { upper = min(upper, series.firstIndex(openingAtOrAfter: to * 1000 + 1) - 1) }
        let from = bounds["from"]
        let lower = from.map { series.firstIndex(openingAtOrAfter: $0 * 1000) } ?? series.firstIndex
        let indices = series.presentIndices(lower, upper, limit: limit, newest: from == nil)
        let more: Bool =
            if let first = indices.first, let last = indices.last {
                from == nil ? series.hasPresent(lower, first - 1) : series.hasPresent(last + 1, upper)
            } else {
                false
            }
        let rows = page.disorder(series.rows(indices, asOf: page.now))
        // Only trade candles carry volume.
        let hasVolume = tickType == "trade"

        var writer = SimulatorJSONWriter(capacity: rows.count * 120 + 40)
        writer.raw("{\"candles\":[")
        for (position, row) in rows.enumerated() {
            if position > 0 { writer.raw(",") }
            writer.raw("{\"time\":")
            writer.integer(row.openTime)
            for (name, price) in [("open", row.open), ("high", row.high), ("low", row.low), ("close", row.close)] {
                writer.raw(",\"\(name)\":")
                writer.quotedDecimal(price, scale: series.priceScale)
            }
            writer.raw(",\"volume\":")
            writer.decimal(hasVolume ? row.volume : 0, scale: series.volumeScale)
            writer.raw("}")
        }
        writer.raw("],\"more_candles\":\(more)}")
        return .json(200, writer.bytes, candles: rows.count)
    }
}
