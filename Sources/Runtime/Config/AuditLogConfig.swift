/// `alert_audit` and `decision_journal`: where alert deliveries or trading decisions are recorded.
public struct AuditLogConfig: Sendable, Equatable {
    /// Where records go.
    public enum Backend: String, Sendable, Equatable {
        /// Kept in memory only.
        case memory
        /// JSON Lines files in ``AuditLogConfig/directory``.
        case file
    }

    /// `backend` (alias `type`), default `memory`.
    public let backend: Backend
    /// `directory`, required for `file`; relative paths are under the environment's `data_cache_path`.
    public let directory: String?
    /// `filename_pattern` (strftime), default `alerts-%Y%m%d.jsonl` / `decisions-%Y%m%d.jsonl`.
    public let filenamePattern: String
    /// `retention_days`; nil when not written (the reference loader does not apply the 730 default here).
    public let retentionDays: Int?
    /// `fsync`, default false.
    public let fsync: Bool
}
