/// A value as SQLite stores it: one of its five storage classes.
///
/// SQLite stores a NaN double as NULL, so a bound `Double.nan` reads back as ``null``; in a REAL column
/// `-0.0` reads back as `0.0`.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The storage class name (`INTEGER`, `REAL`, `TEXT`, `BLOB`, `NULL`), for messages.
    public var storageClass: String {
        switch self {
        case .null: "NULL"
        case .integer: "INTEGER"
        case .real: "REAL"
        case .text: "TEXT"
        case .blob: "BLOB"
        }
    }
}
