import BotExchanges
import Foundation

/// `run-daily-trend`: the daily trend strategy in paper mode, as the operator's runbook runs it.
///
/// Modes, in the order the runbook uses them:
/// - `--dry-run` resolves the environment, strategy, controller and risk profile, enforces the trading-mode
///   gates and builds the whole pipeline over the cache (read-only), then exits 0 without touching state;
/// - `--paper-smoke` runs the pre-check as of the window end, checks the cache, replays the `--date-window`
///   bar by bar from the cache only (no network, no keys), and writes the `daily_trend_smoke_*` report
///   folder, its ZIP (`--archive-smoke`) and the audit log entries;
/// - `--run-once` trades the newest closed bar and exits;
/// - otherwise it polls every `--poll-seconds` until SIGINT/SIGTERM, serving Prometheus metrics on
///   `--metrics-port`; an interrupt finishes the cycle, closes the paper positions, writes the final report,
///   logs `Shutdown complete` and exits 0.
public struct RunDailyTrendCommand: ToolCommand {
    public static let name = "run-daily-trend"
    public static let summary =
        "Runs the daily trend strategy in paper mode: dry run, offline smoke test over a date window, one cycle, "
        + "or continuous polling with metrics."
    public static let options: [OptionSpec] = [
        .option("config", value: "path", help: "The configuration file.", default: "config/core.yaml"),
        .option("environment", value: "name", help: "The environment to trade.", default: "binance_paper"),
        .option("strategy", value: "name", help: "The strategy (default: the environment's default_strategy)."),
        .option(
            "controller", value: "name", help: "The runtime controller (default: the environment's default_controller)."),
        .option("risk-profile", value: "name", help: "Use this risk profile instead of the environment's."),
        .option(
            "history-bars", value: "n", kind: .integer, help: "Bars of history read per cycle (at least the warm-up).",
            default: "180"),
        .option(
            "poll-seconds", value: "seconds", kind: .double, help: "Time between cycles in continuous mode (min 1).",
            default: "900"),
        .option(
            "health-interval", value: "seconds", kind: .double, help: "Time between health reports (0 disables).",
            default: "3600"),
        .option(
            "metrics-port", value: "port", kind: .integer,
            help: "Serve Prometheus metrics on 127.0.0.1:<port>/metrics in continuous mode (0 disables).",
            default: "9108"),
        .flag("run-once", help: "Run one cycle and exit."),
        .flag("dry-run", help: "Build the pipeline, print what it would trade and exit without touching state."),
        .flag("allow-live", help: "Permit a live environment (every other live gate must hold too)."),
        .flag("paper-smoke", help: "Offline smoke test over --date-window from the cache only; writes a report."),
        .option(
            "date-window", value: "START:END",
            help: "Smoke window, UTC dates or date-times, both inclusive (default: the 30 days before today)."),
        .flag("archive-smoke", help: "Also zip the smoke report folder and log the ZIP's SHA-256."),
        .option("smoke-output", value: "dir", help: "Where the daily_trend_smoke_* folder goes (default: temp dir)."),
        .option(
            "smoke-min-free-mb", value: "MB", kind: .double,
            help: "Warn when the report folder's disk has less free space than this."),
        .flag("smoke-fail-on-low-space", help: "Exit 4 (after writing everything) when free space is below the minimum."),
        .flag("skip-paper-precheck", help: "Skip the automatic pre-check (debugging only; note it in the audit log)."),
        .flag("paper-precheck-fail-on-warnings", help: "Treat pre-check warnings as errors."),
        .option(
            "paper-precheck-audit-dir", value: "dir", help: "Where the pre-check report is kept (empty disables).",
            default: "audit/paper_precheck_reports"),
        .option(
            "paper-smoke-audit-log", value: "path", help: "Markdown audit log to append a row to (empty disables).",
            default: "docs/audit/paper_trading_log.md"),
        .option(
            "paper-smoke-json-log", value: "path",
            help: "JSONL audit log to append a record to (empty disables); also the live gate's paper evidence.",
            default: "docs/audit/paper_trading_log.jsonl"),
        .option(
            "paper-smoke-operator", value: "name",
            help: "Operator named in the audit logs (default: $PAPER_SMOKE_OPERATOR, else 'CI Agent')."),
        .option("paper-smoke-summary-json", value: "path", help: "Also write the structured smoke summary here."),
    ]
    public static let exitCodes: [ToolExitCode] = [
        ToolExitCode(0, "also a continuous run stopped by SIGINT/SIGTERM after its clean shutdown (130 before the first cycle)"),
        ToolExitCode(2, "the paper pre-check found errors (or warnings with --paper-precheck-fail-on-warnings)"),
        ToolExitCode(3, "a live environment is refused: a trading-mode gate does not hold (each is listed)"),
        ToolExitCode(4, "--smoke-fail-on-low-space and the report folder's disk is below --smoke-min-free-mb"),
    ]
    public static let finishesOnInterrupt = true

    let configPath: String
    let environmentName: String
    let strategyName: String?
    let controllerName: String?
    let riskProfileName: String?
    let historyBars: Int
    let pollSeconds: Double
    let healthSeconds: Double
    let metricsPort: Int
    let runOnce: Bool
    let dryRun: Bool
    let allowLive: Bool
    let smoke: SmokeOptions?

    /// The `--paper-smoke` settings.
    struct SmokeOptions: Sendable {
        var window: SmokeWindow?
        var archive: Bool
        var output: String?
        var minimumFreeMB: Double?
        var failOnLowSpace: Bool
        var skipPrecheck: Bool
        var precheckFailOnWarnings: Bool
        var precheckAuditDirectory: String?
        var markdownLog: String?
        var jsonLog: String?
        var operatorName: String?
        var summaryJSON: String?
    }

    let jsonLogPath: String?

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        configPath = try parsed.requiredString("config")
        environmentName = try parsed.requiredString("environment")
        strategyName = parsed.string("strategy")
        controllerName = parsed.string("controller")
        riskProfileName = parsed.string("risk-profile")
        historyBars = max(1, try parsed.integer("history-bars") ?? 180)
        pollSeconds = max(1, try parsed.double("poll-seconds") ?? 900)
        healthSeconds = max(0, try parsed.double("health-interval") ?? 3600)
        let port = try parsed.integer("metrics-port") ?? 9108
        guard (0...65_535).contains(port) else {
            throw UsageError("--metrics-port must be between 0 and 65535 (got \(port)); 0 disables the endpoint")
        }
        metricsPort = port
        runOnce = parsed.flag("run-once")
        dryRun = parsed.flag("dry-run")
        allowLive = parsed.flag("allow-live")
        let blankIsNil = { (name: String) -> String? in
            guard let value = parsed.string(name), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                return nil
            }
            return value
        }
        jsonLogPath = blankIsNil("paper-smoke-json-log")
        if parsed.flag("paper-smoke") {
            var window: SmokeWindow?
            if let text = parsed.string("date-window") {
                guard let parsedWindow = SmokeWindow(parsing: text) else {
                    throw UsageError(
                        "--date-window: '\(text)' is not START:END with UTC dates (2024-01-01:2024-02-15) and START "
                            + "not after END")
                }
                window = parsedWindow
            }
            smoke = SmokeOptions(
                window: window, archive: parsed.flag("archive-smoke"), output: blankIsNil("smoke-output"),
                minimumFreeMB: try parsed.double("smoke-min-free-mb").map { max(0, $0) },
                failOnLowSpace: parsed.flag("smoke-fail-on-low-space"),
                skipPrecheck: parsed.flag("skip-paper-precheck"),
                precheckFailOnWarnings: parsed.flag("paper-precheck-fail-on-warnings"),
                precheckAuditDirectory: blankIsNil("paper-precheck-audit-dir"),
                markdownLog: blankIsNil("paper-smoke-audit-log"), jsonLog: jsonLogPath,
                operatorName: parsed.string("paper-smoke-operator"),
                summaryJSON: blankIsNil("paper-smoke-summary-json"))
        } else {
            for option in ["date-window", "smoke-output", "smoke-min-free-mb", "paper-smoke-summary-json"]
            where parsed.string(option) != nil {
                throw UsageError("--\(option) applies to the smoke test only; add --paper-smoke")
            }
            smoke = nil
        }
    }

    public func run(in context: ToolContext) async throws {
        let selection = try resolveSelection(in: context)
        if selection.environment.kind == .live && !dryRun {
            throw ToolExit(
                code: 1,
                message: "every live gate holds for '\(environmentName)', but this release has no live execution "
                    + "adapter: only --dry-run is possible on a live environment; trade on paper or testnet")
        }
        if dryRun {
            try await runDryRun(selection, in: context)
        } else if let smoke {
            try await runSmoke(selection, options: smoke, in: context)
        } else {
            try await runPaper(selection, in: context)
        }
    }
}
