/// Why a schema could not be brought up to date.
public enum SQLiteMigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database's `user_version` is beyond the migrations this program knows.
    case newerSchema(path: String, version: Int, latest: Int)
    /// Migration number `version` failed; the transaction was rolled back, so no migration was applied.
    case migrationFailed(path: String, version: Int, name: String, reason: String)

    public var description: String {
        switch self {
        case .newerSchema(let path, let version, let latest):
            "database \(path) has schema version \(version) but this program knows only versions up to "
                + "\(latest); it was written by a newer release. Upgrade this program or use a copy of the "
                + "database made by this release."
        case .migrationFailed(let path, let version, let name, let reason):
            "schema migration \(version) '\(name)' failed on \(path); no migration was applied: \(reason)"
        }
    }
}
