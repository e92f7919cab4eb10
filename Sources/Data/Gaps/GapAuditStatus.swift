/// The outcome of one gap check of one series, as the audit file names it (reference §6.3).
public enum GapAuditStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The gap is below the warning threshold.
    case ok
    /// A gap at or above the threshold; a warning alert was sent.
    case warning
    /// A gap at or above the threshold, inside the warning throttle; no alert.
    case warningSuppressed = "warning_suppressed"
    /// An incident is open (opened now, or still open).
    case incident
    /// The open incident was escalated by SMS now.
    case smsEscalated = "sms_escalated"
    /// The series has no candle.
    case missingMetadata = "missing_metadata"
    /// The store's record of the newest candle is unreadable.
    case invalidMetadata = "invalid_metadata"
}
