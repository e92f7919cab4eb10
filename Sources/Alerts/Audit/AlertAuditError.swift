/// The audit log could not be set up, written or read.
public enum AlertAuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The retention is zero or negative.
    case nonPositiveRetention(days: Int)
    /// A record could not be appended to the file at `path`; `reason` comes from the file layer.
    case writeFailed(path: String, reason: String)
    /// The audit files could not be listed or read; `reason` names the file and line where it applies.
    case readFailed(path: String, reason: String)
    /// A file older than the retention could not be removed (the record itself was written).
    case retentionFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .nonPositiveRetention(let days):
            "alert audit retention must be at least 1 day, got \(days); set alert_audit.retention_days"
        case .writeFailed(let path, let reason):
            "cannot write the alert audit record to \(path): \(reason)"
        case .readFailed(let path, let reason):
            "cannot read the alert audit in \(path): \(reason)"
        case .retentionFailed(let path, let reason):
            "the alert audit record was written, but the expired file \(path) could not be removed: \(reason); "
                + "remove it by hand and check the folder's permissions"
        }
    }
}
