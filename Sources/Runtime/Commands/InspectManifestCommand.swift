import BotData
import Foundation

/// `inspect-manifest`: lists what the candle cache's manifest records — series (first/last candle as ISO
/// and epoch ms, rows), partitions (file, rows, range, SHA-256), ledger segments and watermarks — and with
/// `--verify` re-reads every partition file to check it against the manifest (DESIGN.md §4.2–4.3).
///
/// The cache is `--cache PATH`, or the `data_cache_path` of `--environment NAME` in `--config PATH`. The
/// manifest is opened read-only: nothing is migrated, repaired or written, so the tool is safe next to a
/// running backfill. Exit 0 when everything checked agrees, 2 when `--verify` finds mismatches (each is
/// listed), 1 when the cache or config cannot be opened, 64 for a bad command line.
public struct InspectManifestCommand: ToolCommand {
    public static let name = "inspect-manifest"
    public static let summary =
        "Lists the candle cache's series, partitions, ledger and watermarks; --verify re-reads every file and "
        + "checks rows and SHA-256 against the manifest (exit 2 on mismatches, 1 when it cannot be opened)."
    public static let options: [OptionSpec] = [
        .option("cache", value: "path", help: "The cache folder (data_cache_path) holding ohlcv_manifest.sqlite."),
        .option("config", value: "path", help: "Take the cache folder from this core.yaml (with --environment)."),
        .option("environment", value: "name", help: "The environment of --config whose data_cache_path to inspect."),
        .option("series", value: "exchange/symbol/interval", help: "Only this series (e.g. binance_spot/BTCUSDT/1d)."),
        .flag("verify", help: "Re-read every partition file and check rows, range and SHA-256 against the manifest."),
        .flag("json", help: "Print the listing as JSON instead of text."),
    ]
    public static let exitCodes: [ToolExitCode] = [
        ToolExitCode(2, "--verify found files that disagree with the manifest")
    ]

    enum Source: Sendable {
        case cache(String)
        case config(path: String, environment: String)
    }

    let source: Source
    let series: SeriesKey?
    let verify: Bool
    let json: Bool

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        switch (parsed.string("cache"), parsed.string("config"), parsed.string("environment")) {
        case (let cache?, nil, nil):
            source = .cache(cache)
        case (nil, let config?, let environment?):
            source = .config(path: config, environment: environment)
        case (nil, _?, nil):
            throw UsageError("--config needs --environment NAME to choose the data_cache_path")
        case (nil, nil, _?):
            throw UsageError("--environment needs --config PATH")
        case (nil, nil, nil):
            throw UsageError("give --cache PATH, or --config PATH with --environment NAME")
        default:
            throw UsageError("--cache cannot be combined with --config/--environment")
        }
        if let text = parsed.string("series") {
            do {
                series = try SeriesKey(parsing: text)
            } catch {
                throw UsageError("--series: \(error)")
            }
        } else {
            series = nil
        }
        verify = parsed.flag("verify")
        json = parsed.flag("json")
    }

    public func run(in context: ToolContext) async throws {
        let root = try cacheRoot(in: context)
        let store = try await OHLCVStore.open(root: URL(fileURLWithPath: root), readOnly: true)
        let listing = try await Listing(store: store, series: series, verify: verify)
        context.write(json ? listing.json(cache: root) : listing.text(cache: root))
        // The mismatches are already listed; exit 2 without repeating them.
        if let issues = listing.issues, !issues.isEmpty { throw ToolExit(code: 2) }
    }

    /// The cache folder, from `--cache` or the environment's `data_cache_path` (relative to the working folder).
    private func cacheRoot(in context: ToolContext) throws -> String {
        switch source {
        case .cache(let path):
            return context.resolve(path)
        case .config(let path, let name):
            let result = try CoreConfigLoader.load(path: context.resolve(path), displayName: path)
            // Inspection only needs the environment's path; validation errors elsewhere do not matter here.
            let config = try result.config ?? result.validConfig()
            guard let environment = config.environment(named: name) else {
                let known = config.environments.map(\.name).joined(separator: ", ")
                throw UsageError("--environment: no environment '\(name)' in \(path) (known: \(known))")
            }
            return context.resolve(environment.dataCachePath)
        }
    }
}
