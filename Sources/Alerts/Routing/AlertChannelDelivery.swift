/// What happened to one alert on one channel during a dispatch.
public struct AlertChannelDelivery: Sendable, Hashable {
    /// The channel's name.
    public let channel: String
    /// ``AlertAuditStatus/delivered`` or ``AlertAuditStatus/failed``.
    public let status: AlertAuditStatus
    /// Why delivery failed (including a timeout); nil when delivered.
    public let error: String?

    /// A delivery result with explicit fields.
    public init(channel: String, status: AlertAuditStatus, error: String? = nil) {
        self.channel = channel
        self.status = status
        self.error = error
    }
}
