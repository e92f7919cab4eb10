/// A SQLite database shared across tasks: an actor owning one ``SQLiteConnection``.
///
/// Access is closure-scoped: ``read(_:)`` and ``write(_:)`` hand the connection to a closure that must not
/// keep it. The actor runs on its own serial dispatch queue (see `SQLiteQueueExecutor`) because SQLite
/// calls block, and must not hold up Swift's cooperative thread pool.
///
/// ```swift
/// let database = try SQLiteDatabase(path: url.path)
/// try await database.migrate(schema)
/// let count = try await database.read { try $0.scalar("SELECT count(*) FROM series", as: Int.self) ?? 0 }
/// ```
public actor SQLiteDatabase {
    /// The database file.
    public nonisolated let path: String

    private let executor: SQLiteQueueExecutor
    private let connection: SQLiteConnection

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    /// Opens the database (see ``SQLiteConnection/init(path:configuration:)``).
    public init(path: String, configuration: SQLiteConfiguration = SQLiteConfiguration()) throws(SQLiteError) {
        self.path = path
        self.executor = SQLiteQueueExecutor(label: "botcore.sqlite")
        self.connection = try SQLiteConnection(path: path, configuration: configuration)
    }

    /// Runs `body` in an IMMEDIATE transaction, committed when it returns and rolled back when it throws.
    public func write<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try connection.transaction(.immediate, body)
    }

    /// Runs `body` in a deferred transaction, so every query sees one snapshot, with writes refused
    /// (`PRAGMA query_only`): a write inside fails with SQLITE_READONLY.
    public func read<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let connection = connection
        if connection.configuration.readOnly {
            return try connection.transaction(.deferred, body)
        }
        try connection.execute("PRAGMA query_only = ON")
        defer { try? connection.execute("PRAGMA query_only = OFF") }
        return try connection.transaction(.deferred, body)
    }

    /// Applies the pending migrations (see ``SQLiteMigrator/migrate(_:)``) and returns their names.
    @discardableResult
    public func migrate(_ migrations: [SQLiteMigration]) throws -> [String] {
        try SQLiteMigrator(migrations).migrate(connection)
    }
}
