import BotExchanges

extension OHLCVStore {
    /// Every series the manifest knows, ordered by exchange, symbol and interval spelling.
    public func series() throws(OHLCVStoreError) -> [SeriesInfo] {
        try query { connection in
            try connection.query(
                """
                SELECT exchange, symbol, interval, first_open_time, last_open_time, row_count, updated_at
                FROM series ORDER BY exchange, symbol, interval
                """
            ) { row in
                SeriesInfo(
                    series: try Self.seriesKey(row, exchange: 0, symbol: 1, interval: 2),
                    firstOpenTime: row.isNull(at: 3) ? nil : row.int64(at: 3),
                    lastOpenTime: row.isNull(at: 4) ? nil : row.int64(at: 4), rowCount: Int(row.int64(at: 5)),
                    updatedAt: row.int64(at: 6))
            }
        }
    }

    /// The manifest's record of one series, nil when it has none.
    public func info(of series: SeriesKey) throws(OHLCVStoreError) -> SeriesInfo? {
        try self.series().first { $0.series == series }
    }

    /// The recorded partitions of `series` (all series when nil), oldest month first.
    public func partitions(series: SeriesKey? = nil) throws(OHLCVStoreError) -> [PartitionInfo] {
        try partitionRows(of: series).map(\.info)
    }

    /// The stored candles of `series` with open times in `from..<to`, oldest first.
    ///
    /// Only the partitions overlapping the range are read.
    /// - Throws: ``OHLCVStoreError/corruptPartition(path:series:month:reason:)`` naming the file when a
    ///   needed partition cannot be read (other ranges stay readable).
    public func read(series: SeriesKey, from: Int64 = .min, to: Int64 = .max) throws(OHLCVStoreError) -> [Candle] {
        var candles: [Candle] = []
        // One reservation up front: growing by each partition's rows would copy the array every month.
        candles.reserveCapacity(
            try overlappingPartitions(series: series, from: from, to: to).reduce(0) { $0 + $1.rows })
        try forEachPartition(series: series, from: from, to: to) { (columns: CandleColumns, rows: Range<Int>) in
            for index in rows { candles.append(columns.candle(at: index)) }
        }
        return candles
    }

    /// The stored open times of `series` in `from..<to`, oldest first; reads only the `open_time` column,
    /// for coverage and gap checks.
    public func openTimes(series: SeriesKey, from: Int64 = .min, to: Int64 = .max) throws(OHLCVStoreError) -> [Int64] {
        var times: [Int64] = []
        for partition in try overlappingPartitions(series: series, from: from, to: to) {
            let path = absolutePath(partition.path)
            let fileTimes: [Int64]
            do {
                fileTimes = try PartitionFile.readOpenTimes(path: path)
            } catch {
                throw .corruptPartition(
                    path: path, series: series.description, month: partition.month.description, reason: error.reason)
            }
            let low = Self.lowerBound(fileTimes, from)
            let high = Self.lowerBound(fileTimes, to)
            times.append(contentsOf: fileTimes[low..<high])
        }
        return times
    }

    /// The holes of `series` in `from..<to`: ranges of open times on the interval's grid with no stored
    /// candle, each half-open (`start..<end`, `end` the next stored or the window's end), oldest first.
    ///
    /// `from` is rounded up to the grid. A backfill fetches exactly these ranges, so it fills every hole,
    /// not only the time after the newest candle.
    public func missingRanges(series: SeriesKey, from: Int64, to: Int64) throws(OHLCVStoreError) -> [Range<Int64>] {
        guard from < to else { return [] }
        let interval = series.interval
        let stored = try openTimes(series: series, from: from, to: to)
        var ranges: [Range<Int64>] = []
        var expected = interval.start(ofBucketContaining: from)
        if expected < from { expected = interval.next(after: expected) }
        for time in stored where interval.isAligned(time) {
            if time > expected { ranges.append(expected..<time) }
            if time >= expected { expected = interval.next(after: time) }
        }
        if expected < to { ranges.append(expected..<to) }
        return ranges
    }

    /// Calls `body` with each needed partition's rows, oldest first.
    func forEachPartition(
        series: SeriesKey, from: Int64, to: Int64, _ body: (CandleColumns, Range<Int>) throws(OHLCVStoreError) -> Void
    ) throws(OHLCVStoreError) {
        for partition in try overlappingPartitions(series: series, from: from, to: to) {
            let path = absolutePath(partition.path)
            let contents: PartitionFile.Contents
            do {
                contents = try PartitionFile.read(path: path)
            } catch {
                throw .corruptPartition(
                    path: path, series: series.description, month: partition.month.description, reason: error.reason)
            }
            try body(contents.columns, contents.columns.rows(in: from..<to))
        }
    }

    /// The recorded partitions of `series` whose months overlap `from..<to`.
    func overlappingPartitions(series: SeriesKey, from: Int64, to: Int64) throws(OHLCVStoreError) -> [PartitionInfo] {
        guard from < to else { return [] }
        return try partitions(series: series).filter { $0.lastOpenTime >= from && $0.firstOpenTime < to }
    }

    static func lowerBound(_ times: [Int64], _ time: Int64) -> Int {
        var (low, high) = (0, times.count)
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
