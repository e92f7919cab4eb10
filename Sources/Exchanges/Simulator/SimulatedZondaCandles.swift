import BotNet

/// Zonda `GET /rest/trading/candle/history/{pair}/{resolution}` (`spec/exchanges.md` §5.1): resolution in
/// seconds, `from`/`to` in epoch milliseconds (both required), rows `["<ms>", {"o","c","h","l","v","co"}]`
/// with numbers as trimmed decimal strings, errors as `{"status":"Fail","errors":[…]}`.
enum SimulatedZondaCandles {
    static let resolutions: [(seconds: Int, interval: Interval)] = [
        (60, .oneMinute), (180, try! Interval(count: 3, unit: .minute)), (300, try! Interval(count: 5, unit: .minute)),
        (900, .fifteenMinutes), (1800, try! Interval(count: 30, unit: .minute)), (3600, .oneHour),
        (7200, try! Interval(count: 2, unit: .hour)), (14400, try! Interval(count: 4, unit: .hour)),
        (21600, try! Interval(count: 6, unit: .hour)), (43200, try! Interval(count: 12, unit: .hour)),
        (86400, .oneDay), (259_200, try! Interval(count: 3, unit: .day)), (604_800, .oneWeek),
    ]

    /// The most candles one answer holds, the oldest of the window (Zonda documents no limit; this is the
    /// simulator's choice, so clients must page by time rather than trust one window).
    static let pageLimit = 1000

    static func failure(_ code: String, status: Int = 200) -> SimulatorReply {
        var writer = SimulatorJSONWriter()
        writer.raw("{\"status\":\"Fail\",\"errors\":[")
        writer.string(code)
        writer.raw("]}")
        return .json(status, writer.bytes)
    }

    static func candles(
        _ request: HTTPServerRequest, pair: String, resolution: String, page: SimulatorPage
    ) -> SimulatorReply {
        guard let seconds = Int(resolution),
            let interval = resolutions.first(where: { $0.seconds == seconds })?.interval
        else { return failure("INVALID_RESOLUTION") }
        guard let symbol = page.market.symbol(pair, on: .zondaSpot),
            let series = try? page.market.series(venue: .zondaSpot, symbol: symbol.name, interval: interval)
        else { return failure("INVALID_MARKET") }
        guard let fromText = request.queryValue("from"), let fromValue = Int64(fromText),
            let toText = request.queryValue("to"), let toValue = Int64(toText)
        else { return failure("INVALID_TIME_RANGE") }
        let (from, to) = (SyntheticSeries.clamped(fromValue), SyntheticSeries.clamped(toValue))
        guard from <= to else { return failure("INVALID_TIME_RANGE") }

        let upper = min(series.index(of: page.now), series.firstIndex(openingAtOrAfter: to + 1) - 1)
        let lower = series.firstIndex(openingAtOrAfter: from)
        let indices = series.presentIndices(lower, upper, limit: pageLimit, newest: false)
        let rows = page.disorder(series.rows(indices, asOf: page.now))

        var writer = SimulatorJSONWriter(capacity: rows.count * 120 + 32)
        writer.raw("{\"status\":\"Ok\",\"items\":[")
        for (position, row) in rows.enumerated() {
            if position > 0 { writer.raw(",") }
            writer.raw("[\"")
            writer.integer(row.openTime)
            writer.raw("\",{")
            let fields: [(String, Int64)] = [("o", row.open), ("c", row.close), ("h", row.high), ("l", row.low)]
            for (name, price) in fields {
                writer.raw("\"\(name)\":")
                writer.quotedDecimal(price, scale: series.priceScale, trim: true)
                writer.raw(",")
            }
            writer.raw("\"v\":")
            writer.quotedDecimal(row.volume, scale: series.volumeScale, trim: true)
            writer.raw(",\"co\":\"")
            writer.integer(row.trades)
            writer.raw("\"}]")
        }
        writer.raw("]}")
        return .json(200, writer.bytes, candles: rows.count)
    }
}
