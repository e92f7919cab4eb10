import CSQLite

/// One open SQLite database connection.
///
/// The class owns the C handle and closes it when released, so it is deliberately not `Sendable`: use it
/// from one isolation domain, normally inside ``SQLiteDatabase/read(_:)`` or ``SQLiteDatabase/write(_:)``,
/// and never store it outside that closure.
public final class SQLiteConnection {
    /// The database file as given when opening (`:memory:` for an in-memory database).
    public let path: String
    /// The configuration the connection was opened with.
    public let configuration: SQLiteConfiguration

    let handle: OpaquePointer
    var savepointDepth = 0

    /// Opens (and for read-write connections, creates) the database at `path`, switches it to WAL, sets the
    /// busy timeout, foreign keys and synchronous level.
    ///
    /// - Throws: ``SQLiteError`` naming the path when the file cannot be opened or is not a database.
    public init(path: String, configuration: SQLiteConfiguration = SQLiteConfiguration()) throws(SQLiteError) {
        self.path = path
        self.configuration = configuration
        var flags = SQLITE_OPEN_NOMUTEX
        if configuration.readOnly {
            flags |= SQLITE_OPEN_READONLY
        } else {
            flags |= SQLITE_OPEN_READWRITE
            if configuration.createIfMissing { flags |= SQLITE_OPEN_CREATE }
        }
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, flags, nil)
        guard let opened else {
            throw SQLiteError(code: SQLiteResultCode(rawValue: status), message: "out of memory", path: path)
        }
        guard status == SQLITE_OK else {
            // sqlite3_open_v2 hands back a handle even on failure; it must still be closed
            // (https://sqlite.org/c3ref/open.html), after reading its message.
            let message = String(cString: sqlite3_errmsg(opened))
            let code = sqlite3_extended_errcode(opened)
            sqlite3_close_v2(opened)
            throw SQLiteError(code: SQLiteResultCode(rawValue: code), message: message, path: path)
        }
        handle = opened
        // From here on `deinit` closes the handle if a setup step throws.
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, configuration.busyTimeoutMilliseconds)
        try configure()
    }

    deinit {
        // Statements keep their connection alive, so none of ours is left; finalize any stray ones anyway so
        // close_v2 does not leave a zombie handle behind.
        while let statement = sqlite3_next_stmt(handle, nil) {
            sqlite3_finalize(statement)
        }
        sqlite3_close_v2(handle)
    }

    /// Applies the pragmas; the first statement is also the first read of the file, so a garbage file fails
    /// here with SQLITE_NOTADB.
    private func configure() throws(SQLiteError) {
        try execute("PRAGMA foreign_keys = ON")
        if configuration.readOnly {
            // A read-only connection cannot change the journal mode; reading the schema still proves the file
            // is a database.
            _ = try scalar("PRAGMA schema_version", as: Int64.self)
            return
        }
        let mode = try scalarText("PRAGMA journal_mode = WAL")?.lowercased()
        if mode != "wal" && !isInMemory {
            throw SQLiteError(
                code: .error,
                message: "the database refused WAL journal mode (it answered '\(mode ?? "nothing")'); "
                    + "WAL needs a local file system with shared-memory support",
                path: path, sql: "PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA synchronous = \(configuration.synchronous.rawValue)")
    }

    private var isInMemory: Bool {
        path.isEmpty || path == ":memory:" || path.hasPrefix("file::memory:")
    }

    // MARK: - Running SQL

    /// Runs every statement of `sql` in order (a migration script, a group of pragmas); rows are discarded.
    ///
    /// Stops at the first failing statement and throws an error naming that statement's SQL.
    public func execute(_ sql: String) throws(SQLiteError) {
        var utf8 = Array(sql.utf8)
        utf8.append(0)
        let count = utf8.count
        try utf8.withUnsafeBufferPointer { (buffer) throws(SQLiteError) in
            guard let base = buffer.baseAddress else { return }
            // `sqlite3_prepare_v2` takes `const char *`; our UTF-8 bytes are the same memory.
            try base.withMemoryRebound(to: CChar.self, capacity: count) { (start) throws(SQLiteError) in
                var cursor: UnsafePointer<CChar>? = start
                while let current = cursor, current.pointee != 0 {
                    var statement: OpaquePointer?
                    var tail: UnsafePointer<CChar>?
                    let status = sqlite3_prepare_v2(handle, current, -1, &statement, &tail)
                    guard status == SQLITE_OK else {
                        let failed = tail.map { Self.text(from: current, to: $0) } ?? String(cString: current)
                        throw error(code: status, sql: failed.trimmingWhitespace())
                    }
                    cursor = tail
                    // Whitespace or a comment at the end compiles to no statement.
                    guard let statement else { continue }
                    defer { sqlite3_finalize(statement) }
                    var step = sqlite3_step(statement)
                    while step == SQLITE_ROW { step = sqlite3_step(statement) }
                    guard step == SQLITE_DONE else {
                        throw error(code: step, sql: String(cString: sqlite3_sql(statement)).trimmingWhitespace())
                    }
                }
            }
        }
    }

    /// Runs one statement with positional arguments (bound to `?1`, `?2`, …), discarding rows.
    public func execute(_ sql: String, arguments: [(any SQLiteValueConvertible)?]) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs one statement with named arguments (`:name`, `@name` or `$name`), discarding rows.
    public func execute(_ sql: String, arguments: [String: (any SQLiteValueConvertible)?]) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Compiles one SQL statement. Only the first statement of `sql` is used; trailing text other than
    /// whitespace and comments is refused so a forgotten statement does not go unnoticed.
    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// Runs a query and maps every row; `transform` must copy what it needs, the row is only valid inside it.
    public func query<T>(
        _ sql: String, arguments: [(any SQLiteValueConvertible)?] = [],
        _ transform: (SQLiteRow) throws -> T
    ) throws -> [T] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.map(transform)
    }

    /// The first column of the first row, or nil when the query returns no row.
    public func scalar<T: SQLiteValueConvertible>(
        _ sql: String, arguments: [(any SQLiteValueConvertible)?] = [], as type: T.Type = T.self
    ) throws(SQLiteError) -> T? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        guard try statement.step() else { return nil }
        return try statement.row.value(at: 0, as: T.self)
    }

    private func scalarText(_ sql: String) throws(SQLiteError) -> String? {
        try scalar(sql, as: String?.self) ?? nil
    }

    // MARK: - State

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows changed since the connection opened.
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// True while a transaction (or savepoint) is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: - Errors

    /// An error for `code` with the connection's current message.
    func error(code: Int32, sql: String?) -> SQLiteError {
        let message = String(cString: sqlite3_errmsg(handle))
        return SQLiteError(code: SQLiteResultCode(rawValue: code), message: message, path: path, sql: sql)
    }

    /// The wrapper's own error for a misuse detected before calling SQLite.
    func misuse(_ message: String, code: SQLiteResultCode = .misuse, sql: String?) -> SQLiteError {
        SQLiteError(code: code, message: message, path: path, sql: sql)
    }

    private static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>) -> String {
        let length = end - start
        return start.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
