/// What makes two alerts "the same" for the throttle: category and severity (case-insensitive), title
/// and body with whitespace runs collapsed, and the context.
///
/// The reference joins these into one `|`-separated string, so a `|` inside a title could make two
/// different alerts collide; keeping the parts as separate fields cannot.
struct AlertThrottleKey: Sendable, Hashable {
    let category: String
    let severity: AlertSeverity
    let title: String
    let body: String
    let context: [String: String]

    init(_ message: AlertMessage) {
        category = message.category.lowercased()
        severity = message.severity
        title = Self.collapsingWhitespace(message.title)
        body = Self.collapsingWhitespace(message.body)
        context = message.context
    }

    /// `text` with every run of whitespace (including line breaks) replaced by one space and the ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
