import Foundation

/// Where the execution ledger keeps its records besides memory.
public enum LedgerStorage: Sendable, Hashable {
    /// Memory only (tests, dry runs).
    case memory
    /// One JSON Lines file per UTC day in `directory`, named by `pattern`; files more than
    /// `retentionDays` days older than the newest record are deleted (nil keeps everything); `fsync`
    /// makes every record durable before the order result is returned.
    case files(directory: URL, pattern: LedgerFilePattern = .standard, retentionDays: Int? = 730, fsync: Bool = false)
}
