/// What happened to an alert on one channel, as the audit log records it.
public enum AlertAuditStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The channel accepted the alert.
    case delivered
    /// The channel failed or timed out; the record's `error` says why.
    case failed
    /// The throttle suppressed a repeat; no channel was called (channel `__suppressed__`).
    case throttled
    /// No channel was registered, so nobody received the alert (channel `__none__`).
    case undelivered
}
