/// One alert as the router receives it: what happened, how urgent, and the facts that go with it.
///
/// Encodes as a JSON object with the keys `body`, `category`, `context`, `severity`, `timestamp` and `title`;
/// `timestamp` is epoch milliseconds (UTC), `severity` one of the ``AlertSeverity`` raw values.
public struct AlertMessage: Sendable, Hashable, Codable {
    /// The area that raised the alert, dot-separated: `data.ohlcv`, `risk`, `execution`.
    public let category: String
    /// A one-line summary; channels with a subject line use it there.
    public let title: String
    /// The explanation and what to do about it.
    public let body: String
    /// How urgent the alert is.
    public let severity: AlertSeverity
    /// Facts that go with the alert (`symbol`, `interval`, `gap_minutes`…); channels print them sorted by key.
    public let context: [String: String]
    /// When the alert was raised, in milliseconds since the Unix epoch (UTC).
    public let timestamp: Int64

    /// An alert raised at `timestamp` (epoch milliseconds, from the caller's clock).
    public init(
        category: String, title: String, body: String, severity: AlertSeverity, context: [String: String] = [:],
        timestamp: Int64
    ) {
        self.category = category
        self.title = title
        self.body = body
        self.severity = severity
        self.context = context
        self.timestamp = timestamp
    }

    /// The context entries sorted by key, the order every channel prints them in.
    public var sortedContext: [(key: String, value: String)] {
        context.sorted { $0.key < $1.key }
    }
}
