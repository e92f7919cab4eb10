/// Writes each alert as one line to a sink the caller provides, usually the runtime's logger.
///
/// The line reads `[SEVERITY] category | title: body (key=value, …)` with the context sorted by key and
/// line breaks in the text replaced by spaces, so one alert is always one log line. Needs no network,
/// so it is the channel of last resort: an operator can always find alerts in the log.
public actor LogAlertChannel: AlertChannel {
    public nonisolated let name: String
    private let sink: @Sendable (String) -> Void
    private let now: @Sendable () -> Int64
    private var tracker = ChannelHealthTracker()

    /// A channel named `name` that hands each rendered line to `sink`; `now` gives epoch milliseconds.
    public init(
        name: String = "log", now: @escaping @Sendable () -> Int64, sink: @escaping @Sendable (String) -> Void
    ) {
        self.name = name
        self.now = now
        self.sink = sink
    }

    public func send(_ message: AlertMessage) async throws {
        try Task.checkCancellation()
        sink(Self.line(for: message))
        tracker.recordSuccess(at: now())
    }

    public func healthCheck() async -> AlertChannelHealth {
        tracker.health()
    }

    /// The single line written for `message`.
    public static func line(for message: AlertMessage) -> String {
        var line = "[\(message.severity.rawValue.uppercased())] \(message.category) | \(message.title)"
        if !message.body.isEmpty { line += ": \(message.body)" }
        if !message.context.isEmpty {
            line += " (" + message.sortedContext.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
        }
        return singleLine(line)
    }

    private static func singleLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return String(text.map { $0.isNewline ? " " : $0 })
    }
}
