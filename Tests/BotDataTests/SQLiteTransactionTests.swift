import BotData
import Foundation
import Testing
import TestSupport

private struct DeliberateFailure: Error {}

@Suite("SQLite transactions")
struct SQLiteTransactionTests {
    private func makeTable(_ connection: SQLiteConnection) throws {
        try connection.execute("CREATE TABLE t(x INTEGER UNIQUE)")
    }

    private func values(_ connection: SQLiteConnection) throws -> [Int] {
        try connection.query("SELECT x FROM t ORDER BY x") { row in try row.value(at: 0) }
    }

    @Test("commits when the body returns")
    func commit() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try makeTable(connection)
        let result = try connection.transaction { connection in
            try connection.execute("INSERT INTO t VALUES (1), (2)")
            return connection.changes
        }
        #expect(result == 2)
        #expect(!connection.isInTransaction)
        #expect(try values(connection) == [1, 2])
    }

    @Test("a Swift error thrown by the body rolls everything back and is rethrown as is")
    func rollbackOnSwiftError() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try makeTable(connection)
        try connection.execute("INSERT INTO t VALUES (1)")
        #expect(throws: DeliberateFailure.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (2)")
                throw DeliberateFailure()
            }
        }
        #expect(!connection.isInTransaction)
        #expect(try values(connection) == [1])
    }

    @Test("an SQLite error inside the body rolls back earlier statements of the transaction")
    func rollbackOnSQLiteError() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try makeTable(connection)
        try connection.execute("INSERT INTO t VALUES (1)")
        let error = try #require(throws: SQLiteError.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (2)")
                try connection.execute("INSERT INTO t VALUES (1)")
            }
        }
        #expect(error.code == .constraintUnique)
        #expect(try values(connection) == [1])
    }

    @Test("nested transactions are savepoints: an inner failure undoes only the inner work")
    func nestedSavepoint() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try makeTable(connection)
        try connection.transaction { connection in
            try connection.execute("INSERT INTO t VALUES (1)")
            do {
                try connection.transaction { connection in
                    try connection.execute("INSERT INTO t VALUES (2)")
                    throw DeliberateFailure()
                }
            } catch is DeliberateFailure {}
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (3)")
            }
        }
        #expect(try values(connection) == [1, 3])

        // An inner failure left uncaught rolls back the outer transaction too.
        #expect(throws: DeliberateFailure.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (4)")
                try connection.transaction { _ in throw DeliberateFailure() }
            }
        }
        #expect(try values(connection) == [1, 3])
        #expect(!connection.isInTransaction)
    }

    @Test("a unique violation reports code 19, the path and the SQL, never the bound value")
    func constraintErrorHidesValues() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("secrets.sqlite").path
            let connection = try SQLiteConnection(path: path)
            try connection.execute("CREATE TABLE credentials(api_key TEXT UNIQUE)")
            let secret = "sk-live-0123456789abcdef"
            try connection.execute("INSERT INTO credentials(api_key) VALUES (?)", arguments: [secret])
            let error = try #require(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO credentials(api_key) VALUES (?)", arguments: [secret])
            }
            #expect(error.primaryCode == 19)
            #expect(error.code == .constraintUnique)
            #expect(error.isConstraint && !error.isBusy)
            #expect(error.path == path)
            #expect(error.sql == "INSERT INTO credentials(api_key) VALUES (?)")
            #expect(
                error.description
                    == "SQLite error 19 (SQLITE_CONSTRAINT_UNIQUE): UNIQUE constraint failed: credentials.api_key"
                    + " — database \(path) while executing `INSERT INTO credentials(api_key) VALUES (?)`")
            #expect(!error.description.contains(secret))
            #expect(!String(reflecting: error).contains(secret))
        }
    }

    @Test("a second writer waits for the busy timeout, then fails with SQLITE_BUSY; it succeeds once free")
    func busyBetweenConnections() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("busy.sqlite").path
            let first = try SQLiteConnection(path: path)
            try makeTable(first)
            let second = try SQLiteConnection(
                path: path, configuration: SQLiteConfiguration(busyTimeout: .milliseconds(20)))
            try first.execute("BEGIN IMMEDIATE TRANSACTION; INSERT INTO t VALUES (1);")

            let plain = try #require(throws: SQLiteError.self) { try second.execute("INSERT INTO t VALUES (2)") }
            #expect(plain.isBusy)
            #expect(plain.code.primary == .busy)
            #expect(plain.description.contains(path))
            let transactional = try #require(throws: SQLiteError.self) {
                try second.transaction { connection in try connection.execute("INSERT INTO t VALUES (3)") }
            }
            #expect(transactional.isBusy)
            #expect(!second.isInTransaction)
            // WAL: the reader still sees the last committed state while the writer works.
            #expect(try values(second) == [])

            try first.execute("COMMIT")
            try second.transaction { connection in try connection.execute("INSERT INTO t VALUES (2)") }
            #expect(try values(first) == [1, 2])
        }
    }
}
