import BotCodecs

/// Reads and encodes one month partition file.
///
/// Our files have `open_time` INT64 TIMESTAMP(MILLIS, UTC) and five DOUBLE columns. Reading also accepts the
/// Python original's files (`spec/reference-data.md` §3.2): `open_time` as float64 (truncated to whole
/// milliseconds, as the original converts), columns in any order, a few common alternative names, several
/// row groups, dictionary pages.
enum PartitionFile {
    static let schema = ParquetSchema([
        .timestampMillis("open_time"), .double("open"), .double("high"), .double("low"), .double("close"),
        .double("volume"),
    ])

    /// Accepted names per canonical column, first the canonical one.
    static let columnNames: [[String]] = [
        ["open_time", "timestamp", "time", "ts", "open_time_ms"],
        ["open", "o"], ["high", "h"], ["low", "l"], ["close", "c"], ["volume", "vol", "v"],
    ]

    /// A decoded partition: its rows (sorted, unique) and whether the file was already in our format.
    struct Contents {
        var columns: CandleColumns
        /// True when the file uses our schema exactly (names, order, types) with sorted, unique rows.
        var isCanonical: Bool
    }

    static func encode(_ columns: CandleColumns, options: ParquetWriteOptions) throws(ParquetError) -> [UInt8] {
        try ParquetWriter.encode(
            schema: schema,
            columns: [
                .int64(columns.openTimes), .double(columns.open), .double(columns.high), .double(columns.low),
                .double(columns.close), .double(columns.volume),
            ],
            options: options)
    }

    /// Reads every row of the file at `path`.
    static func read(path: String) throws(PartitionReadFailure) -> Contents {
        let reader: ParquetReader
        do {
            reader = try ParquetReader(path: path)
        } catch {
            throw PartitionReadFailure(reason: error.description)
        }
        let names = try resolveNames(reader.schema)
        var columns = CandleColumns(capacity: Int(reader.metadata.numRows))
        // Ours exactly: the same names, order, types and required columns (pyarrow writes nullable ones).
        var isCanonical = reader.schema == schema
        for group in 0..<reader.rowGroupCount {
            let data: [String: ParquetColumnData]
            do {
                data = try reader.readRowGroup(group, columns: names)
            } catch {
                throw PartitionReadFailure(reason: error.description)
            }
            let times = try integerTimes(
                data[names[0]]!, column: reader.schema.columns[reader.schema.index(of: names[0])!])
            columns.openTimes.append(contentsOf: times)
            columns.open.append(contentsOf: try doubles(data[names[1]]!, name: names[1]))
            columns.high.append(contentsOf: try doubles(data[names[2]]!, name: names[2]))
            columns.low.append(contentsOf: try doubles(data[names[3]]!, name: names[3]))
            columns.close.append(contentsOf: try doubles(data[names[4]]!, name: names[4]))
            columns.volume.append(contentsOf: try doubles(data[names[5]]!, name: names[5]))
        }
        if !isStrictlyIncreasing(columns.openTimes) {
            columns = sortedUnique(columns)
            isCanonical = false
        }
        return Contents(columns: columns, isCanonical: isCanonical)
    }

    /// Reads only the open times of the file at `path` (sorted, unique).
    static func readOpenTimes(path: String) throws(PartitionReadFailure) -> [Int64] {
        let reader: ParquetReader
        do {
            reader = try ParquetReader(path: path)
        } catch {
            throw PartitionReadFailure(reason: error.description)
        }
        let name = try resolveNames(reader.schema)[0]
        let column = reader.schema.columns[reader.schema.index(of: name)!]
        var times: [Int64] = []
        times.reserveCapacity(Int(reader.metadata.numRows))
        for group in 0..<reader.rowGroupCount {
            do {
                times.append(contentsOf: try integerTimes(reader.readColumn(name, rowGroup: group), column: column))
            } catch let failure as PartitionReadFailure {
                throw failure
            } catch {
                throw PartitionReadFailure(reason: "\(error)")
            }
        }
        if !isStrictlyIncreasing(times) {
            times.sort()
            var unique: [Int64] = []
            unique.reserveCapacity(times.count)
            for time in times where unique.last != time { unique.append(time) }
            times = unique
        }
        return times
    }

    private static func resolveNames(_ schema: ParquetSchema) throws(PartitionReadFailure) -> [String] {
        var resolved: [String] = []
        for aliases in columnNames {
            let match =
                aliases.first { schema.index(of: $0) != nil }
                ?? schema.columns.first { column in aliases.contains(column.name.lowercased()) }?.name
            guard let match else {
                let present = schema.columns.map(\.name).joined(separator: ", ")
                throw PartitionReadFailure(reason: "no '\(aliases[0])' column (columns: \(present))")
            }
            resolved.append(match)
        }
        return resolved
    }

    private static func integerTimes(
        _ data: ParquetColumnData, column: ParquetColumn
    ) throws(PartitionReadFailure) -> [Int64] {
        guard data.validity == nil else {
            throw PartitionReadFailure(reason: "column '\(column.name)' has null rows")
        }
        switch data {
        case .int64(let values, _):
            switch column.logicalType {
            case .timestamp(unit: .microseconds, _)?: return values.map { floorDivide($0, 1000) }
            case .timestamp(unit: .nanoseconds, _)?: return values.map { floorDivide($0, 1_000_000) }
            default: return values
            }
        case .int32(let values, _):
            return values.map { Int64($0) }
        case .double(let values, _):
            var times: [Int64] = []
            times.reserveCapacity(values.count)
            for value in values {
                // The original keeps open times as floats and converts by truncation.
                guard value.isFinite, abs(value) < 9.0e18 else {
                    throw PartitionReadFailure(reason: "column '\(column.name)' holds \(value), not a time")
                }
                times.append(Int64(value))
            }
            return times
        default:
            throw PartitionReadFailure(reason: "column '\(column.name)' is \(data.physicalType), not a time")
        }
    }

    private static func doubles(_ data: ParquetColumnData, name: String) throws(PartitionReadFailure) -> [Double] {
        guard data.validity == nil else { throw PartitionReadFailure(reason: "column '\(name)' has null rows") }
        switch data {
        case .double(let values, _): return values
        case .int64(let values, _): return values.map { Double($0) }
        case .int32(let values, _): return values.map { Double($0) }
        default: throw PartitionReadFailure(reason: "column '\(name)' is \(data.physicalType), not a number")
        }
    }

    static func isStrictlyIncreasing(_ times: [Int64]) -> Bool {
        var index = 1
        while index < times.count {
            if times[index - 1] >= times[index] { return false }
            index += 1
        }
        return true
    }

    /// Sorts by open time and keeps the last row of equal open times (later rows are newer).
    static func sortedUnique(_ columns: CandleColumns) -> CandleColumns {
        let order = columns.openTimes.indices.sorted {
            (columns.openTimes[$0], $0) < (columns.openTimes[$1], $1)
        }
        var result = CandleColumns(capacity: order.count)
        for (position, index) in order.enumerated() {
            if position + 1 < order.count, columns.openTimes[order[position + 1]] == columns.openTimes[index] {
                continue
            }
            result.append(row: index, of: columns)
        }
        return result
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }
}

/// Why a partition file could not be read; the store turns it into ``OHLCVStoreError/corruptPartition``.
struct PartitionReadFailure: Error {
    let reason: String
}
