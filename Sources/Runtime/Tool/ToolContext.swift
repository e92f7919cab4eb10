import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything a tool touches outside its arguments: output streams, clocks, environment, working folder,
/// logger and redactor. ``standard`` is the real process; tests build their own over ``CapturedOutput``
/// buffers and a fixed `now`.
public struct ToolContext: Sendable {
    /// Results (text or JSON) go here.
    public var standardOutput: any ToolOutput
    /// Diagnostics, progress and errors go here.
    public var standardError: any ToolOutput
    /// For sleeping and measuring durations.
    public var clock: any Clock<Duration>
    /// The wall clock: milliseconds since the epoch, UTC.
    public var now: @Sendable () -> Int64
    /// Environment variables.
    public var environment: [String: String]
    /// The folder relative paths are resolved against.
    public var currentDirectory: String
    /// True when standard error is a terminal (progress bars are drawn only then).
    public var isStandardErrorTerminal: Bool
    /// Hides secrets in everything written through the context and its logger.
    public var redactor: Redactor
    /// The tool's logger; `main` replaces it according to `--log-level` and `--log-file`.
    public var logger: Logger
    /// Whether `main` turns SIGINT and SIGTERM into task cancellation (exit 130). Only the real process
    /// should: the handlers are process-wide.
    public var handlesInterrupts: Bool

    /// A context over the given streams and clocks; its logger writes `info` and above to `standardError`.
    public init(
        standardOutput: any ToolOutput,
        standardError: any ToolOutput,
        clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Int64,
        environment: [String: String] = [:],
        currentDirectory: String,
        isStandardErrorTerminal: Bool = false,
        redactor: Redactor = Redactor(),
        handlesInterrupts: Bool = false
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.clock = clock
        self.now = now
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.isStandardErrorTerminal = isStandardErrorTerminal
        self.redactor = redactor
        self.handlesInterrupts = handlesInterrupts
        self.logger = Logger(standardError: standardError, redactor: redactor, now: now)
    }

    /// The running process: its standard streams, the system clocks, its environment and working folder.
    ///
    /// This is the one place the runtime reads process state; everything below takes it from the context.
    public static var standard: ToolContext {
        ToolContext(
            standardOutput: StandardStream.output,
            standardError: StandardStream.error,
            clock: ContinuousClock(),
            now: { systemMilliseconds() },
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            isStandardErrorTerminal: isatty(2) == 1,
            handlesInterrupts: true)
    }

    /// Writes `text` to standard output as is. Results are the tool's own data and are not redacted.
    public func write(_ text: String) {
        standardOutput.write(text)
    }

    /// Writes `text`, redacted, to standard error.
    public func writeError(_ text: String) {
        standardError.write(redactor.redact(text))
    }

    /// `path` resolved against ``currentDirectory`` when relative.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: currentDirectory).appendingPathComponent(path).path
    }
}

/// The real wall clock in epoch milliseconds, read through `clock_gettime` so it stays the only such read.
private func systemMilliseconds() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
}
