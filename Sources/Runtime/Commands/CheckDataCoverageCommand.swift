import BotCodecs
import BotData
import BotExchanges
import Foundation

/// `check-data-coverage`: judges whether an environment's candle cache holds every series its universe
/// requires, complete and fresh (reference-data §2.3, §7; seed 004's states).
///
/// Per series: first and last candle, required versus present candles in the lookback window, holes (count,
/// largest in minutes), age of the newest candle, state (`ok`, `missing`, `stale`, `incomplete`), status
/// (`ok`, `warning`, `error`) and issues; then the summary and the environment's `data_quality`
/// thresholds (each unset field taken from the risk profile). Open times come from the store's
/// `open_time`-only path; the manifest is opened read-only, so the check is safe next to a running backfill.
///
/// Exit 0 when everything is ok, 2 when the check found problems, 1 when the cache or configuration
/// cannot be read (no cache: run `seed-paper-cache` or `backfill` first), 64 for a bad command line.
public struct CheckDataCoverageCommand: ToolCommand {
    public static let name = "check-data-coverage"
    public static let summary =
        "Checks that an environment's candle cache holds every required series, complete and fresh "
        + "(exit 2 when it found problems, 1 when the cache or config cannot be read)."
    public static let options: [OptionSpec] = [
        .option("config", value: "path", help: "The configuration file.", default: "config/core.yaml"),
        .option("environment", value: "name", help: "The environment whose cache to check.", required: true),
        .repeated(
            "symbol", value: "symbol",
            help: "Only this instrument (BTC_USDT) or exchange symbol (BTCUSDT); repeat for more."),
        .repeated("interval", value: "interval", help: "Only this interval (1d or D1, 1h, 15m …); repeat for more."),
        .option("as-of", value: "time", kind: .date, help: "Judge as of this UTC time (default: now)."),
        .flag("json", help: "Print the report as JSON."),
        .option(
            "output", value: "path", help: "Also write the JSON report to this file (atomically, folders created)."),
    ]
    public static let exitCodes: [ToolExitCode] = [
        ToolExitCode(2, "a series is missing, stale or incomplete, or a data_quality threshold is broken")
    ]

    let configPath: String
    let environmentName: String
    let symbols: [String]
    let intervals: [Interval]
    let asOf: Int64?
    let json: Bool
    let outputPath: String?

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        configPath = try parsed.requiredString("config")
        environmentName = try parsed.requiredString("environment")
        symbols = parsed.strings("symbol")
        intervals = try SeedPaperCacheCommand.intervals(parsed.strings("interval"))
        asOf = try parsed.date("as-of")
        json = parsed.flag("json")
        outputPath = parsed.string("output")
    }

    public func run(in context: ToolContext) async throws {
        let plan = try CachePlan.load(configPath: configPath, environmentName: environmentName, in: context)
        let selected = try select(from: plan)
        let store = try await openStore(plan)
        let asOf = self.asOf ?? context.now()
        let report = try await plan.coverage(of: selected, in: store, asOf: asOf)
        let manifest = (plan.environment.dataCachePath as NSString).appendingPathComponent(OHLCVStore.manifestName)
        let document =
            report.json(environment: environmentName, exchange: plan.environment.exchange, manifestPath: manifest)
            .rendered() + "\n"
        if let outputPath {
            try AtomicFile.write(
                Data(document.utf8), to: URL(fileURLWithPath: context.resolve(outputPath)), createFolders: true)
        }
        context.write(json ? document : text(report, manifest: manifest, exchange: plan.environment.exchange))
        context.logger.debug(
            "checked \(report.entries.count) series as of \(Self.iso(asOf)): \(report.status.rawValue)")
        // The findings are already written; exit 2 without repeating them.
        if report.exitStatus != CoverageReport.exitOK { throw ToolExit(code: report.exitStatus) }
    }

    /// The cache opened read-only; a missing manifest says which tool creates it.
    private func openStore(_ plan: CachePlan) async throws -> OHLCVStore {
        do {
            return try await OHLCVStore.open(root: URL(fileURLWithPath: plan.cacheRoot), readOnly: true)
        } catch {
            guard case .manifestMissing = error else { throw error }
            throw ToolExit(
                code: 1,
                message: "no candle cache for '\(environmentName)': \(plan.environment.dataCachePath)/"
                    + "\(OHLCVStore.manifestName) does not exist; run seed-paper-cache or backfill first: "
                    + "'seed-paper-cache --config \(configPath) --environment \(environmentName)' (offline, synthetic "
                    + "candles) or 'backfill --config \(configPath) --environment \(environmentName)'")
        }
    }

    /// The planned series narrowed by `--symbol` and `--interval`.
    func select(from plan: CachePlan) throws(UsageError) -> [CachePlan.Series] {
        var wanted: Set<String>?
        if !symbols.isEmpty {
            var resolved: Set<String> = []
            var unknown: [String] = []
            for token in symbols {
                let upper = token.trimmingCharacters(in: .whitespaces).uppercased()
                if let series = plan.series.first(where: { $0.instrument.uppercased() == upper })
                    ?? plan.series.first(where: { $0.symbol.uppercased() == upper })
                {
                    resolved.insert(series.symbol)
                } else {
                    unknown.append(token)
                }
            }
            guard unknown.isEmpty else {
                let known = Set(plan.series.map { "\($0.instrument) (\($0.symbol))" }).sorted().joined(separator: ", ")
                throw UsageError(
                    "--symbol: \(unknown.joined(separator: ", ")) not in the universe of '\(environmentName)' on "
                        + "\(plan.environment.exchange) (known: \(known))")
            }
            wanted = resolved
        }
        let planned = Set(plan.series.map(\.interval))
        let missing = intervals.filter { !planned.contains($0) }
        guard missing.isEmpty else {
            let known = planned.sorted().map(\.description).joined(separator: ", ")
            throw UsageError(
                "--interval: \(missing.map(\.description).joined(separator: ", ")) is not required for "
                    + "'\(environmentName)' (known: \(known))")
        }
        return plan.series.filter { series in
            (wanted?.contains(series.symbol) ?? true) && (intervals.isEmpty || intervals.contains(series.interval))
        }
    }

    static func iso(_ time: Int64?) -> String {
        time.map { UTCDateTime(milliseconds: $0).iso8601 } ?? "-"
    }

    private static func minutes(_ value: Double?) -> String {
        value.map(PythonFloat.repr) ?? "-"
    }

    private func text(_ report: CoverageReport, manifest: String, exchange: String) -> String {
        var lines = [
            "Manifest: \(manifest)", "Environment: \(environmentName) (\(exchange))", "As of: \(Self.iso(report.asOf))",
        ]
        for entry in report.entries {
            let required = entry.requiredRows.map(String.init) ?? "-"
            lines.append(
                " - \(entry.symbol) \(entry.interval): status=\(entry.status.rawValue) state=\(entry.state.rawValue) "
                    + "rows=\(entry.rowCount)/\(required) first=\(Self.iso(entry.firstOpenTime)) "
                    + "last=\(Self.iso(entry.lastOpenTime)) gaps=\(entry.gapCount) "
                    + "largest_gap_min=\(Self.minutes(entry.largestGapMinutes)) "
                    + "age_min=\(Self.minutes(entry.ageMinutes))")
        }
        let summary = report.summary
        lines.append(
            "Summary: status=\(report.status.rawValue) ok=\(summary.ok)/\(summary.total) warning=\(summary.warning) "
                + "error=\(summary.error) stale_entries=\(summary.staleEntries)")
        if !summary.issueCounts.isEmpty {
            lines.append("Issue codes:")
            let examples = Dictionary(summary.issueExamples.map { ($0.code, $0.example) }) { first, _ in first }
            for (code, count) in summary.issueCounts.sorted(by: { $0.code < $1.code }) {
                lines.append(" * \(code): count=\(count) example=\(examples[code] ?? "-")")
            }
        }
        if let worst = summary.worstGap {
            lines.append(
                "Worst gap: \(worst.symbol) \(worst.interval) \(PythonFloat.repr(worst.gapMinutes)) min "
                    + "(state \(worst.state.rawValue))")
        }
        let problems = report.issues + report.thresholdIssues
        if problems.isEmpty {
            lines.append("No coverage problems.")
        } else {
            lines.append("Problems:")
            lines += problems.map { " * \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
