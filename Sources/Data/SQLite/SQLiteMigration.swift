/// One step of a schema: SQL or code run once, in order, tracked by `PRAGMA user_version`.
///
/// Migrations run inside a transaction, where SQLite ignores `PRAGMA foreign_keys` and `journal_mode`
/// changes; rebuild a table with the usual create-copy-drop-rename steps instead.
public struct SQLiteMigration: Sendable {
    /// A short name for messages (`create_series`).
    public let name: String
    let apply: @Sendable (SQLiteConnection) throws -> Void

    /// A migration that runs an SQL script.
    public init(_ name: String, sql: String) {
        self.name = name
        self.apply = { connection in try connection.execute(sql) }
    }

    /// A migration that runs code (data backfills, conditional changes).
    public init(_ name: String, apply: @escaping @Sendable (SQLiteConnection) throws -> Void) {
        self.name = name
        self.apply = apply
    }
}
