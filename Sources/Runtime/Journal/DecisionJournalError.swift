/// Why the decision journal could not record, flush or read events. Recording never throws these; the
/// journal keeps the last one (``DecisionJournal/lastError()``) for the operator.
public enum DecisionJournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name pattern is not usable.
    case invalidPattern(String)
    /// The day's file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Appending to the file failed; `events` events were lost.
    case writeFailed(path: String, reason: String, events: Int)
    /// Flushing the file to the device failed.
    case syncFailed(path: String, reason: String)
    /// Deleting a file past its retention failed.
    case cannotPrune(path: String, reason: String)
    /// Reading the journal back failed.
    case cannotRead(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidPattern(let pattern):
            "decision journal file name pattern '\(pattern)' is not usable: it needs %Y, %m and %d (only those "
                + "and %% are allowed) and no '/'; fix decision_journal.filename_pattern"
        case .cannotOpen(let path, let reason):
            "cannot open decision journal \(path): \(reason); check that the folder exists and is writable "
                + "(decision_journal.directory under data_cache_path)"
        case .writeFailed(let path, let reason, let events):
            "cannot append to decision journal \(path): \(reason); \(events) event(s) were not recorded — "
                + "check free disk space and permissions"
        case .syncFailed(let path, let reason):
            "cannot flush decision journal \(path) to disk: \(reason); check the disk"
        case .cannotPrune(let path, let reason):
            "cannot delete expired decision journal file \(path): \(reason); remove it by hand or fix "
                + "the folder's permissions"
        case .cannotRead(let path, let reason):
            "cannot read decision journal \(path): \(reason)"
        }
    }
}
