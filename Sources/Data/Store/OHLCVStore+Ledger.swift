import BotExchanges
import Foundation

extension OHLCVStore {
    /// Records a delivered segment in the backfill ledger, unless a segment with the same content key is
    /// already recorded; optionally moves the series' watermark forward in the same transaction, so a
    /// crash can never record one without the other.
    ///
    /// - Returns: true when the segment was new; false when its content was already delivered (the caller
    ///   then deletes its duplicate file, as seed 003 describes).
    @discardableResult
    public func recordSegment(
        _ segment: LedgerSegment, advancingWatermarkTo highWater: Int64? = nil
    ) throws(OHLCVStoreError) -> Bool {
        guard !isReadOnly else { throw .readOnly(path: root.path) }
        let (id, inserted): (Int64, Bool) = try transaction { connection in
            let id = try seriesID(segment.series, in: connection, create: true, at: segment.createdAt)!
            try connection.execute(
                """
                INSERT INTO ledger (content_key, series_id, range_start, range_end, rows, kind, path, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (content_key) DO NOTHING
                """,
                arguments: [
                    segment.contentKey.lowercased(), id, segment.rangeStart, segment.rangeEnd, segment.rows,
                    segment.kind.rawValue, segment.path, segment.createdAt,
                ])
            let inserted = connection.changes == 1
            if let highWater {
                try Self.advance(id, to: highWater, in: connection, at: segment.createdAt)
            }
            return (id, inserted)
        }
        seriesIDs[segment.series] = id
        return inserted
    }

    /// Whether a segment with this content key (SHA-256, hex) is in the ledger.
    public func hasSegment(contentKey: String) throws(OHLCVStoreError) -> Bool {
        try query { connection in
            try connection.scalar(
                "SELECT 1 FROM ledger WHERE content_key = ?1", arguments: [contentKey.lowercased()], as: Int.self)
                != nil
        }
    }

    /// The ledger's segments (of one series when given), oldest range first.
    public func segments(series: SeriesKey? = nil) throws(OHLCVStoreError) -> [LedgerSegment] {
        try query { connection in
            var sql = """
                SELECT s.exchange, s.symbol, s.interval, l.content_key, l.range_start, l.range_end, l.rows, l.kind,
                    l.path, l.created_at
                FROM ledger l JOIN series s ON s.id = l.series_id
                """
            var arguments: [(any SQLiteValueConvertible)?] = []
            if let series {
                sql += " WHERE s.exchange = ?1 AND s.symbol = ?2 AND s.interval = ?3"
                arguments = [series.exchange, series.symbol, series.interval.description]
            }
            sql += " ORDER BY s.exchange, s.symbol, s.interval, l.range_start, l.content_key"
            return try connection.query(sql, arguments: arguments) { row in
                LedgerSegment(
                    contentKey: try row.value(at: 3, as: String.self),
                    series: try Self.seriesKey(row, exchange: 0, symbol: 1, interval: 2),
                    rangeStart: row.int64(at: 4), rangeEnd: row.int64(at: 5), rows: Int(row.int64(at: 6)),
                    kind: LedgerSegment.Kind(rawValue: try row.value(at: 7, as: String.self)) ?? .parquet,
                    path: try row.value(at: 8, as: String.self), createdAt: row.int64(at: 9))
            }
        }
    }

    /// The series' watermark, nil when nothing was delivered yet.
    public func watermark(series: SeriesKey) throws(OHLCVStoreError) -> Watermark? {
        try watermarks().first { $0.series == series }
    }

    /// Every watermark, ordered by series.
    public func watermarks() throws(OHLCVStoreError) -> [Watermark] {
        try query { connection in
            try connection.query(
                """
                SELECT s.exchange, s.symbol, s.interval, w.high_water_open_time, w.updated_at
                FROM watermarks w JOIN series s ON s.id = w.series_id ORDER BY s.exchange, s.symbol, s.interval
                """
            ) { row in
                Watermark(
                    series: try Self.seriesKey(row, exchange: 0, symbol: 1, interval: 2),
                    highWaterOpenTime: row.int64(at: 3), updatedAt: row.int64(at: 4))
            }
        }
    }

    /// Moves the series' watermark to `highWater` unless it is already there or further (a watermark never
    /// moves back); returns the watermark now in force.
    @discardableResult
    public func advanceWatermark(series: SeriesKey, to highWater: Int64, now: Int64) throws(OHLCVStoreError) -> Int64 {
        guard !isReadOnly else { throw .readOnly(path: root.path) }
        let (id, current): (Int64, Int64) = try transaction { connection in
            let id = try seriesID(series, in: connection, create: true, at: now)!
            try Self.advance(id, to: highWater, in: connection, at: now)
            let current = try connection.scalar(
                "SELECT high_water_open_time FROM watermarks WHERE series_id = ?1", arguments: [id], as: Int64.self)
            return (id, current ?? highWater)
        }
        seriesIDs[series] = id
        return current
    }

    private static func advance(_ id: Int64, to highWater: Int64, in connection: SQLiteConnection, at now: Int64) throws
    {
        try connection.execute(
            """
            INSERT INTO watermarks (series_id, high_water_open_time, updated_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (series_id) DO UPDATE SET high_water_open_time = excluded.high_water_open_time,
                updated_at = excluded.updated_at
            WHERE excluded.high_water_open_time > watermarks.high_water_open_time
            """,
            arguments: [id, highWater, now])
    }
}
