/// A runbook tool: what it is called, what it accepts, and what it does.
///
/// The executable is one line, `exit(await BackfillCommand.main())`; the type lives in BotRuntime and is
/// tested in process by calling `main(_:environment:context:)` with arguments and a capturing context.
///
/// ```swift
/// struct GreetCommand: ToolCommand {
///     static let name = "greet"
///     static let summary = "Greets someone."
///     static let options: [OptionSpec] = [.option("name", value: "name", help: "Who to greet.", required: true)]
///     let name: String
///     init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
///         name = try parsed.requiredString("name")
///     }
///     func run(in context: ToolContext) async throws { context.write("hello \(name)\n") }
/// }
/// ```
///
/// `run` reports its outcome by returning (exit 0) or throwing: ``CheckFailure`` (2), ``UsageError`` (64),
/// `CancellationError` (130), ``ToolExit`` (its own code, e.g. 4 or 6), anything else (1).
public protocol ToolCommand: Sendable {
    /// The executable's name (`backfill`).
    static var name: String { get }
    /// One sentence for the help text.
    static var summary: String { get }
    /// The options the tool accepts; `--help`, `--log-level` and `--log-file` are added for every tool.
    static var options: [OptionSpec] { get }
    /// The positional arguments, in order.
    static var positionals: [PositionalSpec] { get }
    /// The tool-specific exit statuses, listed in help after the standard ones.
    static var exitCodes: [ToolExitCode] { get }
    /// Whether an interrupt is part of the tool's normal life: a long-running command that, once cancelled
    /// by SIGINT/SIGTERM, shuts down cleanly and returns exits 0 instead of 130 (it throws
    /// `CancellationError` itself when interrupted before it got going).
    static var finishesOnInterrupt: Bool { get }

    /// Builds the command from parsed arguments and the environment; throws for arguments that parse but
    /// do not make sense together.
    init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError)

    /// Does the work, writing through `context`.
    func run(in context: ToolContext) async throws
}

extension ToolCommand {
    public static var options: [OptionSpec] { [] }
    public static var positionals: [PositionalSpec] { [] }
    public static var exitCodes: [ToolExitCode] { [] }
    public static var finishesOnInterrupt: Bool { false }

    /// The options shared by every tool.
    static var commonOptions: [OptionSpec] {
        [
            .option(
                "log-level", value: "level", kind: .choice(LogLevel.allCases.map(\.rawValue)),
                help: "Lowest level of log lines written to standard error and the log file.", default: "info"),
            .option("log-file", value: "path", help: "Also append log lines to this file (created with its folders)."),
        ]
    }

    /// The declared options followed by the common ones.
    static var allOptions: [OptionSpec] { options + commonOptions }
}
