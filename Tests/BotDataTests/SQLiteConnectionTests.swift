import BotData
import Foundation
import Testing
import TestSupport

@Suite("SQLiteConnection")
struct SQLiteConnectionTests {
    @Test("a read-write database is in WAL mode with foreign keys, FULL sync and the busy timeout")
    func openSettings() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("settings.sqlite").path
            let connection = try SQLiteConnection(path: path)
            #expect(try connection.scalar("PRAGMA journal_mode", as: String.self) == "wal")
            #expect(try connection.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
            #expect(try connection.scalar("PRAGMA synchronous", as: Int.self) == 2)
            #expect(try connection.scalar("PRAGMA busy_timeout", as: Int.self) == 5000)

            let normal = try SQLiteConnection(
                path: path, configuration: SQLiteConfiguration(busyTimeout: .milliseconds(250), synchronous: .normal))
            #expect(try normal.scalar("PRAGMA synchronous", as: Int.self) == 1)
            #expect(try normal.scalar("PRAGMA busy_timeout", as: Int.self) == 250)
        }
    }

    @Test("foreign keys are enforced")
    func foreignKeys() throws {
        try withTemporaryDirectory { folder in
            let connection = try SQLiteConnection(path: folder.appendingPathComponent("fk.sqlite").path)
            try connection.execute(
                """
                CREATE TABLE parent(id INTEGER PRIMARY KEY);
                CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id));
                INSERT INTO parent(id) VALUES (1);
                """)
            try connection.execute("INSERT INTO child(parent_id) VALUES (?)", arguments: [1])
            let error = try #require(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO child(parent_id) VALUES (?)", arguments: [2])
            }
            #expect(error.code == .constraintForeignKey)
            #expect(error.isConstraint)
            #expect(try connection.scalar("SELECT count(*) FROM child", as: Int.self) == 1)
        }
    }

    @Test("integers round-trip", arguments: [Int64.min, Int64.max, 0, -1, (1 << 53) + 1] as [Int64])
    func integerRoundTrip(value: Int64) throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(v INTEGER)")
        try connection.execute("INSERT INTO t(v) VALUES (?)", arguments: [value])
        #expect(try connection.scalar("SELECT v FROM t", as: Int64.self) == value)
        #expect(try connection.scalar("SELECT typeof(v) FROM t", as: String.self) == "integer")
    }

    @Test(
        "doubles round-trip bit for bit",
        arguments: [0.1, .infinity, -.infinity, .greatestFiniteMagnitude, .leastNonzeroMagnitude, 1e-300] as [Double])
    func doubleRoundTrip(value: Double) throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(v REAL)")
        try connection.execute("INSERT INTO t(v) VALUES (?)", arguments: [value])
        let read = try #require(try connection.scalar("SELECT v FROM t", as: Double.self))
        #expect(read.bitPattern == value.bitPattern)
    }

    @Test("NaN is stored as NULL and -0.0 as 0, as SQLite does")
    func nanBecomesNull() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v REAL)")
        try connection.execute("INSERT INTO t(id, v) VALUES (1, ?)", arguments: [Double.nan])
        try connection.execute("INSERT INTO t(id, v) VALUES (2, ?)", arguments: [-0.0])
        #expect(try connection.scalar("SELECT v FROM t WHERE id = 1", as: Double?.self) == .some(nil))
        let zero = try #require(try connection.scalar("SELECT v FROM t WHERE id = 2", as: Double.self))
        #expect(zero == 0 && zero.sign == .plus)
    }

    @Test(
        "text round-trips as UTF-8, including empty text and an embedded NUL",
        arguments: ["zażółć gęślą jaźń 🚀 日本語", "", "a\u{0}b", String(repeating: "x", count: 100_000)])
    func textRoundTrip(value: String) throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(v TEXT)")
        try connection.execute("INSERT INTO t(v) VALUES (?)", arguments: [value])
        #expect(try connection.scalar("SELECT v FROM t", as: String.self) == value)
        #expect(try connection.scalar("SELECT length(CAST(v AS BLOB)) FROM t", as: Int.self) == value.utf8.count)
    }

    @Test("blobs round-trip; an empty blob stays an empty blob, not NULL")
    func blobRoundTrip() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)")
        let bytes: [UInt8] = Array(0...255)
        try connection.execute("INSERT INTO t(id, v) VALUES (1, ?)", arguments: [bytes])
        try connection.execute("INSERT INTO t(id, v) VALUES (2, ?)", arguments: [[UInt8]()])
        try connection.execute("INSERT INTO t(id, v) VALUES (3, ?)", arguments: [Data([9, 8, 7])])
        #expect(try connection.scalar("SELECT v FROM t WHERE id = 1", as: [UInt8].self) == bytes)
        #expect(try connection.scalar("SELECT v FROM t WHERE id = 2", as: SQLiteValue.self) == .blob([]))
        #expect(try connection.scalar("SELECT typeof(v) FROM t WHERE id = 2", as: String.self) == "blob")
        #expect(try connection.scalar("SELECT v FROM t WHERE id = 3", as: Data.self) == Data([9, 8, 7]))
    }

    @Test("NULL, Bool and Int bind and read back; optionals read NULL as nil")
    func nullAndBool() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(a, b, c, d)")
        let missing: String? = nil
        try connection.execute("INSERT INTO t VALUES (?, ?, ?, ?)", arguments: [nil, true, 42, missing])
        let rows = try connection.query("SELECT a, b, c, d FROM t") { row in
            (
                try row.value(at: 0, as: Int64?.self), try row.value(at: 1, as: Bool.self),
                try row.value(at: 2, as: Int.self), try row.value(named: "D", as: String?.self), row.isNull(at: 0)
            )
        }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.0 == nil && row.1 == true && row.2 == 42 && row.3 == nil && row.4)
    }

    @Test("named parameters bind with or without their prefix; columns read by name")
    func namedBinding() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(symbol TEXT, price REAL, volume INTEGER)")
        try connection.execute(
            "INSERT INTO t VALUES (:symbol, @price, $volume)",
            arguments: ["symbol": "BTC/USDT", "@price": 64_000.5, "volume": Int64(12)])
        let statement = try connection.prepare("SELECT volume, price, symbol AS name FROM t WHERE symbol = :s")
        try statement.bind("BTC/USDT", named: ":s")
        var seen = 0
        try statement.forEachRow { row throws in
            seen += 1
            #expect(try row.value(named: "name", as: String.self) == "BTC/USDT")
            #expect(try row.value(named: "PRICE", as: Double.self) == 64_000.5)
            #expect(try row.value(named: "volume", as: Int64.self) == 12)
            #expect(row.int64(at: 0) == 12)
            #expect(row.double(at: 1) == 64_000.5)
        }
        #expect(seen == 1)
        let error = try #require(throws: SQLiteError.self) { try statement.bind(1, named: "nope") }
        #expect(error.code == .range)
        #expect(error.description.contains("'nope'"))
    }

    @Test("a statement is reusable after reset; row iteration sees every row in order")
    func statementReuse() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v INTEGER)")
        let insert = try connection.prepare("INSERT INTO t(v) VALUES (?1)")
        for value in 1...100 {
            try insert.bind(value, at: 1)
            try insert.run()
            #expect(connection.lastInsertRowID == Int64(value))
            #expect(connection.changes == 1)
        }
        let values = try connection.query("SELECT v FROM t ORDER BY id") { row in
            try row.value(at: 0, as: Int.self)
        }
        #expect(values == Array(1...100))
        try connection.execute("UPDATE t SET v = v + 1 WHERE v > ?", arguments: [90])
        #expect(connection.changes == 10)
        #expect(connection.totalChanges == 110)
    }

    @Test("reading a value of the wrong type throws SQLITE_MISMATCH naming the column")
    func typeMismatch() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) {
            _ = try connection.query("SELECT 'abc' AS word") { row in
                try row.value(at: 0, as: Int64.self)
            }
        }
        #expect(error.code == .mismatch)
        #expect(error.description.contains("'word'"))
        #expect(error.description.contains("TEXT"))
        #expect(throws: SQLiteError.self) { try connection.scalar("SELECT NULL", as: Int64.self) }
    }

    @Test("prepare refuses SQL holding more than one statement; trailing comments are fine")
    func prepareOneStatement() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        _ = try connection.prepare("SELECT 1; -- a comment\n /* another */ ;")
        let error = try #require(throws: SQLiteError.self) { try connection.prepare("SELECT 1; SELECT 2") }
        #expect(error.code == .misuse)
    }

    @Test("execute runs a whole script and reports the failing statement's SQL only")
    func scriptFailure() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE a(x); INSERT INTO a VALUES (1); -- done\n")
        let error = try #require(throws: SQLiteError.self) {
            try connection.execute(
                "INSERT INTO a VALUES (2);\n INSERT INTO missing VALUES (1); INSERT INTO a VALUES (3);")
        }
        let sql = try #require(error.sql)
        #expect(sql.contains("INSERT INTO missing"))
        #expect(sql == "INSERT INTO missing VALUES (1);")
        #expect(error.message.contains("no such table: missing"))
        // Statements before the failure ran (execute is not a transaction); those after did not.
        #expect(try connection.scalar("SELECT group_concat(x) FROM a", as: String.self) == "1,2")
    }

    @Test("a read-only connection reads and refuses writes with SQLITE_READONLY")
    func readOnly() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("ro.sqlite").path
            do {
                let writer = try SQLiteConnection(path: path)
                try writer.execute("CREATE TABLE t(v); INSERT INTO t VALUES (7);")
            }
            let reader = try SQLiteConnection(path: path, configuration: .readOnly)
            #expect(try reader.scalar("SELECT v FROM t", as: Int.self) == 7)
            let error = try #require(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (8)") }
            #expect(error.code.primary == .readOnly)
        }
    }

    @Test("a garbage file fails to open with SQLITE_NOTADB naming the path")
    func garbageFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("garbage.sqlite").path
            let garbage = Data(String(repeating: "this is not a database, just text\n", count: 200).utf8)
            try garbage.write(to: URL(fileURLWithPath: path))
            for configuration in [SQLiteConfiguration(), .readOnly] {
                let error = try #require(throws: SQLiteError.self) {
                    try SQLiteConnection(path: path, configuration: configuration)
                }
                #expect(error.code == .notADatabase)
                #expect(error.path == path)
                #expect(error.description.contains(path))
                #expect(error.description.contains("not a SQLite database"))
            }
            // The failed opens closed their handles and left the file alone.
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
        }
    }

    @Test("a missing folder or missing read-only file fails with SQLITE_CANTOPEN naming the path")
    func cannotOpen() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("no/such/folder/db.sqlite").path
            let error = try #require(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
            #expect(error.code.primary == .cantOpen)
            #expect(error.description.contains(path))
            let missing = folder.appendingPathComponent("missing.sqlite").path
            let readOnly = try #require(throws: SQLiteError.self) {
                try SQLiteConnection(path: missing, configuration: .readOnly)
            }
            #expect(readOnly.code.primary == .cantOpen)
            #expect(!FileManager.default.fileExists(atPath: missing))
        }
    }

    @Test("the sqlite3 command reads a database we wrote")
    func sqlite3CommandReadsOurFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("shared.sqlite").path
            do {
                let connection = try SQLiteConnection(path: path)
                try connection.execute("CREATE TABLE candles(open_time INTEGER PRIMARY KEY, close REAL, symbol TEXT)")
                try connection.transaction { connection in
                    let insert = try connection.prepare("INSERT INTO candles VALUES (?, ?, ?)")
                    for index in 0..<3 {
                        let openTime = Int64(1_700_000_000_000) + Int64(index) * 60_000
                        try insert.bind([openTime, 100.25 + Double(index), "BTC/USDT"])
                        try insert.run()
                    }
                }
            }
            let result = try Oracle.command(
                "sqlite3",
                ["-readonly", path, "PRAGMA journal_mode; SELECT open_time, close, symbol FROM candles ORDER BY 1;"])
            #expect(result.status == 0, "sqlite3 failed: \(result.errorText)")
            #expect(
                result.outputText
                    == "wal\n1700000000000|100.25|BTC/USDT\n1700000060000|101.25|BTC/USDT\n"
                    + "1700000120000|102.25|BTC/USDT\n")
        }
    }
}
