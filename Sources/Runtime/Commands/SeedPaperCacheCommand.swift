import BotCodecs
import BotData
import BotExchanges
import Foundation

/// `seed-paper-cache`: fills a paper or testnet environment's candle cache with deterministic synthetic
/// candles, for running offline (reference-data §2.4, §9).
///
/// By default it writes every series `check-data-coverage` requires for the environment (``CachePlan``):
/// each universe symbol on the environment's exchange, in each backfill interval and the controller's.
/// Each series runs from `lookback_days` before `--start-date` to the newest candle closed at `--end-date`
/// (default now), so a coverage check passes both as of the end of the paper window
/// (`--start-date` + `--days`, where the smoke test looks) and as of now (the default check).
///
/// From `--start-date` on, each series is the reference generator's (for `1d` with the same seed, bit for
/// bit the reference's rows: BTC opens at 45 000 on the start date). The history before it is a second
/// seeded series played backwards, so it ends exactly at the start date's opening price. Two runs with the
/// same arguments write identical Parquet files. The files go through ``OHLCVStore`` like a backfill's: the
/// same layout and manifest, a ledger segment per partition and a watermark per series.
public struct SeedPaperCacheCommand: ToolCommand {
    public static let name = "seed-paper-cache"
    public static let summary =
        "Writes deterministic synthetic candles for a paper or testnet environment's universe into its cache, "
        + "so check-data-coverage and the paper smoke test can run offline."
    public static let options: [OptionSpec] = [
        .option("config", value: "path", help: "The configuration file.", default: "config/core.yaml"),
        .option(
            "environment", value: "name", help: "The paper or testnet environment to seed.", default: "binance_paper"),
        .option(
            "start-date", value: "date", kind: .date,
            help: "First day of the paper window; history before it covers the backfill lookback.",
            default: "2024-01-01"),
        .option("days", value: "n", kind: .integer, help: "Length of the paper window in days.", default: "60"),
        .option(
            "end-date", value: "date", kind: .date,
            help: "The last candle is the newest one closed at this time (default: now); not before the window's end."),
        .repeated(
            "interval", value: "interval",
            help: "Only this interval (1d, D1, 1h, 15m …); repeat for more. Default: backfill and controller ones."),
        .option(
            "seed", value: "n", kind: .integer, help: "Seed of the generator; the same seed gives the same bytes.",
            default: String(SyntheticCandleGenerator.defaultSeed)),
        .flag("json", help: "Print the summary as JSON."),
    ]

    let configPath: String
    let environmentName: String
    let startDate: Int64
    let days: Int
    let endDate: Int64?
    let intervals: [Interval]
    let seed: Int64
    let json: Bool

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        configPath = try parsed.requiredString("config")
        environmentName = try parsed.requiredString("environment")
        startDate = try parsed.date("start-date") ?? 0
        days = try parsed.integer("days") ?? 60
        guard days > 0 else { throw UsageError("--days must be at least 1 (got \(days))") }
        endDate = try parsed.date("end-date")
        intervals = try Self.intervals(parsed.strings("interval"))
        seed = Int64(try parsed.integer("seed") ?? Int(SyntheticCandleGenerator.defaultSeed))
        json = parsed.flag("json")
    }

    static func intervals(_ texts: [String]) throws(UsageError) -> [Interval] {
        var intervals: [Interval] = []
        for text in texts {
            do {
                let interval = try Interval(parsing: text)
                if !intervals.contains(interval) { intervals.append(interval) }
            } catch {
                throw UsageError("--interval: \(error)")
            }
        }
        return intervals
    }

    /// What was written for one series.
    struct Seeded {
        let series: CachePlan.Series
        let first: Int64
        let last: Int64
        let candles: Int
        let written: Int
        let partitions: Int
    }

    public func run(in context: ToolContext) async throws {
        let plan = try CachePlan.load(configPath: configPath, environmentName: environmentName, in: context)
        guard plan.environment.kind != .live else {
            throw ToolExit(
                code: 1,
                message: "environment '\(environmentName)' is live; synthetic candles are only written into paper or "
                    + "testnet caches, never next to real market data")
        }
        let now = context.now()
        let windowEnd = startDate + Int64(days) * UTCDateTime.millisecondsPerDay
        let end = endDate ?? now
        guard end <= now else {
            throw UsageError("--end-date \(Self.iso(end)) is in the future; only closed candles can be stored")
        }
        guard end >= windowEnd else {
            throw UsageError(
                "the paper window \(Self.iso(startDate)) + \(days) days ends at \(Self.iso(windowEnd)), after "
                    + (endDate == nil ? "now (\(Self.iso(now)))" : "--end-date \(Self.iso(end))")
                    + "; candles that have not closed cannot be stored: choose an earlier --start-date or fewer --days")
        }
        let selected = try select(from: plan)
        let store = try await OHLCVStore.open(root: URL(fileURLWithPath: plan.cacheRoot), clock: context.now)
        context.logger.info(
            "seeding \(selected.count) series of \(environmentName) into \(plan.cacheRoot) (seed \(seed), "
                + "window \(Self.iso(startDate)) + \(days) days, last candle closed by \(Self.iso(end)))")
        var results: [Seeded] = []
        for series in selected {
            try Task.checkCancellation()
            let candles = self.candles(for: series, through: end)
            guard let first = candles.first, let last = candles.last else { continue }
            let key = try plan.key(series)
            let summary = try await store.write(candles, series: key, now: now)
            let partitions = try await store.partitions(series: key)
            // Ledger segments as a backfill records them, so the cache looks like any delivered one.
            for partition in partitions {
                try await store.recordSegment(
                    LedgerSegment(
                        contentKey: partition.sha256, series: key, rangeStart: partition.firstOpenTime,
                        rangeEnd: partition.lastOpenTime, rows: partition.rows, kind: .parquet, path: partition.path,
                        createdAt: now),
                    advancingWatermarkTo: partition.lastOpenTime)
            }
            results.append(
                Seeded(
                    series: series, first: first.openTime, last: last.openTime, candles: candles.count,
                    written: summary.written, partitions: summary.partitionsWritten.count))
            context.logger.info(
                "\(key): \(candles.count) candles \(Self.iso(first.openTime)) … \(Self.iso(last.openTime)), "
                    + "\(summary.written) written, \(summary.partitionsWritten.count) partitions rewritten")
        }
        context.write(json ? report(results, plan: plan, end: end).rendered() + "\n" : text(results, plan: plan))
    }

    /// The plan's series, or the requested intervals for each planned symbol.
    private func select(from plan: CachePlan) throws(UsageError) -> [CachePlan.Series] {
        guard !intervals.isEmpty else { return plan.series }
        var symbols: [CachePlan.Series] = []
        for series in plan.series where !symbols.contains(where: { $0.symbol == series.symbol }) {
            symbols.append(series)
        }
        return symbols.flatMap { symbol in
            intervals.map { interval in
                let planned = plan.series.first { $0.symbol == symbol.symbol && $0.interval == interval }
                return CachePlan.Series(
                    instrument: symbol.instrument, symbol: symbol.symbol, baseAsset: symbol.baseAsset,
                    interval: interval, lookbackDays: planned?.lookbackDays)
            }
        }
    }

    /// The series' candles: the mirrored history, then the generator's series from the start date up to the
    /// newest candle closed at `end`.
    func candles(for series: CachePlan.Series, through end: Int64) -> [Candle] {
        let interval = series.interval
        let windowFirst = interval.start(ofBucketContaining: startDate)
        let last = interval.advance(interval.start(ofBucketContaining: end), by: -1)
        let window = SyntheticCandleGenerator(seed: seed).candles(
            symbol: series.symbol, baseAsset: series.baseAsset, interval: interval, start: windowFirst, through: last)
        guard let lookback = series.lookbackDays, lookback > 0 else { return window }
        // A check as of the start date looks back from up to one freshness limit earlier: cover that too.
        let margin =
            Int64(CoverageEvaluator().freshnessLimit(for: interval) * 60_000) + interval.approximateMilliseconds
        let historyFirst = interval.start(
            ofBucketContaining: windowFirst - Int64(lookback) * UTCDateTime.millisecondsPerDay - margin)
        var count = 0
        if let length = interval.fixedMilliseconds {
            count = Int((windowFirst - historyFirst) / length)
        } else {
            var time = historyFirst
            while time < windowFirst {
                count += 1
                time = interval.next(after: time)
            }
        }
        // Another seed, so the history is not the window's mirror image; played backwards from the base price
        // it rises into the start date's open.
        let forward = SyntheticCandleGenerator(seed: ~seed).candles(
            symbol: series.symbol, baseAsset: series.baseAsset, interval: interval, start: windowFirst, count: count)
        var candles: [Candle] = []
        candles.reserveCapacity(count + window.count)
        for index in 0..<count {
            let source = forward[count - 1 - index]
            candles.append(
                Candle(
                    openTime: interval.advance(windowFirst, by: index - count), open: source.close, high: source.high,
                    low: source.low, close: source.open, volume: source.volume))
        }
        candles.append(contentsOf: window)
        return candles
    }

    static func iso(_ time: Int64) -> String { UTCDateTime(milliseconds: time).iso8601 }

    private func text(_ results: [Seeded], plan: CachePlan) -> String {
        var lines = results.map { result in
            "  \(result.series.symbol) \(result.series.interval): \(result.candles) candles  "
                + "\(Self.iso(result.first)) … \(Self.iso(result.last))  \(result.written) written, "
                + "\(result.partitions) partitions rewritten"
        }
        lines.insert(
            "seeded \(results.count) series (\(results.reduce(0) { $0 + $1.candles }) candles, seed \(seed)) into "
                + "\(plan.cacheRoot):", at: 0)
        lines.append(
            "next: check-data-coverage --config \(configPath) --environment \(environmentName)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func report(_ results: [Seeded], plan: CachePlan, end: Int64) -> ReportJSON {
        .object([
            ("environment", .string(environmentName)), ("exchange", .string(plan.environment.exchange)),
            ("cache", .string(plan.cacheRoot)), ("seed", .integer(seed)),
            ("start_date", .string(Self.iso(startDate))), ("days", .integer(Int64(days))),
            ("end_date", .string(Self.iso(end))),
            (
                "series",
                .array(
                    results.map { result in
                        .object([
                            ("symbol", .string(result.series.symbol)),
                            ("interval", .string(result.series.interval.description)),
                            ("lookback_days", .integer(result.series.lookbackDays.map(Int64.init))),
                            ("first_open_time", .integer(result.first)),
                            ("first_open_time_iso", .string(Self.iso(result.first))),
                            ("last_open_time", .integer(result.last)),
                            ("last_open_time_iso", .string(Self.iso(result.last))),
                            ("candles", .integer(Int64(result.candles))), ("written", .integer(Int64(result.written))),
                            ("partitions_written", .integer(Int64(result.partitions))),
                        ])
                    })
            ),
            ("candles", .integer(Int64(results.reduce(0) { $0 + $1.candles }))),
        ])
    }
}
