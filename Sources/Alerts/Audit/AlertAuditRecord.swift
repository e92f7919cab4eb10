/// One line of the alert audit: an alert and what happened to it on one channel.
///
/// The router writes one record per channel per dispatch, one `__suppressed__` record for a throttled
/// alert and one `__none__` record when no channel is registered. Unlike the reference, ``createdAt`` is
/// when the record was written (from the router's clock), not a copy of the alert's timestamp, and
/// failed deliveries are recorded too.
public struct AlertAuditRecord: Sendable, Hashable {
    /// The channel name used for an alert the throttle suppressed.
    public static let suppressedChannel = "__suppressed__"
    /// The channel name used for an alert raised while no channel was registered.
    public static let noChannel = "__none__"

    /// The channel's name, or ``suppressedChannel`` / ``noChannel``.
    public let channel: String
    /// The alert's category.
    public let category: String
    /// The alert's title.
    public let title: String
    /// The alert's severity.
    public let severity: AlertSeverity
    /// When the alert was raised (epoch milliseconds).
    public let timestamp: Int64
    /// When this record was written (epoch milliseconds).
    public let createdAt: Int64
    /// What happened on this channel.
    public let status: AlertAuditStatus
    /// Why delivery failed; nil unless ``status`` is ``AlertAuditStatus/failed``.
    public let error: String?
    /// The alert's context.
    public let context: [String: String]
    /// The alert's body.
    public let body: String

    /// A record with explicit fields.
    public init(
        channel: String, category: String, title: String, severity: AlertSeverity, timestamp: Int64,
        createdAt: Int64, status: AlertAuditStatus, error: String? = nil, context: [String: String] = [:],
        body: String
    ) {
        self.channel = channel
        self.category = category
        self.title = title
        self.severity = severity
        self.timestamp = timestamp
        self.createdAt = createdAt
        self.status = status
        self.error = error
        self.context = context
        self.body = body
    }

    /// The record of `message` on `channel`, written at `createdAt`.
    public init(
        _ message: AlertMessage, channel: String, status: AlertAuditStatus, error: String? = nil, createdAt: Int64
    ) {
        self.init(
            channel: channel, category: message.category, title: message.title, severity: message.severity,
            timestamp: message.timestamp, createdAt: createdAt, status: status, error: error,
            context: message.context, body: message.body)
    }

    /// This record with `redact` applied to every free text: title, body, error and context values.
    ///
    /// Audit logs call it before storing, so a secret that slipped into an alert (a token in an error
    /// message) is masked by the caller's rule.
    public func redacted(_ redact: (String) -> String) -> AlertAuditRecord {
        AlertAuditRecord(
            channel: channel, category: category, title: redact(title), severity: severity, timestamp: timestamp,
            createdAt: createdAt, status: status, error: error.map(redact),
            context: context.mapValues(redact), body: redact(body))
    }
}
