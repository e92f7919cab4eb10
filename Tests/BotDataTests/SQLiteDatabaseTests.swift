import BotData
import Foundation
import Testing
import TestSupport

private struct DeliberateFailure: Error {}

@Suite("SQLiteDatabase")
struct SQLiteDatabaseTests {
    private let schema = [SQLiteMigration("create", sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, task INTEGER)")]

    @Test("concurrent writers are serialized and every write lands")
    func concurrentWrites() async throws {
        try await withTemporaryDirectory { folder in
            let database = try SQLiteDatabase(path: folder.appendingPathComponent("actor.sqlite").path)
            #expect(try await database.migrate(schema) == ["create"])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<16 {
                    group.addTask {
                        try await database.write { connection in
                            try connection.execute("INSERT INTO t(task) VALUES (?)", arguments: [task])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let count = try await database.read { try $0.scalar("SELECT count(DISTINCT task) FROM t", as: Int.self) }
            #expect(count == 16)
        }
    }

    @Test("write rolls back on a thrown error; read refuses writes")
    func writeAndRead() async throws {
        try await withTemporaryDirectory { folder in
            let database = try SQLiteDatabase(path: folder.appendingPathComponent("rw.sqlite").path)
            try await database.migrate(schema)
            let rowID = try await database.write { connection in
                try connection.execute("INSERT INTO t(task) VALUES (1)")
                return connection.lastInsertRowID
            }
            #expect(rowID == 1)
            await #expect(throws: DeliberateFailure.self) {
                try await database.write { connection in
                    try connection.execute("INSERT INTO t(task) VALUES (2)")
                    throw DeliberateFailure()
                }
            }
            let error = await #expect(throws: SQLiteError.self) {
                try await database.read { connection in try connection.execute("INSERT INTO t(task) VALUES (3)") }
            }
            #expect(error?.code.primary == .readOnly)
            // After a read the connection writes again.
            try await database.write { connection in try connection.execute("INSERT INTO t(task) VALUES (4)") }
            let tasks = try await database.read { connection in
                try connection.query("SELECT task FROM t ORDER BY id") { row in
                    try row.value(at: 0, as: Int.self)
                }
            }
            #expect(tasks == [1, 4])
        }
    }
}
