import BotData
import BotExchanges
import BotExecution
import BotNet
import BotRisk
import Foundation

extension RunDailyTrendCommand {
    /// `--run-once` and the continuous loop: the environment's own risk state, paper account, ledger and
    /// journal, the wall clock, and the cache refreshed from the exchange before each cycle.
    func runPaper(_ selection: TradingSelection, in context: ToolContext) async throws {
        let root = cacheRoot(selection, in: context)
        let sessionStart = context.now()
        let registry = MetricsRegistry()
        let environment = selection.environment
        let metrics = try TradingMetrics(
            registry: registry, environment: environment.name, portfolio: selection.paperSettings.portfolioID,
            riskProfile: selection.riskProfile.name)
        let clock = TradingClock(wall: context.now)
        let pipeline = try await buildPipeline(
            selection,
            options: .init(
                clock: clock,
                riskStateFile: RiskStateFile(
                    dataCachePath: root, environment: environment.name, profile: selection.riskProfile.name),
                ledger: ledgerStorage(selection, root: root),
                journal: DecisionJournalFactory.make(config: environment.decisionJournal, dataCachePath: root.path),
                metrics: metrics),
            readOnlyCache: false, in: context)
        let accountFile = PaperAccountFile(dataCachePath: root, environment: environment.name)
        if let account = try accountFile.load() {
            await pipeline.execution.restore(account)
            context.logger.info("Paper account restored from \(accountFile.url.path)")
        }
        let loop = TradingLoop(
            pipeline: pipeline, refresh: refresher(selection, store: pipeline.store, now: context.now),
            pollInterval: .milliseconds(Int64(pollSeconds * 1000)),
            healthInterval: .milliseconds(Int64(healthSeconds * 1000)), historyBars: historyBars, metrics: metrics,
            logger: context.logger, sleeper: context.clock)
        try await loop.warmUp()
        // An interrupt before the first cycle ends the run as interrupted (130): nothing was traded yet.
        try Task.checkCancellation()
        if runOnce {
            let report = try await loop.runCycle()
            context.logger.info(TradingLoop.describe(report, cycle: 1))
            try await accountFile.save(pipeline.execution.account())
            try await pipeline.execution.flush()
            try await pipeline.journal.flush()
            context.write(TradingLoop.describe(report, cycle: 1) + "\n")
            return
        }
        let server = try await startMetricsServer(registry, in: context)
        let outcome = await loop.run()
        context.logger.info("Stopping: finishing up after \(outcome.failedCycles) failed cycles")
        let closed = try await loop.shutdown()
        try await accountFile.save(pipeline.execution.account())
        let reportPath = try await writeSessionReport(
            pipeline, since: sessionStart, failedCycles: outcome.failedCycles, root: root, in: context)
        await server?.stop()
        context.logger.info("Closed \(closed.count) paper positions; final report \(reportPath)")
        context.logger.info("Shutdown complete")
    }

    /// The final report of a continuous run: the smoke report's files for the session, under
    /// `<data_cache_path>/reports/daily_trend_session_*`.
    func writeSessionReport(
        _ pipeline: PaperTradingPipeline, since start: Int64, failedCycles: Int, root: URL, in context: ToolContext
    ) async throws -> String {
        let directory = try SmokeReportWriter.makeDirectory(
            in: root.appendingPathComponent("reports", isDirectory: true), now: context.now(),
            prefix: "daily_trend_session")
        let trades = await pipeline.controller.tradeRecords
        let report = SmokeReport(
            environment: pipeline.selection.environment.name, window: SmokeWindow(start: start, end: context.now()),
            orders: trades.map { SmokeOrder(result: $0.result, symbol: $0.request.symbol, side: $0.request.side) },
            ledger: await pipeline.execution.ledgerRecords(), riskState: await pipeline.risk.snapshot(),
            storage: StorageCheck.measure(directory: directory, minimumFreeMB: nil),
            notes: [
                "continuous paper session; \(trades.count) orders, \(failedCycles) failed cycles; open positions "
                    + "closed at shutdown"
            ])
        let files = try SmokeReportWriter.write(report, to: directory)
        context.logger.info("Final report \(directory.path); summary.json SHA-256 \(files.summarySHA256)")
        return directory.path
    }

    /// The simulator's ledger: JSONL files under `data_cache_path` as `adapter_settings.paper_trading` says.
    func ledgerStorage(_ selection: TradingSelection, root: URL) -> LedgerStorage {
        let settings = selection.paperSettings
        guard let directory = settings.ledgerDirectory else { return .memory }
        let url =
            directory.hasPrefix("/")
            ? URL(fileURLWithPath: directory) : root.appendingPathComponent(directory, isDirectory: true)
        return .files(
            directory: url, pattern: LedgerFilePattern(settings.ledgerFilenamePattern) ?? .standard,
            retentionDays: settings.ledgerRetentionDays, fsync: settings.ledgerFsync)
    }

    /// A backfill of the traded series' recent bars from the environment's exchange (public market data;
    /// `adapter_settings.api_base_url` points it at a testnet or the simulator).
    func refresher(
        _ selection: TradingSelection, store: OHLCVStore, now: @escaping @Sendable () -> Int64
    ) -> (@Sendable () async -> [String])? {
        let environment = selection.environment
        guard let venue = Venue(rawValue: environment.exchange) else { return nil }
        let source: any CandleSource
        do {
            source = try CandleSources.make(
                venue: venue, environment: ExchangeEnvironment(rawValue: environment.kind.rawValue) ?? .live,
                baseURL: environment.adapterSettings.apiBaseURL,
                client: CandleSources.client(transport: URLSessionTransport()))
        } catch {
            return { ["cannot reach \(environment.exchange): \(error)"] }
        }
        let service = BackfillService(store: store, sources: [source], now: now)
        let interval = selection.interval
        let bars = historyBars
        let symbols = selection.markets.map(\.symbol)
        return {
            let start = interval.advance(interval.start(ofBucketContaining: now()), by: -bars)
            var requests: [BackfillRequest] = []
            for symbol in symbols {
                guard let key = try? SeriesKey(exchange: environment.exchange, symbol: symbol, interval: interval)
                else { continue }
                requests.append(BackfillRequest(series: key, start: start))
            }
            do {
                return try await service.backfill(requests).flatMap { summary in
                    summary.errors.map { "\(summary.series): \($0)" }
                }
            } catch {
                return ["\(error)"]
            }
        }
    }

    /// Serves `/metrics` on 127.0.0.1:`--metrics-port` unless it is 0.
    func startMetricsServer(_ registry: MetricsRegistry, in context: ToolContext) async throws -> MetricsServer? {
        guard metricsPort != 0 else { return nil }
        let server = MetricsServer(registry: registry, host: "127.0.0.1", port: metricsPort)
        do {
            let port = try await server.start()
            context.logger.info("Metrics on http://127.0.0.1:\(port)/metrics")
        } catch {
            throw ToolExit(code: 1, message: "\(error)")
        }
        return server
    }
}
