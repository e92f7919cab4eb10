import BotExchanges

/// A partition row before it is written to the manifest.
struct PartitionRecord {
    let month: PartitionMonth
    let path: String
    let rows: Int
    let firstOpenTime: Int64
    let lastOpenTime: Int64
    let sha256: String
    let bytes: Int
    let modifiedNanoseconds: Int64
}

extension OHLCVStore {
    /// Runs `body` in one IMMEDIATE transaction, wrapping any failure with the manifest's path.
    func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws(OHLCVStoreError) -> T {
        do {
            return try connection.transaction(.immediate, body)
        } catch let error as OHLCVStoreError {
            throw error
        } catch {
            throw .manifest(path: manifestPath, reason: "\(error)")
        }
    }

    /// Runs read-only queries, wrapping any failure with the manifest's path.
    func query<T>(_ body: (SQLiteConnection) throws -> T) throws(OHLCVStoreError) -> T {
        do {
            return try connection.transaction(.deferred, body)
        } catch let error as OHLCVStoreError {
            throw error
        } catch {
            throw .manifest(path: manifestPath, reason: "\(error)")
        }
    }

    /// The series' row id, created when `create` (inside the caller's transaction).
    func seriesID(_ series: SeriesKey, in connection: SQLiteConnection, create: Bool, at now: Int64) throws -> Int64? {
        if let id = seriesIDs[series] { return id }
        let found = try connection.scalar(
            "SELECT id FROM series WHERE exchange = ?1 AND symbol = ?2 AND interval = ?3",
            arguments: [series.exchange, series.symbol, series.interval.description], as: Int64.self)
        if let found {
            seriesIDs[series] = found
            return found
        }
        guard create else { return nil }
        try connection.execute(
            "INSERT INTO series (exchange, symbol, interval, row_count, updated_at) VALUES (?1, ?2, ?3, 0, ?4)",
            arguments: [series.exchange, series.symbol, series.interval.description, now])
        // Not cached here: the caller caches it once its transaction has committed.
        return connection.lastInsertRowID
    }

    /// Records a written partition and brings its series' range and count up to date, in one transaction.
    func recordPartition(_ record: PartitionRecord, series: SeriesKey, at now: Int64) throws(OHLCVStoreError) {
        let id: Int64 = try transaction { connection in
            let id = try seriesID(series, in: connection, create: true, at: now)!
            try connection.execute(
                """
                INSERT INTO partitions (series_id, year, month, path, rows, first_open_time, last_open_time,
                    sha256, bytes, modified_ns, written_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (series_id, year, month) DO UPDATE SET path = excluded.path, rows = excluded.rows,
                    first_open_time = excluded.first_open_time, last_open_time = excluded.last_open_time,
                    sha256 = excluded.sha256, bytes = excluded.bytes, modified_ns = excluded.modified_ns,
                    written_at = excluded.written_at
                """,
                arguments: [
                    id, record.month.year, record.month.month, record.path, record.rows, record.firstOpenTime,
                    record.lastOpenTime, record.sha256, record.bytes, record.modifiedNanoseconds, now,
                ])
            try Self.refreshSeries(id, in: connection, at: now)
            return id
        }
        seriesIDs[series] = id
    }

    /// Recomputes a series' first/last open time and true row count from its partitions.
    static func refreshSeries(_ id: Int64, in connection: SQLiteConnection, at now: Int64) throws {
        try connection.execute(
            """
            UPDATE series SET
                first_open_time = (SELECT MIN(first_open_time) FROM partitions WHERE series_id = ?1),
                last_open_time = (SELECT MAX(last_open_time) FROM partitions WHERE series_id = ?1),
                row_count = (SELECT COALESCE(SUM(rows), 0) FROM partitions WHERE series_id = ?1),
                updated_at = ?2
            WHERE id = ?1
            """,
            arguments: [id, now])
    }

    /// Whether the manifest has a record for the partition at `relative`.
    func isRecorded(_ relative: String) throws(OHLCVStoreError) -> Bool {
        try query { connection in
            try connection.scalar("SELECT 1 FROM partitions WHERE path = ?1", arguments: [relative], as: Int.self)
                != nil
        }
    }

    /// Every partition record with its series, optionally of one series, ordered by series then month.
    func partitionRows(of series: SeriesKey?) throws(OHLCVStoreError) -> [(
        id: Int64, info: PartitionInfo, modifiedNanoseconds: Int64
    )] {
        try query { connection in
            var sql = """
                SELECT s.id, s.exchange, s.symbol, s.interval, p.year, p.month, p.path, p.rows, p.first_open_time,
                    p.last_open_time, p.sha256, p.bytes, p.written_at, p.modified_ns
                FROM partitions p JOIN series s ON s.id = p.series_id
                """
            var arguments: [(any SQLiteValueConvertible)?] = []
            if let series {
                sql += " WHERE s.exchange = ?1 AND s.symbol = ?2 AND s.interval = ?3"
                arguments = [series.exchange, series.symbol, series.interval.description]
            }
            sql += " ORDER BY s.exchange, s.symbol, s.interval, p.year, p.month"
            return try connection.query(sql, arguments: arguments) { row in
                let key = try Self.seriesKey(row, exchange: 1, symbol: 2, interval: 3)
                let month =
                    PartitionMonth(
                        year: Int(row.int64(at: 4)), month: Int(row.int64(at: 5))) ?? PartitionMonth(containing: 0)
                let info = PartitionInfo(
                    series: key, month: month, path: try row.value(at: 6, as: String.self), rows: Int(row.int64(at: 7)),
                    firstOpenTime: row.int64(at: 8), lastOpenTime: row.int64(at: 9),
                    sha256: try row.value(at: 10, as: String.self), bytes: Int(row.int64(at: 11)),
                    writtenAt: row.int64(at: 12))
                return (row.int64(at: 0), info, row.int64(at: 13))
            }
        }
    }

    static func seriesKey(_ row: SQLiteRow, exchange: Int, symbol: Int, interval: Int) throws -> SeriesKey {
        let spelling = try row.value(at: interval, as: String.self)
        guard let parsed = Interval(spelling) else {
            throw OHLCVStoreError.invalidSeries(spelling, reason: "the manifest holds an unknown interval")
        }
        return try SeriesKey(
            exchange: try row.value(at: exchange, as: String.self), symbol: try row.value(at: symbol, as: String.self),
            interval: parsed)
    }
}
