/// A failure reported by SQLite, or a misuse of the wrapper detected before SQLite was called.
///
/// It names the database and the SQL that failed, never the values bound to it: those may be secrets
/// (API keys in a credentials table, signed payloads). Codes are extended (`2067`), so both
/// ``primaryCode`` and ``code`` are available.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, 2067).
    public let code: SQLiteResultCode
    /// SQLite's message (`UNIQUE constraint failed: t.x`), or the wrapper's for misuse.
    public let message: String
    /// The database file (`:memory:` for an in-memory database).
    public let path: String
    /// The SQL that failed, without bound values; nil when no statement was involved (opening).
    public let sql: String?

    /// Creates an error; the wrapper makes these from SQLite's answers.
    public init(code: SQLiteResultCode, message: String, path: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.sql = sql
    }

    /// The primary result code (19 for every constraint failure).
    public var primaryCode: Int32 { code.primary.rawValue }

    /// True when another connection holds a lock the operation needed (SQLITE_BUSY or SQLITE_LOCKED):
    /// retrying later may succeed.
    public var isBusy: Bool { code.primary == .busy || code.primary == .locked }

    /// True for a constraint violation (UNIQUE, NOT NULL, CHECK, FOREIGN KEY, PRIMARY KEY).
    public var isConstraint: Bool { code.primary == .constraint }

    public var description: String {
        var text = "SQLite error \(primaryCode) (\(code.name)): \(message) — database \(displayPath)"
        if let sql {
            text += " while executing `\(Self.abbreviated(sql))`"
        }
        if let hint {
            text += ". " + hint
        }
        return text
    }

    private var displayPath: String {
        path.isEmpty || path == ":memory:" ? "(in memory)" : path
    }

    /// What the operator can do next, for the codes where that is clear.
    private var hint: String? {
        switch code.primary {
        case .busy, .locked:
            "Another connection or process holds the database lock; retry later or stop the other writer."
        case .notADatabase:
            "The file is not a SQLite database (or is encrypted); move it aside or point to the right file."
        case .cantOpen:
            "Check that the folder exists and is writable and that the path is not a directory."
        case .readOnly:
            "The database was opened read-only or the file is not writable; check its permissions."
        default:
            nil
        }
    }

    /// Scripts (migrations) can be long; the message shows their start and the full text stays in ``sql``.
    private static func abbreviated(_ sql: String) -> String {
        let collapsed = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let limit = 300
        return collapsed.count <= limit ? collapsed : String(collapsed.prefix(limit)) + " …"
    }
}
