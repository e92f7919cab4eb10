/// A gap-monitor failure: the audit file or the saved state.
public enum GapMonitorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The audit file could not be written; the checks themselves ran and alerts were sent.
    case audit(path: String, reason: String)
    /// A saved ``GapState`` could not be read back.
    case unreadableState(reason: String)
    /// An audit line could not be read back.
    case malformedRecord(reason: String)

    public var description: String {
        switch self {
        case .audit(let path, let reason):
            "cannot append to the gap audit \(path): \(reason); check the disk and the permissions of the audit folder"
        case .unreadableState(let reason):
            "the saved gap-monitor state is unreadable (\(reason)); delete it to start with no open incidents"
        case .malformedRecord(let reason):
            "not a gap audit record: \(reason)"
        }
    }
}
