/// Applies the pending ``SQLiteMigration``s of a schema, using `PRAGMA user_version` as the count of those
/// already applied.
///
/// Migration *n* (1-based) runs when `user_version < n`. Every pending migration runs in one IMMEDIATE
/// transaction that also sets the new `user_version`, so a failure leaves the database exactly as it was.
/// Never reorder or edit a released migration; append new ones.
public struct SQLiteMigrator: Sendable {
    /// The migrations, oldest first.
    public let migrations: [SQLiteMigration]

    /// A migrator for `migrations`, oldest first.
    public init(_ migrations: [SQLiteMigration]) {
        self.migrations = migrations
    }

    /// The schema version the database is at (`PRAGMA user_version`).
    public func currentVersion(of connection: SQLiteConnection) throws(SQLiteError) -> Int {
        try connection.scalar("PRAGMA user_version", as: Int.self) ?? 0
    }

    /// Applies the pending migrations and returns the names of those applied (empty when up to date).
    ///
    /// - Throws: ``SQLiteMigrationError/newerSchema(path:version:latest:)`` when the database was migrated by
    ///   a newer program; ``SQLiteMigrationError/migrationFailed(path:version:name:reason:)`` when a migration
    ///   fails (nothing is applied then).
    @discardableResult
    public func migrate(_ connection: SQLiteConnection) throws -> [String] {
        try connection.transaction(.immediate) { connection in
            // Read inside the write lock so two processes migrating at once cannot both apply a step.
            let version = try currentVersion(of: connection)
            guard version <= migrations.count else {
                throw SQLiteMigrationError.newerSchema(
                    path: connection.path, version: version, latest: migrations.count)
            }
            var applied: [String] = []
            for (offset, migration) in migrations.enumerated().dropFirst(version) {
                do {
                    try migration.apply(connection)
                } catch {
                    throw SQLiteMigrationError.migrationFailed(
                        path: connection.path, version: offset + 1, name: migration.name,
                        reason: String(describing: error))
                }
                applied.append(migration.name)
            }
            if !applied.isEmpty {
                try connection.execute("PRAGMA user_version = \(migrations.count)")
            }
            return applied
        }
    }
}
