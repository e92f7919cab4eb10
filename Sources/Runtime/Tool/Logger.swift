import BotCodecs

/// Writes `2024-01-31T12:00:30.250Z INFO message` lines to standard error and, optionally, a log file.
///
/// Every line goes through the ``Redactor`` first. Timestamps come from the injected wall clock, so tests
/// get stable lines.
public struct Logger: Sendable {
    /// Lines below this level are dropped.
    public let minimumLevel: LogLevel
    /// The file lines are also appended to, if any.
    public let file: LogFile?
    private let standardError: (any ToolOutput)?
    private let redactor: Redactor
    private let now: @Sendable () -> Int64

    /// A logger writing to `standardError` (nil for none) and `file`.
    ///
    /// - Parameters:
    ///   - minimumLevel: Lines below it are dropped.
    ///   - standardError: Usually the tool context's standard error.
    ///   - file: A log file to append to as well.
    ///   - redactor: Applied to every line.
    ///   - now: The wall clock, epoch milliseconds.
    public init(
        minimumLevel: LogLevel = .info, standardError: (any ToolOutput)?, file: LogFile? = nil,
        redactor: Redactor, now: @escaping @Sendable () -> Int64
    ) {
        self.minimumLevel = minimumLevel
        self.standardError = standardError
        self.file = file
        self.redactor = redactor
        self.now = now
    }

    /// Logs `message` at `level`; the message is only built when the level passes.
    public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= minimumLevel else { return }
        let line = format(level, message())
        standardError?.write(line)
        file?.append(line)
    }

    /// Appends to the log file only; `main` uses it to keep its final error, which it already printed.
    func logToFile(_ level: LogLevel, _ message: String) {
        guard level >= minimumLevel, let file else { return }
        file.append(format(level, message))
    }

    /// One line per entry: continuation lines of a multi-line message are indented, so text from outside
    /// (an exchange's error body) cannot forge a line that looks like a separate entry.
    private func format(_ level: LogLevel, _ message: String) -> String {
        let body = message.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
        return redactor.redact("\(UTCDateTime(milliseconds: now()).iso8601) \(level.label) \(body)") + "\n"
    }

    /// Logs at ``LogLevel/debug``.
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    /// Logs at ``LogLevel/info``.
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    /// Logs at ``LogLevel/warning``.
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    /// Logs at ``LogLevel/error``.
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
}
