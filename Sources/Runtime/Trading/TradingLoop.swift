import BotData
import BotExchanges
import BotExecution
import BotRisk
import Foundation

/// The continuous paper run: every poll, refresh the cache, trade the bars that closed since the last
/// cycle, report health on schedule; on cancellation (SIGINT/SIGTERM) finish the cycle in flight, close
/// the paper positions and stop.
///
/// Each cycle runs in its own task, so an interrupt that arrives mid-cycle never leaves an order sent but
/// not booked: the cycle completes, then the loop sees the cancellation and shuts down.
public struct TradingLoop: Sendable {
    /// What one cycle did, or why it failed.
    public typealias CycleOutcome = Result<CycleReport, any Error>

    public let pipeline: PaperTradingPipeline
    /// Refreshes the cache before each cycle (a backfill of the newest candles); returns problems to log.
    public let refresh: (@Sendable () async -> [String])?
    /// Time between cycle starts.
    public let pollInterval: Duration
    /// Time between health reports; zero disables them.
    public let healthInterval: Duration
    /// Bars of history read at start (at least the strategy's warm-up).
    public let historyBars: Int
    public let metrics: TradingMetrics?
    public let logger: Logger
    /// The clock the loop sleeps on and measures with.
    public let sleeper: any Clock<Duration>

    public init(
        pipeline: PaperTradingPipeline, refresh: (@Sendable () async -> [String])?, pollInterval: Duration,
        healthInterval: Duration, historyBars: Int, metrics: TradingMetrics?, logger: Logger,
        sleeper: any Clock<Duration> = ContinuousClock()
    ) {
        self.pipeline = pipeline
        self.refresh = refresh
        self.pollInterval = max(pollInterval, .seconds(1))
        self.healthInterval = healthInterval
        self.historyBars = historyBars
        self.metrics = metrics
        self.logger = logger
        self.sleeper = sleeper
    }

    /// Warms the strategy up on the history before the newest closed bar, so the first cycle decides on
    /// that bar as a daily run would.
    /// - Returns: how many bars were taken in.
    @discardableResult
    public func warmUp() async throws -> Int {
        if let refresh {
            for problem in await refresh() { logger.warning("Market data refresh: \(problem)") }
        }
        let interval = pipeline.feed.interval
        let newestClosed = interval.advance(interval.start(ofBucketContaining: pipeline.clock.now()), by: -1)
        let history = try await pipeline.feed.history(
            before: newestClosed, count: max(historyBars, pipeline.warmUpBars))
        return await pipeline.controller.warmUp(history)
    }

    /// One cycle: refresh, then trade every bar of the last `historyBars` that closed and was not seen.
    public func runCycle() async throws -> CycleReport {
        if let refresh {
            for problem in await refresh() {
                metrics?.adapterError(operation: "refresh")
                logger.warning("Market data refresh: \(problem)")
            }
        }
        let now = pipeline.clock.now()
        let interval = pipeline.feed.interval
        let from = interval.advance(interval.start(ofBucketContaining: now), by: -max(1, historyBars))
        let bars = try await pipeline.feed.bars(from: from, to: now, closedBy: now)
        let report = try await pipeline.controller.process(bars)
        // The journal buffers between cycles; what a cycle decided is on disk before the loop sleeps.
        try await pipeline.journal.flush()
        return report
    }

    /// Runs cycles every ``pollInterval`` until the task is cancelled or `maxCycles` ran.
    /// - Returns: the combined report of the cycles that succeeded and how many failed.
    public func run(maxCycles: Int? = nil) async -> (report: CycleReport, failedCycles: Int) {
        var total = CycleReport()
        var failed = 0
        var cycles = 0
        let stopwatch = ContinuousClock()
        var lastHealth = stopwatch.now
        while !Task.isCancelled {
            let started = stopwatch.now
            let outcome = await Task { () -> CycleOutcome in
                do { return .success(try await runCycle()) } catch { return .failure(error) }
            }.value
            cycles += 1
            switch outcome {
            case .success(let report):
                total.merge(report)
                metrics?.cycle(succeeded: true, at: pipeline.clock.now())
                logger.info(Self.describe(report, cycle: cycles))
            case .failure(let error):
                failed += 1
                metrics?.cycle(succeeded: false, at: pipeline.clock.now())
                logger.error("Cycle \(cycles) failed: \(error)")
            }
            if healthInterval > .zero, lastHealth.duration(to: stopwatch.now) >= healthInterval {
                lastHealth = stopwatch.now
                await reportHealth(cycles: cycles, failed: failed)
            }
            if let maxCycles, cycles >= maxCycles { break }
            let remaining = pollInterval - started.duration(to: stopwatch.now)
            do { try await sleeper.sleep(for: max(remaining, .milliseconds(1))) } catch { break }
        }
        return (total, failed)
    }

    /// Closes every paper position (the cycle in flight has finished) and flushes the ledger and journal.
    public func shutdown() async throws -> [TradeRecord] {
        let closed = try await Task { try await pipeline.controller.closeAllPositions(purpose: .shutdown) }.value
        try await pipeline.execution.flush()
        try await pipeline.journal.flush()
        return closed
    }

    /// Logs and counts a health report: cycles, mode, equity, exposure and open positions.
    public func reportHealth(cycles: Int, failed: Int) async {
        let snapshot = await pipeline.risk.snapshot()
        metrics?.healthReport()
        logger.info(
            "Health: \(cycles) cycles (\(failed) failed), mode \(snapshot.mode.rawValue), equity "
                + "\(Self.money(snapshot.equity)), daily loss \(Self.percent(snapshot.dailyLossPct)), "
                + "gross exposure \(Self.money(snapshot.grossExposure)), open positions \(snapshot.openPositions)")
    }

    static func describe(_ report: CycleReport, cycle: Int) -> String {
        "Cycle \(cycle): \(report.bars) new bars, \(report.signals) signals, \(report.filledOrders) filled, "
            + "\(report.riskRejections) refused by risk, \(report.venueRejections) rejected by the venue"
            + (report.liquidations > 0 ? ", \(report.liquidations) positions liquidated" : "")
    }

    static func money(_ value: Double) -> String { String(format: "%.2f", value) }
    static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }
}
