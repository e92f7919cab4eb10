/// How a top-level transaction takes its locks (`BEGIN DEFERRED|IMMEDIATE|EXCLUSIVE`).
public enum SQLiteTransactionKind: String, Sendable {
    /// Takes locks on first use; a read that later writes may fail with SQLITE_BUSY mid-transaction.
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, so a busy database fails (after the busy timeout) before any work.
    case immediate = "IMMEDIATE"
    /// Like immediate; in WAL mode the two are the same.
    case exclusive = "EXCLUSIVE"
}

extension SQLiteConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws (any error, SQLite's or
    /// the body's own) and rethrows that error.
    ///
    /// Nested calls (a transaction already open on this connection) use a savepoint: an inner failure rolls
    /// back only the inner work, and the error still propagates to the outer body, which rolls back everything
    /// unless it catches it.
    ///
    /// - Parameters:
    ///   - kind: The locking kind of a top-level transaction; `immediate` by default so a busy database fails
    ///     at BEGIN rather than halfway.
    ///   - body: The work; it receives this connection.
    public func transaction<T>(
        _ kind: SQLiteTransactionKind = .immediate, _ body: (SQLiteConnection) throws -> T
    ) throws -> T {
        if isInTransaction {
            return try savepoint(body)
        }
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let result: T
        do {
            result = try body(self)
            try execute("COMMIT TRANSACTION")
        } catch {
            rollBackAfterFailure()
            throw error
        }
        return result
    }

    private func savepoint<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "botcore_savepoint_\(savepointDepth)"
        try execute("SAVEPOINT \(name)")
        let result: T
        do {
            result = try body(self)
        } catch {
            if isInTransaction {
                // ROLLBACK TO keeps the savepoint open; RELEASE then removes it. Failures here cannot be
                // reported better than the error that brought us here.
                try? execute("ROLLBACK TO SAVEPOINT \(name)")
                try? execute("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
        try execute("RELEASE SAVEPOINT \(name)")
        return result
    }

    /// Rolls back after a failure. Some errors (SQLITE_FULL, SQLITE_IOERR, …) make SQLite roll back on its own,
    /// so only an open transaction is rolled back; a failing ROLLBACK is ignored because the caller is about to
    /// throw the error that explains what went wrong.
    private func rollBackAfterFailure() {
        if isInTransaction {
            try? execute("ROLLBACK TRANSACTION")
        }
    }
}
