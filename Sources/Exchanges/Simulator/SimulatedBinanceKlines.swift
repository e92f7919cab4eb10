import BotNet

/// Binance spot `GET /api/v3/klines` and USD-M `GET /fapi/v1/klines` as the venue answers them
/// (`spec/exchanges.md` §1.1, §2.1): 12-element rows oldest first, prices as strings, `{"code","msg"}`
/// errors with status 400.
enum SimulatedBinanceKlines {
    /// The most rows one page holds (larger limits are served as this many).
    static func maximumLimit(_ venue: Venue) -> Int { venue == .binanceFutures ? 1500 : 1000 }
    static let defaultLimit = 500

    /// The request weight of a klines call: 2 on spot; 1, 2, 5 or 10 by `limit` on USD-M.
    static func weight(_ venue: Venue, limit: String?) -> Int {
        guard venue == .binanceFutures else { return 2 }
        let value = limit.flatMap { Int($0) } ?? defaultLimit
        switch value {
        case ..<100: return 1
        case ..<500: return 2
        case ...1000: return 5
        default: return 10
        }
    }

    static func error(_ code: Int, _ message: String, status: Int = 400) -> SimulatorReply {
        var writer = SimulatorJSONWriter()
        writer.raw("{\"code\":")
        writer.integer(Int64(code))
        writer.raw(",\"msg\":")
        writer.string(message)
        writer.raw("}")
        return .json(status, writer.bytes)
    }

    private static func mandatory(_ name: String) -> SimulatorReply {
        error(-1102, "Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.")
    }

    private static func illegal(_ name: String) -> SimulatorReply {
        error(-1100, "Illegal characters found in parameter '\(name)'; legal range is '^[0-9]{1,20}$'.")
    }

    /// A time parameter in ms; spot also accepts microseconds (a value of 16 digits or more).
    private static func time(_ text: String?, _ venue: Venue) -> Int64?? {
        guard let text else { return .some(nil) }
        guard !text.isEmpty, text.count <= 20, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = Int64(text)
        else { return nil }
        return SyntheticSeries.clamped(venue == .binanceSpot && value >= 100_000_000_000_000 ? value / 1000 : value)
    }

    static func klines(_ request: HTTPServerRequest, venue: Venue, page: SimulatorPage) -> SimulatorReply {
        guard let symbolName = request.queryValue("symbol"), !symbolName.isEmpty else { return mandatory("symbol") }
        guard let intervalText = request.queryValue("interval"), !intervalText.isEmpty else {
            return mandatory("interval")
        }
        guard let interval = Interval(intervalText), interval.description == intervalText, interval.isStandard else {
            return error(-1120, "Invalid interval.")
        }
        guard page.market.symbol(symbolName, on: venue) != nil else { return error(-1121, "Invalid symbol.") }
        guard let start = time(request.queryValue("startTime"), venue) else { return illegal("startTime") }
        guard let end = time(request.queryValue("endTime"), venue) else { return illegal("endTime") }
        var limit = defaultLimit
        if let text = request.queryValue("limit") {
            guard let value = Int(text) else { return illegal("limit") }
            guard value > 0 else { return error(-1130, "Data sent for parameter 'limit' is not valid.") }
            limit = min(value, maximumLimit(venue))
        }
        if let start, let end, start > end { return error(-1023, "Start time is greater than end time.") }
        let series: SyntheticSeries
        do {
            series = try page.market.series(venue: venue, symbol: symbolName, interval: interval)
        } catch {
            return Self.error(-1121, "Invalid symbol.")
        }

        var upper = series.index(of: page.now)
        if let end { upper = min(upper, series.firstIndex(openingAtOrAfter: end + 1) - 1) }
        let lower = start.map { series.firstIndex(openingAtOrAfter: $0) } ?? series.firstIndex
        // With a start time the oldest rows from there; otherwise the most recent ones.
        let indices = series.presentIndices(lower, upper, limit: limit, newest: start == nil)
        let rows = page.disorder(series.rows(indices, asOf: page.now))
        return .json(200, encode(rows, series: series), candles: rows.count)
    }

    private static func encode(_ rows: [SyntheticRow], series: SyntheticSeries) -> [UInt8] {
        let spot = series.venue == .binanceSpot
        // Spot pads prices and volumes to 8 decimals; USD-M prints the tick's decimals.
        let priceFraction = spot ? 8 : series.priceScale
        let quoteFraction = spot ? 8 : 5
        let priceUnit = SyntheticSeries.powerOfTen(series.priceScale)
        let volumeUnit = SyntheticSeries.powerOfTen(series.volumeScale)
        let volumeFraction = spot ? 8 : 3
        var writer = SimulatorJSONWriter(capacity: rows.count * 190 + 2)
        writer.raw("[")
        for (position, row) in rows.enumerated() {
            if position > 0 { writer.raw(",") }
            writer.raw("[")
            writer.integer(row.openTime)
            for price in [row.open, row.high, row.low, row.close] {
                writer.raw(",")
                writer.quotedDecimal(price, scale: series.priceScale, fraction: priceFraction)
            }
            writer.raw(",")
            writer.quotedDecimal(row.volume, scale: series.volumeScale, fraction: volumeFraction)
            writer.raw(",")
            writer.integer(row.closeTime)
            let vwap = Double(row.vwap) / priceUnit
            writer.raw(",")
            quoted(Double(row.volume) / volumeUnit * vwap, fraction: quoteFraction, into: &writer)
            writer.raw(",")
            writer.integer(row.trades)
            writer.raw(",")
            writer.quotedDecimal(row.takerBuyVolume, scale: series.volumeScale, fraction: volumeFraction)
            writer.raw(",")
            quoted(Double(row.takerBuyVolume) / volumeUnit * vwap, fraction: quoteFraction, into: &writer)
            writer.raw(",\"0\"]")
        }
        writer.raw("]")
        return writer.bytes
    }

    /// A quote volume as a decimal string with `fraction` digits, dropping precision (not range) when
    /// the value is too large for Int64 units.
    private static func quoted(_ value: Double, fraction: Int, into writer: inout SimulatorJSONWriter) {
        var scale = fraction
        while scale > 0, value * SyntheticSeries.powerOfTen(scale) >= 9e17 { scale -= 1 }
        let units = min(9e17, (value * SyntheticSeries.powerOfTen(scale)).rounded())
        writer.quotedDecimal(Int64(units), scale: scale, fraction: fraction)
    }

    /// `GET /api/v3/time`, `GET /fapi/v1/time`.
    static func serverTime(_ page: SimulatorPage) -> SimulatorReply {
        .json(200, "{\"serverTime\":\(page.now)}")
    }
}
