/// How a ``SQLiteConnection`` opens its database.
///
/// Read-write connections always use WAL journal mode (readers never block the writer, and a crash
/// mid-transaction leaves the previous state) and enforce foreign keys.
///
/// The default `synchronous` level is ``Synchronous-swift.enum/full``: with WAL, FULL syncs the log on every
/// commit, so a committed transaction survives power loss. That matters for the backfill ledger and
/// watermarks, whose whole point is exactly-once delivery; the cost is one `fsync` per transaction, and our
/// writers commit once per partition or batch, not per row. Pass ``Synchronous-swift.enum/normal`` for
/// caches that can be rebuilt (NORMAL never corrupts the database but may lose the last commits on power loss).
public struct SQLiteConfiguration: Sendable, Equatable {
    /// `PRAGMA synchronous` levels that make sense with WAL.
    public enum Synchronous: String, Sendable, Equatable {
        /// Sync the WAL at checkpoints only: durable across process crashes, not power loss.
        case normal = "NORMAL"
        /// Sync the WAL at every commit: durable across power loss.
        case full = "FULL"
    }

    /// Open for reading only; no journal-mode change, every write fails with SQLITE_READONLY.
    public var readOnly: Bool
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    public var busyTimeout: Duration
    /// The durability level of commits.
    public var synchronous: Synchronous
    /// Create the file when it does not exist (ignored for read-only connections).
    public var createIfMissing: Bool

    /// Read-write, 5 s busy timeout, `synchronous=FULL`, creating the file when missing.
    public init(
        readOnly: Bool = false,
        busyTimeout: Duration = .seconds(5),
        synchronous: Synchronous = .full,
        createIfMissing: Bool = true
    ) {
        self.readOnly = readOnly
        self.busyTimeout = busyTimeout
        self.synchronous = synchronous
        self.createIfMissing = createIfMissing
    }

    /// A read-only configuration with the default busy timeout.
    public static var readOnly: SQLiteConfiguration { SQLiteConfiguration(readOnly: true) }

    /// The busy timeout in whole milliseconds, as `sqlite3_busy_timeout` takes it.
    var busyTimeoutMilliseconds: Int32 {
        let (seconds, attoseconds) = busyTimeout.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}
