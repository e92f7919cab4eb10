import BotData
import Foundation
import Testing
import TestSupport

@Suite("SQLiteMigrator")
struct SQLiteMigratorTests {
    private let first = [
        SQLiteMigration("create_series", sql: "CREATE TABLE series(id INTEGER PRIMARY KEY, symbol TEXT NOT NULL)"),
        SQLiteMigration("seed_series") { connection in
            try connection.execute("INSERT INTO series(symbol) VALUES (?)", arguments: ["BTC/USDT"])
        },
    ]

    @Test("migrations apply once, in order, and a second run is a no-op")
    func appliesOnce() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("schema.sqlite").path
            let connection = try SQLiteConnection(path: path)
            let migrator = SQLiteMigrator(first)
            #expect(try migrator.currentVersion(of: connection) == 0)
            #expect(try migrator.migrate(connection) == ["create_series", "seed_series"])
            #expect(try migrator.migrate(connection) == [])
            #expect(try migrator.currentVersion(of: connection) == 2)
            #expect(try connection.scalar("SELECT count(*) FROM series", as: Int.self) == 1)

            // A later release appends a migration: only it runs, also on a fresh connection.
            let reopened = try SQLiteConnection(path: path)
            let extended = SQLiteMigrator(
                first + [SQLiteMigration("add_exchange", sql: "ALTER TABLE series ADD COLUMN exchange TEXT")])
            #expect(try extended.migrate(reopened) == ["add_exchange"])
            #expect(try extended.currentVersion(of: reopened) == 3)
            #expect(try reopened.scalar("SELECT count(*) FROM series", as: Int.self) == 1)
        }
    }

    @Test("a failing migration applies nothing and leaves the version unchanged")
    func failureRollsBack() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let broken = first + [SQLiteMigration("broken", sql: "CREATE TABLE ok(x); INSERT INTO nowhere VALUES (1);")]
        let error = try #require(throws: SQLiteMigrationError.self) { try SQLiteMigrator(broken).migrate(connection) }
        guard case .migrationFailed(_, let version, let name, let reason) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(version == 3 && name == "broken")
        #expect(reason.contains("no such table: nowhere"))
        #expect(try connection.scalar("PRAGMA user_version", as: Int.self) == 0)
        #expect(try connection.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 0)
    }

    @Test("a database from a newer release is refused")
    func newerSchema() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("PRAGMA user_version = 5")
        let error = try #require(throws: SQLiteMigrationError.self) { try SQLiteMigrator(first).migrate(connection) }
        #expect(error == .newerSchema(path: ":memory:", version: 5, latest: 2))
        #expect(error.description.contains("newer release"))
    }
}
