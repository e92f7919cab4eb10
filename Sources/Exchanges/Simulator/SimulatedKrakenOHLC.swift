import BotCodecs
import BotNet

/// Kraken spot `GET /0/public/OHLC` as the venue answers it (`spec/exchanges.md` §3.1): only the 720 most
/// recent candles whatever `since` asks (in seconds, exclusive), the still-open candle always last, and
/// errors as HTTP 200 with an `error` array.
enum SimulatedKrakenOHLC {
    /// The `interval` values (minutes) and the candles they mean.
    static let intervals: [(minutes: Int, interval: Interval)] = [
        (1, .oneMinute), (5, try! Interval(count: 5, unit: .minute)), (15, .fifteenMinutes),
        (30, try! Interval(count: 30, unit: .minute)), (60, .oneHour), (240, try! Interval(count: 4, unit: .hour)),
        (1440, .oneDay), (10080, .oneWeek), (21600, try! Interval(count: 15, unit: .day)),
    ]

    /// How many of the most recent candles the venue keeps.
    static let window = 720

    static func error(_ message: String, status: Int = 200) -> SimulatorReply {
        var writer = SimulatorJSONWriter()
        writer.raw("{\"error\":[")
        writer.string(message)
        writer.raw("]}")
        return .json(status, writer.bytes)
    }

    static let invalidArguments = "EGeneral:Invalid arguments"
    static let rateLimitExceeded = "EAPI:Rate limit exceeded"

    static func ohlc(_ request: HTTPServerRequest, page: SimulatorPage) -> SimulatorReply {
        guard let pairName = request.queryValue("pair"), !pairName.isEmpty else { return error(invalidArguments) }
        var minutes = 1
        if let text = request.queryValue("interval") {
            guard let value = Int(text) else { return error(invalidArguments) }
            minutes = value
        }
        guard let interval = intervals.first(where: { $0.minutes == minutes })?.interval else {
            return error(invalidArguments)
        }
        var since: Int64?
        if let text = request.queryValue("since"), !text.isEmpty {
            guard let value = Int64(text) else { return error(invalidArguments) }
            since = value
        }
        guard let symbol = page.market.symbol(pairName, on: .krakenSpot),
            let series = try? page.market.series(venue: .krakenSpot, symbol: symbol.name, interval: interval)
        else { return error("EQuery:Unknown asset pair") }

        let current = series.index(of: page.now)
        var rows = series.rows(
            series.presentIndices(current - Int64(window) + 1, current, limit: window, newest: true), asOf: page.now)
        if let since {
            // `since` is exclusive; the open candle is always sent.
            rows.removeAll { $0.isClosed && $0.openTime / 1000 <= since }
        }
        rows = page.disorder(rows)
        let last = series.openTime(ofIndex: current - 1) / 1000

        var writer = SimulatorJSONWriter(capacity: rows.count * 100 + 64)
        writer.raw("{\"error\":[],\"result\":{")
        writer.string(symbol.responseName ?? symbol.name)
        writer.raw(":[")
        for (position, row) in rows.enumerated() {
            if position > 0 { writer.raw(",") }
            writer.raw("[")
            writer.integer(row.openTime / 1000)
            for price in [row.open, row.high, row.low, row.close, row.vwap] {
                writer.raw(",")
                writer.quotedDecimal(price, scale: series.priceScale)
            }
            writer.raw(",")
            writer.quotedDecimal(row.volume, scale: series.volumeScale, fraction: 8)
            writer.raw(",")
            writer.integer(row.trades)
            writer.raw("]")
        }
        writer.raw("],\"last\":")
        writer.integer(last)
        writer.raw("}}")
        return .json(200, writer.bytes, candles: rows.count)
    }

    /// `GET /0/public/Time`: `{"error":[],"result":{"unixtime":…,"rfc1123":"Sun, 13 Mar 22 22:35:13 +0000"}}`.
    static func serverTime(_ page: SimulatorPage) -> SimulatorReply {
        let seconds = Interval.floorDivide(page.now, 1000)
        let days = Interval.floorDivide(seconds, 86_400)
        let (year, month, day) = UTCDateTime.civil(fromDays: days)
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][Int(((days % 7) + 7) % 7)]
        let monthName = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
            Int(month - 1)]
        let secondOfDay = seconds - days * 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text =
            "\(weekday), \(two(day)) \(monthName) \(two(year % 100)) \(two(secondOfDay / 3600)):"
            + "\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
        return .json(200, "{\"error\":[],\"result\":{\"unixtime\":\(seconds),\"rfc1123\":\"\(text)\"}}")
    }
}
