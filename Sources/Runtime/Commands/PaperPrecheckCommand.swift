import BotCodecs
import BotData
import BotExchanges
import Foundation

/// `paper-precheck`: checks, before paper trading starts, that an environment's configuration is valid, that
/// its candle cache covers what its strategy needs as of a given time, and that its risk profile makes the
/// risk engine refuse and size orders sensibly (reference §10.2, ``PaperPrecheck``).
///
/// The report is kept under `--audit-dir` (default `audit/paper_precheck_reports`, `''` to skip) as
/// `<YYYYMMDDTHHMMSSZ>_<environment>.json`; its SHA-256 is that of the whole file, as `sha256sum` prints it.
/// Text output ends with `Status: OK|WARNING|ERROR` and the kept file's path and digest; `--json` prints the
/// report with `audit_record` added.
///
/// Exit 0 when the environment may trade (warnings allowed unless `--fail-on-warnings`), 2 when the check
/// found an error (or a warning with `--fail-on-warnings`), 1 when the configuration or cache cannot be read
/// or the report cannot be kept, 64 for a bad command line.
public struct PaperPrecheckCommand: ToolCommand {
    public static let name = "paper-precheck"
    public static let summary =
        "Checks an environment before paper trading: config validity, candle coverage for its strategy, risk "
        + "profile sanity; keeps the report under audit/ (exit 2 on errors, or on warnings with --fail-on-warnings)."
    public static let options: [OptionSpec] = [
        .option("config", value: "path", help: "The configuration file.", default: "config/core.yaml"),
        .option("environment", value: "name", help: "The environment to check.", default: "binance_paper"),
        .option(
            "manifest", value: "path",
            help: "The cache's ohlcv_manifest.sqlite (default: <data_cache_path>/ohlcv_manifest.sqlite)."),
        .option(
            "as-of", value: "time", kind: .date,
            help: "Judge the cache as of this UTC time (default: now); a smoke test passes its window's end."),
        .repeated(
            "symbol", value: "symbol",
            help: "Only this instrument (BTC_USDT) or exchange symbol (BTCUSDT); repeat for more."),
        .repeated("interval", value: "interval", help: "Only this interval (1d or D1, 1h, 15m …); repeat for more."),
        .option(
            "max-gap-minutes", value: "minutes", kind: .double,
            help: "Override the environment's data_quality.max_gap_minutes."),
        .option(
            "min-ok-ratio", value: "ratio", kind: .double,
            help: "Override the environment's data_quality.min_ok_ratio (0…1)."),
        .flag("json", help: "Print the report as JSON (with audit_record when it was kept)."),
        .option(
            "output", value: "path", help: "Also write the JSON report to this file (atomically, folders created)."),
        .flag("fail-on-warnings", help: "Exit 2 on warnings too."),
        .flag("skip-risk-check", help: "Leave out the risk profile's sanity check."),
        .option(
            "audit-dir", value: "path", help: "Where the report is kept; '' keeps none.",
            default: PrecheckReportArchive.defaultDirectory),
    ]
    public static let exitCodes: [ToolExitCode] = [
        ToolExitCode(
            2,
            "the check found an error (config, coverage, risk, unknown environment), or a warning with "
                + "--fail-on-warnings")
    ]

    let configPath: String
    let environmentName: String
    let manifestPath: String?
    let asOf: Int64?
    let symbols: [String]
    let intervals: [Interval]
    let maxGapMinutes: Double?
    let minOkRatio: Double?
    let json: Bool
    let outputPath: String?
    let failOnWarnings: Bool
    let skipRiskCheck: Bool
    let auditDirectory: String?

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        configPath = try parsed.requiredString("config")
        environmentName = try parsed.requiredString("environment")
        manifestPath = parsed.string("manifest")
        asOf = try parsed.date("as-of")
        symbols = parsed.strings("symbol")
        intervals = try SeedPaperCacheCommand.intervals(parsed.strings("interval"))
        maxGapMinutes = try parsed.double("max-gap-minutes")
        if let maxGapMinutes, maxGapMinutes < 0 {
            throw UsageError("--max-gap-minutes must not be negative (got \(maxGapMinutes))")
        }
        minOkRatio = try parsed.double("min-ok-ratio")
        json = parsed.flag("json")
        outputPath = parsed.string("output")
        failOnWarnings = parsed.flag("fail-on-warnings")
        skipRiskCheck = parsed.flag("skip-risk-check")
        let audit = parsed.string("audit-dir") ?? PrecheckReportArchive.defaultDirectory
        auditDirectory = audit.trimmingCharacters(in: .whitespaces).isEmpty ? nil : audit
        if let manifestPath, (manifestPath as NSString).lastPathComponent != OHLCVStore.manifestName {
            throw UsageError(PrecheckError.unsupportedManifest(path: manifestPath).description)
        }
    }

    public func run(in context: ToolContext) async throws {
        let loaded = try CoreConfigLoader.load(path: context.resolve(configPath), displayName: configPath)
        let now = context.now()
        let options = PaperPrecheck.Options(
            asOf: asOf ?? now, symbols: symbols, intervals: intervals, skipRiskCheck: skipRiskCheck,
            failOnWarnings: failOnWarnings, maxGapMinutes: maxGapMinutes, minOkRatio: minOkRatio,
            manifestPath: manifestPath, workingDirectory: context.currentDirectory)
        let report: PrecheckReport
        if let config = loaded.config {
            if config.environment(named: environmentName) == nil {
                let known = config.environments.map(\.name).joined(separator: ", ")
                context.writeError("error: no environment '\(environmentName)' in \(configPath) (known: \(known))\n")
            }
            do {
                report = try await PaperPrecheck(
                    config: config, configPath: configPath, environmentName: environmentName, options: options,
                    loadIssues: loaded.issues
                ).run()
            } catch let error as PrecheckError {
                throw ToolExit(code: 1, message: error.description)
            }
        } else {
            // Nothing can be planned without a configuration; the report lists why it did not load.
            report = PrecheckReport(
                environment: environmentName, asOf: options.asOf, manifestPath: manifestPath,
                configErrors: loaded.issues.filter { $0.severity == .error }.map(\.description),
                configWarnings: loaded.issues.filter { $0.severity == .warning }.map(\.description), coverage: nil,
                coverageStatus: .skipped, coverageWarnings: [], risk: nil, riskStatus: .skipped,
                errorReason: "config_not_loaded", failOnWarnings: failOnWarnings)
        }

        var record: PrecheckAuditRecord?
        var archiveError: PrecheckError?
        if let auditDirectory {
            do {
                record = try PrecheckReportArchive.persist(
                    report, environment: environmentName,
                    directory: URL(fileURLWithPath: context.resolve(auditDirectory)), createdAt: now)
            } catch {
                archiveError = error
            }
        }
        let document = report.json(auditRecord: record).rendered() + "\n"
        if let outputPath {
            try AtomicFile.write(
                Data(document.utf8), to: URL(fileURLWithPath: context.resolve(outputPath)), createFolders: true)
        }
        context.write(json ? document : text(report, record: record))
        context.logger.debug(
            "pre-check of \(environmentName) as of \(UTCDateTime(milliseconds: options.asOf).iso8601): "
                + report.status.rawValue)
        if let archiveError { throw ToolExit(code: 1, message: archiveError.description) }
        // The findings are already written; exit 2 without repeating them.
        let code = report.exitCode(failOnWarnings: failOnWarnings)
        if code != 0 { throw ToolExit(code: code) }
    }
}
