import BotCodecs
import BotExchanges
import Foundation

extension OHLCVStore {
    /// The CSV header of ``exportCSV(series:from:to:into:)`` and ``importCSV(url:series:now:)``.
    public static let csvHeader = ["open_time", "open", "high", "low", "close", "volume"]

    /// Writes the stored candles of `series` in `from..<to` as CSV with the header
    /// `open_time,open,high,low,close,volume`, `open_time` in integer epoch milliseconds, LF line ends.
    ///
    /// - Returns: the number of candles written.
    @discardableResult
    public func exportCSV(
        series: SeriesKey, from: Int64 = .min, to: Int64 = .max, into url: URL
    ) throws(OHLCVStoreError) -> Int {
        let writer: CSVWriter
        do {
            writer = try CSVWriter(url: url, options: CSVWriter.Options(lineEnding: .lf))
            try writer.write(Self.csvHeader)
        } catch {
            throw .csv(path: url.path, line: nil, reason: error.description)
        }
        var count = 0
        try forEachPartition(series: series, from: from, to: to) { (columns, rows) throws(OHLCVStoreError) in
            do {
                for index in rows {
                    try writer.write([
                        String(columns.openTimes[index]), columns.open[index].description,
                        columns.high[index].description, columns.low[index].description,
                        columns.close[index].description, columns.volume[index].description,
                    ])
                }
            } catch {
                throw .csv(path: url.path, line: nil, reason: "\(error)")
            }
            count += rows.count
        }
        do {
            try writer.close()
        } catch {
            throw .csv(path: url.path, line: nil, reason: error.description)
        }
        return count
    }

    /// Reads candles from a CSV file whose header names `open_time,open,high,low,close,volume` (any order,
    /// extra columns ignored) and stores them like ``write(_:series:now:)``.
    ///
    /// `open_time` may be integer (or float) epoch milliseconds or ISO-8601 (`2024-01-01T00:00:00Z`,
    /// `2024-01-01 00:00:00+00:00`, fractions allowed; no offset means UTC).
    /// - Throws: ``OHLCVStoreError/csv(path:line:reason:)`` naming the line of the first bad record;
    ///   nothing is stored then.
    @discardableResult
    public func importCSV(url: URL, series: SeriesKey, now: Int64) throws(OHLCVStoreError) -> CandleWriteSummary {
        let candles = try Self.readCSV(url: url)
        return try write(candles, series: series, now: now)
    }

    static func readCSV(url: URL) throws(OHLCVStoreError) -> [Candle] {
        let path = url.path
        let reader: CSVReader
        do {
            reader = try CSVReader(url: url, options: CSVReader.Options(hasHeader: true))
        } catch {
            throw .csv(path: path, line: nil, reason: error.description)
        }
        let header = (reader.header ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var positions: [Int] = []
        for name in csvHeader {
            guard let position = header.firstIndex(of: name) else {
                throw .csv(
                    path: path, line: 1,
                    reason: "the header has no '\(name)' column; expected \(csvHeader.joined(separator: ","))")
            }
            positions.append(position)
        }
        var candles: [Candle] = []
        while true {
            let record: [String]
            do {
                guard let next = try reader.next() else { break }
                record = next
            } catch {
                throw .csv(path: path, line: nil, reason: error.description)
            }
            let line = reader.recordLine
            guard let openTime = parseTime(record[positions[0]]) else {
                throw .csv(
                    path: path, line: line,
                    reason: "open_time '\(record[positions[0]])' is neither epoch milliseconds nor ISO-8601")
            }
            var values: [Double] = []
            for (offset, position) in positions.dropFirst().enumerated() {
                guard let value = Double(record[position].trimmingCharacters(in: .whitespaces)) else {
                    throw .csv(
                        path: path, line: line, reason: "\(csvHeader[offset + 1]) '\(record[position])' is not a number"
                    )
                }
                values.append(value)
            }
            candles.append(
                Candle(
                    openTime: openTime, open: values[0], high: values[1], low: values[2], close: values[3],
                    volume: values[4]))
        }
        return candles
    }

    /// Epoch milliseconds from integer/float text or ISO-8601.
    static func parseTime(_ raw: String) -> Int64? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let integer = Int64(text) { return integer }
        if let value = Double(text), value.isFinite, abs(value) < 9.0e18 { return Int64(value) }
        return ISO8601Time.parse(text)
    }
}

/// Parses the ISO-8601 forms candle files use: `YYYY-MM-DD`, then `T` or a space and `HH:MM[:SS[.fff…]]`,
/// then `Z`, `±HH:MM`, `±HHMM` or nothing (UTC).
enum ISO8601Time {
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ width: Int) -> Int? {
            guard index + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + width] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            index += width
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            let start = PartitionMonth(year: year, month: month), (1...31).contains(day)
        else { return nil }
        var milliseconds = start.startTime + Int64(day - 1) * 86_400_000
        guard index < bytes.count else { return milliseconds }
        guard expect("T") || expect(" ") || expect("t"), let hour = number(2), expect(":"), let minute = number(2),
            hour < 24, minute < 60
        else { return nil }
        var second = 0
        var fraction: Int64 = 0
        if expect(":") {
            guard let value = number(2), value < 61 else { return nil }
            second = value
            if expect(".") || expect(",") {
                var digits = 0
                while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                    if digits < 3 { fraction = fraction * 10 + Int64(bytes[index] - 0x30) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                if digits < 3 { for _ in digits..<3 { fraction *= 10 } }
            }
        }
        milliseconds += Int64(hour * 3600 + minute * 60 + second) * 1000 + fraction
        guard index < bytes.count else { return milliseconds }
        if expect("Z") || expect("z") { return index == bytes.count ? milliseconds : nil }
        let sign: Int64
        if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
        guard let offsetHours = number(2) else { return nil }
        _ = expect(":")
        guard let offsetMinutes = number(2), index == bytes.count else { return nil }
        return milliseconds - sign * Int64(offsetHours * 60 + offsetMinutes) * 60_000
    }
}
