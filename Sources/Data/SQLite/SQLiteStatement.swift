import CSQLite

/// A compiled SQL statement: bind arguments, step through rows, reset, repeat.
///
/// Parameters are numbered from 1 (SQLite's convention); columns from 0. The statement keeps its
/// connection alive and is finalized when released. Not `Sendable`, like its connection.
public final class SQLiteStatement {
    /// The SQL text, as written (bound values are never part of it).
    public let sql: String
    /// The connection that compiled the statement.
    public let connection: SQLiteConnection

    let handle: OpaquePointer
    private var columnIndexes: [String: Int32]?

    init(connection: SQLiteConnection, sql: String) throws(SQLiteError) {
        self.connection = connection
        self.sql = sql
        var compiled: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        var trailing = ""
        let status = sql.withCString { start in
            let status = sqlite3_prepare_v2(connection.handle, start, -1, &compiled, &tail)
            if let tail { trailing = String(cString: tail) }
            return status
        }
        guard status == SQLITE_OK else {
            sqlite3_finalize(compiled)
            throw connection.error(code: status, sql: sql)
        }
        guard let compiled else {
            throw connection.misuse("the SQL holds no statement", sql: sql)
        }
        handle = compiled
        if !Self.isBlankOrComment(trailing) {
            // `deinit` finalizes `handle`.
            throw connection.misuse(
                "prepare() compiles one statement but more follow; use execute(_:) for scripts", sql: sql)
        }
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Binding

    /// The number of parameters (the largest `?NNN` index).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Binds `value` (nil binds NULL) to the parameter at `index` (1-based).
    public func bind(_ value: (any SQLiteValueConvertible)?, at index: Int) throws(SQLiteError) {
        guard index >= 1, index <= parameterCount else {
            throw connection.misuse(
                "parameter index \(index) is out of range (the statement has \(parameterCount))",
                code: .range, sql: sql)
        }
        try bind(value?.sqliteValue ?? .null, at: Int32(index))
    }

    /// Binds `value` to a named parameter; `name` may carry its prefix (`:id`, `@id`, `$id`) or not (`id`).
    public func bind(_ value: (any SQLiteValueConvertible)?, named name: String) throws(SQLiteError) {
        let candidates = name.first.map { ":@$".contains($0) } == true ? [name] : [":" + name, "@" + name, "$" + name]
        for candidate in candidates {
            let index = sqlite3_bind_parameter_index(handle, candidate)
            if index > 0 {
                try bind(value?.sqliteValue ?? .null, at: index)
                return
            }
        }
        throw connection.misuse("the statement has no parameter named '\(name)'", code: .range, sql: sql)
    }

    /// Binds `values` to parameters 1, 2, …; the count must match the statement's.
    public func bind(_ values: [(any SQLiteValueConvertible)?]) throws(SQLiteError) {
        guard values.count == parameterCount else {
            throw connection.misuse(
                "\(values.count) arguments given for \(parameterCount) parameters", code: .range, sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value?.sqliteValue ?? .null, at: Int32(offset + 1))
        }
    }

    /// Binds each named value (see ``bind(_:named:)``).
    public func bind(_ values: [String: (any SQLiteValueConvertible)?]) throws(SQLiteError) {
        for (name, value) in values {
            try bind(value, named: name)
        }
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    private func bind(_ value: SQLiteValue, at index: Int32) throws(SQLiteError) {
        let status: Int32
        switch value {
        case .null:
            status = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            status = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            status = sqlite3_bind_double(handle, index, real)
        case .text(var text):
            status = text.withUTF8 { bytes in
                // A nil pointer would bind NULL, so the empty string gets a real (empty) C string.
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, index, "", 0, botcore_sqlite_transient())
                }
                return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(handle, index, $0, Int32(bytes.count), botcore_sqlite_transient())
                }
            }
        case .blob(let bytes):
            status = bytes.withUnsafeBytes { raw in
                // Likewise a nil pointer would bind NULL; an empty blob is a zero-length blob.
                guard let base = raw.baseAddress, !raw.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob(handle, index, base, Int32(raw.count), botcore_sqlite_transient())
            }
        }
        guard status == SQLITE_OK else { throw connection.error(code: status, sql: sql) }
    }

    // MARK: - Stepping

    /// Advances to the next row: true when a row is available (read it through ``row``), false when done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let status = sqlite3_step(handle)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            // Reset so the statement can be retried (after SQLITE_BUSY, say); reset repeats the error code,
            // which we already have.
            let error = connection.error(code: status, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs the statement to completion, discarding rows, then resets it so it can run again.
    public func run() throws(SQLiteError) {
        defer { reset() }
        while try step() {}
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// The current row; valid after ``step()`` returned true and until the next step or reset.
    public var row: SQLiteRow { SQLiteRow(statement: self) }

    /// Calls `body` with every remaining row, then resets the statement. Rethrows the body's errors as they
    /// are; SQLite's are ``SQLiteError``.
    public func forEachRow(_ body: (SQLiteRow) throws -> Void) throws {
        defer { reset() }
        while try step() {
            try body(row)
        }
    }

    /// Maps every remaining row, then resets the statement.
    public func map<T>(_ transform: (SQLiteRow) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow { row in results.append(try transform(row)) }
        return results
    }

    // MARK: - Columns

    /// The number of columns a row has.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of column `index` (as the query spells it, `AS` aliases included).
    public func columnName(at index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    /// The index of the column called `name` (compared without regard to ASCII case, as SQL does).
    func columnIndex(named name: String) throws(SQLiteError) -> Int32 {
        if columnIndexes == nil {
            var indexes: [String: Int32] = [:]
            for index in 0..<Int32(columnCount) where indexes[columnName(at: Int(index)).lowercased()] == nil {
                indexes[columnName(at: Int(index)).lowercased()] = index
            }
            columnIndexes = indexes
        }
        guard let index = columnIndexes?[name.lowercased()] else {
            throw connection.misuse("the result has no column named '\(name)'", code: .range, sql: sql)
        }
        return index
    }

    private static func isBlankOrComment(_ text: String) -> Bool {
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            if rest.isEmpty { return true }
            if rest.hasPrefix("--") {
                rest = rest.drop(while: { $0 != "\n" })
            } else if rest.hasPrefix("/*") {
                guard let end = rest.firstRange(of: "*/") else { return true }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix(";") {
                rest = rest.dropFirst()
            } else {
                return false
            }
        }
    }
}
