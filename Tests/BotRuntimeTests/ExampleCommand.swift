import BotRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small tool used to exercise `ToolCommand.main` in process; not a product tool.
struct ExampleCommand: ToolCommand {
    static let name = "example"
    static let summary = "Exercises the tool plumbing."
    static let options: [OptionSpec] = [
        .repeated("symbol", value: "symbol", help: "A symbol to process; repeat for more.", required: true),
        .option("mode", value: "mode", kind: .choice(["fast", "safe"]), help: "How to run.", default: "safe"),
        .option("limit", value: "n", kind: .integer, help: "Stop after n items.", default: "10"),
        .option("since", value: "date", kind: .date, help: "First day to process."),
        .option(
            "outcome", value: "outcome",
            kind: .choice(["ok", "check", "error", "cancel", "disk", "usage", "interrupt"]),
            help: "What run() does.", default: "ok"),
        .flag("json", help: "Print JSON.", negatable: true),
    ]
    static let positionals = [PositionalSpec("paths", help: "Files to read.", required: false, variadic: true)]
    static let exitCodes = [ToolExitCode(4, "not enough free disk space")]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let symbols: [String]
    let limit: Int
    let json: Bool
    let outcome: String
    let apiKey: String?

    init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        symbols = parsed.strings("symbol")
        limit = try parsed.integer("limit") ?? 10
        json = parsed.flag("json")
        outcome = try parsed.requiredString("outcome")
        apiKey = environment["EXAMPLE_API_KEY"]
        if parsed.string("mode") == "fast", limit > 100 {
            throw UsageError("--mode fast allows at most 100 items")
        }
    }

    func run(in context: ToolContext) async throws {
        if let apiKey { context.redactor.register(apiKey) }
        context.logger.debug("debug detail")
        context.logger.info("processing \(symbols.joined(separator: ",")) with key \(apiKey ?? "none")")
        context.logger.warning("limit is \(limit)")
        switch outcome {
        case "check":
            throw CheckFailure("example check found 2 problems", problems: ["BTC/USDT has a gap", "ETH/USDT is stale"])
        case "error":
            throw Failure(description: "exchange refused key \(apiKey ?? "none") (signature=deadbeef01)")
        case "cancel":
            throw CancellationError()
        case "disk":
            throw ToolExit(code: 4, message: "only 1 GiB free in /data")
        case "interrupt":
            // Stands in for an operator's Ctrl-C: a process-directed signal (`raise` would target this worker
            // thread, where Dispatch blocks signals). The signal source registers asynchronously, so the
            // signal is repeated until it cancels us; then shut down cleanly, as run-daily-trend will.
            for _ in 0..<3000 {
                kill(getpid(), SIGINT)
                do {
                    try await context.clock.sleep(for: .milliseconds(10))
                } catch {
                    context.write("Shutdown complete\n")
                    return
                }
            }
        case "usage":
            throw UsageError("--since must be before today")
        default:
            context.write(json ? "{\"symbols\":\(symbols.count)}\n" : "done \(symbols.joined(separator: " "))\n")
        }
    }
}
