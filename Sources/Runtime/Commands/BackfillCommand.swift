import BotData
import BotExchanges
import BotNet
import Foundation

/// `backfill`: fills an environment's candle cache from its exchange's public history, then (without
/// `--run-once`) keeps it fresh until SIGINT/SIGTERM (`docs/runbooks/backfill.md`).
///
/// The windows come from the environment's instrument universe (`backfill:` per instrument), else seed
/// 004's defaults per interval; every hole of each window is fetched, nothing already stored is asked for
/// again. Exit 0 when every series is complete, 2 when some series still has gaps the venue could not fill,
/// 1 on errors (a 418 ban included), 64 for a bad command line.
public struct BackfillCommand: ToolCommand {
    public static let name = "backfill"
    public static let summary =
        "Fills the environment's candle cache from the exchange's public history (every hole of each window, "
        + "closed candles only, resumable), prints a summary, then keeps it fresh until SIGINT/SIGTERM "
        + "unless --run-once."
    public static let options: [OptionSpec] = [
        .option("config", value: "path", help: "The core.yaml to load.", default: "config/core.yaml"),
        .option(
            "environment", value: "name",
            help: "The environment whose exchange, data_cache_path and instrument universe to use.",
            default: "binance_paper"),
        .flag("run-once", help: "Backfill, print the summary and exit instead of refreshing until stopped."),
        .repeated(
            "interval", value: "interval", kind: intervalKind,
            help: "Only this interval (1m, 5m, 15m, 1h, 4h, 1d, 1w, …); repeat for more."),
        .repeated("granularity", value: "interval", kind: intervalKind, help: "Same as --interval."),
        .repeated(
            "symbol", value: "symbol",
            help: "Only this exchange symbol (BTCUSDT, XBTUSDT, PI_XBTUSD, BTC-PLN); repeat for more."),
        .option("since", value: "date", kind: .date, help: "Start every window at this UTC date instead."),
        .option("days", value: "n", kind: .integer, help: "Make every window the last n days instead."),
        .flag(
            "latest-only",
            help: "Only fetch after each series' newest stored candle (skip older holes; faster catch-up)."),
        .flag(
            "enable-alerts",
            help: "Send gap-monitor alerts through the log alert channel while refreshing."),
        .option(
            "headless-passphrase", value: "text",
            help: "Accepted for runbook compatibility; public market data needs no secrets yet."),
        .option(
            "headless-secrets-path", value: "path",
            help: "Accepted for runbook compatibility; public market data needs no secrets yet."),
        .flag("json", help: "Print the summary as JSON (stable keys) instead of text."),
        .option(
            "export-csv", value: "dir",
            help: "Also write each series as SYMBOL__TF__tStart_tEnd.csv in dir, recorded in the ledger "
                + "(an identical segment already delivered is skipped)."),
        .option(
            "prune-older-than", value: "days", kind: .integer,
            help: "After the backfill, delete cached months entirely older than this many days."),
    ]

    public static let exitCodes: [ToolExitCode] = [
        ToolExitCode(1, "a series failed, the exchange banned this IP (HTTP 418), or the config/cache is unusable"),
        ToolExitCode(2, "every series ran, but some still have gaps the exchange has no candles for"),
    ]

    static let intervalKind = ValueKind.custom("interval") { text in
        (try? Interval(parsing: text)) == nil ? "'\(text)' is not an interval (1m, 5m, 15m, 1h, 4h, 1d, 1w, 1M)" : nil
    }

    let configPath: String
    let environmentName: String
    let runOnce: Bool
    let intervals: [Interval]
    let symbols: [String]
    let since: Int64?
    let days: Int?
    let latestOnly: Bool
    let enableAlerts: Bool
    let json: Bool
    let exportDirectory: String?
    let pruneDays: Int?

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        configPath = try parsed.requiredString("config")
        environmentName = try parsed.requiredString("environment")
        runOnce = parsed.flag("run-once")
        var intervals: [Interval] = []
        for text in parsed.strings("interval") + parsed.strings("granularity") {
            if let interval = try? Interval(parsing: text), !intervals.contains(interval) { intervals.append(interval) }
        }
        self.intervals = intervals
        symbols = parsed.strings("symbol")
        since = try parsed.date("since")
        days = try parsed.integer("days")
        if since != nil, days != nil { throw UsageError("give --since or --days, not both") }
        if let days, days < 1 { throw UsageError("--days must be at least 1") }
        latestOnly = parsed.flag("latest-only")
        enableAlerts = parsed.flag("enable-alerts")
        json = parsed.flag("json")
        exportDirectory = parsed.string("export-csv")
        pruneDays = try parsed.integer("prune-older-than")
        if let pruneDays, pruneDays < 1 { throw UsageError("--prune-older-than must be at least 1 day") }
    }

    public func run(in context: ToolContext) async throws {
        let setup = try await Setup(command: self, context: context)
        let started = context.now()
        if setup.universe == nil, symbols.isEmpty {
            throw ToolExit(
                code: 1,
                message: "\(configPath): environment '\(setup.environment.name)' has no instrument_universe, so there "
                    + "is nothing to backfill; set instrument_universe or name the series with --symbol and --interval")
        }
        let requests = try await plan(setup: setup, now: started)
        guard !requests.isEmpty else {
            context.logger.warning(
                "nothing to backfill: no instrument of \(setup.environment.name) has a symbol on "
                    + "\(setup.venue) with a backfill window (check --symbol/--interval and the instrument universe)")
            return
        }
        context.logger.info(
            "backfill \(setup.environment.name) (\(setup.venue), \(setup.exchangeEnvironment)): "
                + "\(requests.count) series into \(setup.store.root.path)")
        let progress = ProgressDisplay(context: context)
        var report = BackfillReport(environment: setup.environment.name, exchange: setup.venue.rawValue)
        do throws(BackfillError) {
            report.series = try await setup.service.backfill(requests) { progress.update($0) }
        } catch {
            progress.finish()
            if case .banned(_, _, let completed) = error { report.series = completed }
            report.stopped = error.description
            context.write(json ? report.json() : report.text())
            throw ToolExit(code: 1, message: error.description)
        }
        progress.finish()
        if let exportDirectory {
            report.exported = try await exportCSV(
                requests: requests, store: setup.store, into: context.resolve(exportDirectory), now: context.now())
        }
        if let pruneDays {
            let now = context.now()
            report.pruned = try await setup.store.prune(olderThan: now - Int64(pruneDays) * 86_400_000, now: now)
        }
        context.write(json ? report.json() : report.text())
        if runOnce {
            if !report.failed.isEmpty {
                throw ToolExit(code: 1, message: "\(report.failed.count) of \(report.series.count) series failed")
            }
            if !report.withGaps.isEmpty {
                throw ToolExit(code: 2)
            }
            return
        }
        try await refresh(setup: setup, requests: requests, context: context)
    }
}
