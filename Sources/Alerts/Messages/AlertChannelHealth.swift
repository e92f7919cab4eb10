/// What a channel reports about itself: whether its last delivery worked, and channel-specific facts.
///
/// Mirrors the reference `health_check()`: the status is ``Status/error`` when a delivery failed since the
/// last success, and a successful delivery clears the error.
public struct AlertChannelHealth: Sendable, Hashable, Codable {
    /// Whether the channel is currently delivering.
    public enum Status: String, Sendable, Hashable, Codable {
        /// No failure since the last success (or nothing sent yet).
        case ok
        /// The last delivery failed, or the health check itself failed.
        case error
    }

    /// Whether the channel is currently delivering.
    public let status: Status
    /// When the last delivery succeeded (epoch milliseconds), or nil if none did yet.
    public let lastSuccess: Int64?
    /// When the last failure happened (epoch milliseconds), or nil if there was none since the last success.
    public let lastFailure: Int64?
    /// Why the last delivery failed, or nil if there was no failure since the last success.
    public let lastError: String?
    /// Channel-specific facts (a file path, a provider name); never secrets.
    public let details: [String: String]

    /// A health report with explicit fields.
    public init(
        status: Status, lastSuccess: Int64? = nil, lastFailure: Int64? = nil, lastError: String? = nil,
        details: [String: String] = [:]
    ) {
        self.status = status
        self.lastSuccess = lastSuccess
        self.lastFailure = lastFailure
        self.lastError = lastError
        self.details = details
    }
}
