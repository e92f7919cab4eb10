/// A SQLite result code, primary (`19`) or extended (`2067`, `SQLITE_CONSTRAINT_UNIQUE`).
///
/// Extended codes keep the primary code in their low 8 bits, so ``primary`` recovers it from either form.
public struct SQLiteResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The numeric code as SQLite reports it.
    public let rawValue: Int32

    /// Wraps a code returned by SQLite.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The primary code (the low 8 bits): `SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_UNIQUE`.
    public var primary: SQLiteResultCode { SQLiteResultCode(rawValue: rawValue & 0xFF) }

    /// The C name of the code (`SQLITE_CONSTRAINT_UNIQUE`), or of its primary code when the extended code
    /// is not one we name, or `SQLITE_<number>` when neither is known.
    public var name: String {
        Self.names[rawValue] ?? Self.names[rawValue & 0xFF] ?? "SQLITE_\(rawValue)"
    }

    public var description: String { "\(rawValue) (\(name))" }

    // MARK: - Codes the wrapper looks at

    public static let ok = SQLiteResultCode(rawValue: 0)
    public static let error = SQLiteResultCode(rawValue: 1)
    public static let busy = SQLiteResultCode(rawValue: 5)
    public static let locked = SQLiteResultCode(rawValue: 6)
    public static let readOnly = SQLiteResultCode(rawValue: 8)
    public static let cantOpen = SQLiteResultCode(rawValue: 14)
    public static let constraint = SQLiteResultCode(rawValue: 19)
    public static let mismatch = SQLiteResultCode(rawValue: 20)
    public static let misuse = SQLiteResultCode(rawValue: 21)
    public static let range = SQLiteResultCode(rawValue: 25)
    public static let notADatabase = SQLiteResultCode(rawValue: 26)
    public static let row = SQLiteResultCode(rawValue: 100)
    public static let done = SQLiteResultCode(rawValue: 101)
    public static let constraintForeignKey = SQLiteResultCode(rawValue: 19 | 3 << 8)
    public static let constraintNotNull = SQLiteResultCode(rawValue: 19 | 5 << 8)
    public static let constraintPrimaryKey = SQLiteResultCode(rawValue: 19 | 6 << 8)
    public static let constraintUnique = SQLiteResultCode(rawValue: 19 | 8 << 8)

    // The values are SQLite's documented numbers (https://sqlite.org/rescode.html); the header's macros for
    // extended codes are expressions Swift does not import.
    private static let names: [Int32: String] = {
        var table: [Int32: String] = [
            0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT",
            5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY",
            9: "SQLITE_INTERRUPT", 10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 12: "SQLITE_NOTFOUND",
            13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN", 15: "SQLITE_PROTOCOL", 16: "SQLITE_EMPTY",
            17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH",
            21: "SQLITE_MISUSE", 22: "SQLITE_NOLFS", 23: "SQLITE_AUTH", 24: "SQLITE_FORMAT",
            25: "SQLITE_RANGE", 26: "SQLITE_NOTADB", 27: "SQLITE_NOTICE", 28: "SQLITE_WARNING",
            100: "SQLITE_ROW", 101: "SQLITE_DONE",
        ]
        let extended: [(primary: Int32, index: Int32, suffix: String)] = [
            (4, 2, "ABORT_ROLLBACK"),
            (5, 1, "BUSY_RECOVERY"), (5, 2, "BUSY_SNAPSHOT"), (5, 3, "BUSY_TIMEOUT"),
            (6, 1, "LOCKED_SHAREDCACHE"), (6, 2, "LOCKED_VTAB"),
            (8, 1, "READONLY_RECOVERY"), (8, 2, "READONLY_CANTLOCK"), (8, 3, "READONLY_ROLLBACK"),
            (8, 4, "READONLY_DBMOVED"), (8, 5, "READONLY_CANTINIT"), (8, 6, "READONLY_DIRECTORY"),
            (10, 1, "IOERR_READ"), (10, 2, "IOERR_SHORT_READ"), (10, 3, "IOERR_WRITE"),
            (10, 4, "IOERR_FSYNC"), (10, 5, "IOERR_DIR_FSYNC"), (10, 6, "IOERR_TRUNCATE"),
            (10, 7, "IOERR_FSTAT"), (10, 8, "IOERR_UNLOCK"), (10, 9, "IOERR_RDLOCK"),
            (10, 10, "IOERR_DELETE"), (10, 12, "IOERR_NOMEM"), (10, 13, "IOERR_ACCESS"),
            (10, 15, "IOERR_LOCK"), (10, 16, "IOERR_CLOSE"), (10, 18, "IOERR_SHMOPEN"),
            (10, 19, "IOERR_SHMSIZE"), (10, 21, "IOERR_SHMMAP"), (10, 22, "IOERR_SEEK"),
            (10, 23, "IOERR_DELETE_NOENT"), (10, 24, "IOERR_MMAP"), (10, 26, "IOERR_CONVPATH"),
            (11, 1, "CORRUPT_VTAB"), (11, 2, "CORRUPT_SEQUENCE"), (11, 3, "CORRUPT_INDEX"),
            (14, 1, "CANTOPEN_NOTEMPDIR"), (14, 2, "CANTOPEN_ISDIR"), (14, 3, "CANTOPEN_FULLPATH"),
            (14, 4, "CANTOPEN_CONVPATH"), (14, 6, "CANTOPEN_SYMLINK"),
            (19, 1, "CONSTRAINT_CHECK"), (19, 2, "CONSTRAINT_COMMITHOOK"), (19, 3, "CONSTRAINT_FOREIGNKEY"),
            (19, 4, "CONSTRAINT_FUNCTION"), (19, 5, "CONSTRAINT_NOTNULL"), (19, 6, "CONSTRAINT_PRIMARYKEY"),
            (19, 7, "CONSTRAINT_TRIGGER"), (19, 8, "CONSTRAINT_UNIQUE"), (19, 9, "CONSTRAINT_VTAB"),
            (19, 10, "CONSTRAINT_ROWID"), (19, 11, "CONSTRAINT_PINNED"), (19, 12, "CONSTRAINT_DATATYPE"),
        ]
        for entry in extended {
            table[entry.primary | entry.index << 8] = "SQLITE_" + entry.suffix
        }
        return table
    }()
}
