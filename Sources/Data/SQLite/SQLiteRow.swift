import CSQLite

/// The current row of a stepping ``SQLiteStatement``; read it before the next step.
public struct SQLiteRow {
    /// The statement the row belongs to.
    public let statement: SQLiteStatement

    /// The number of columns.
    public var count: Int { statement.columnCount }

    /// True when column `index` (0-based) holds NULL.
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(statement.handle, Int32(index)) == SQLITE_NULL
    }

    /// The raw value of column `index` (0-based), with SQLite's storage class.
    public func value(at index: Int) throws(SQLiteError) -> SQLiteValue {
        guard index >= 0, index < count else {
            throw statement.connection.misuse(
                "column index \(index) is out of range (the row has \(count) columns)", code: .range,
                sql: statement.sql)
        }
        return rawValue(at: Int32(index))
    }

    /// Column `index` (0-based) as `T`; throws SQLITE_MISMATCH when the stored value does not fit `T`
    /// (NULL into a non-optional, text into an integer). Read optionals (`Int64?`) for nullable columns.
    public func value<T: SQLiteValueConvertible>(at index: Int, as type: T.Type = T.self) throws(SQLiteError) -> T {
        let raw = try value(at: index)
        guard let converted = T(sqliteValue: raw) else {
            throw statement.connection.misuse(
                "column \(index) ('\(statement.columnName(at: index))') holds \(raw.storageClass), "
                    + "which cannot be read as \(T.self)",
                code: .mismatch, sql: statement.sql)
        }
        return converted
    }

    /// The column called `name` as `T` (see ``value(at:as:)``).
    public func value<T: SQLiteValueConvertible>(
        named name: String, as type: T.Type = T.self
    ) throws(SQLiteError) -> T {
        try value(at: Int(statement.columnIndex(named: name)), as: T.self)
    }

    // The typed getters below skip the `SQLiteValue` step for hot loops that know their schema.

    /// Column `index` as an integer; NULL reads as 0, as in SQLite.
    public func int64(at index: Int) -> Int64 { sqlite3_column_int64(statement.handle, Int32(index)) }

    /// Column `index` as a double; NULL reads as 0.0, as in SQLite.
    public func double(at index: Int) -> Double { sqlite3_column_double(statement.handle, Int32(index)) }

    private func rawValue(at index: Int32) -> SQLiteValue {
        let handle = statement.handle
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Pointer first, then the byte count, as the SQLite docs require.
            let text = sqlite3_column_text(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let text else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let blob = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let blob, count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: blob, count: count)))
        default:
            return .null
        }
    }
}
