import BotData
import BotExchanges
import BotExecution
import BotRisk
import BotStrategies
import Foundation

/// Everything a paper run of the daily trend strategy trades with, built from a ``TradingSelection``:
/// the candle feed over the local cache, the risk engine, the paper simulator, the decision journal and
/// the controller that ties them together.
public struct PaperTradingPipeline: Sendable {
    /// Where the pipeline keeps its state and how it tells time.
    public struct Options: Sendable {
        /// The clock shared by the risk engine, the simulator and the controller.
        public var clock: TradingClock
        /// The persisted risk state; nil keeps it in memory (smoke tests over the past, benchmarks).
        public var riskStateFile: RiskStateFile?
        /// Where the simulator's ledger goes.
        public var ledger: LedgerStorage
        /// Where decisions go.
        public var journal: any DecisionJournal
        /// The Prometheus counters to update; nil for none.
        public var metrics: TradingMetrics?

        public init(
            clock: TradingClock, riskStateFile: RiskStateFile?, ledger: LedgerStorage, journal: any DecisionJournal,
            metrics: TradingMetrics? = nil
        ) {
            self.clock = clock
            self.riskStateFile = riskStateFile
            self.ledger = ledger
            self.journal = journal
            self.metrics = metrics
        }
    }

    public let selection: TradingSelection
    public let store: OHLCVStore
    public let feed: CandleFeed
    public let risk: RiskEngine
    public let execution: PaperExecutionService
    public let journal: any DecisionJournal
    public let clock: TradingClock
    public let controller: TradingController
    /// The strategy's warm-up need, in bars.
    public let warmUpBars: Int

    /// Builds the pipeline; `cacheRoot` is the environment's `data_cache_path`, resolved.
    public static func build(
        selection: TradingSelection, cacheRoot: URL, options: Options, readOnlyCache: Bool = false
    ) async throws(PipelineError) -> PaperTradingPipeline {
        let environment = selection.environment
        let settings = selection.paperSettings
        guard !selection.markets.isEmpty else { throw .noMarkets(environment: environment.name) }
        let strategy: DailyTrendMomentumStrategy
        do {
            strategy = try DailyTrendMomentumStrategy(parameters: selection.strategy.parameters.strategyParameters)
        } catch {
            throw .invalidStrategy(name: selection.strategy.name, reason: "\(error)")
        }
        let store: OHLCVStore
        let feed: CandleFeed
        do {
            store = try await OHLCVStore.open(root: cacheRoot, readOnly: readOnlyCache, clock: options.clock.closure)
            feed = try CandleFeed(
                store: store, exchange: environment.exchange, symbols: selection.markets.map(\.symbol),
                interval: selection.interval)
        } catch {
            throw .cacheUnavailable(path: cacheRoot.path, reason: "\(error)")
        }
        let startingEquity = settings.initialBalances[settings.valuationAsset] ?? 100_000
        let risk: RiskEngine
        do {
            risk = try RiskEngine(
                profile: selection.riskProfile.riskProfile, environment: environment.name,
                startingEquity: startingEquity, stateFile: options.riskStateFile, clock: options.clock.closure)
        } catch {
            throw .riskState(reason: "\(error)")
        }
        let execution = PaperExecutionService(
            markets: Self.markets(selection), initialBalances: settings.initialBalances,
            settings: PaperExecutionSettings(
                makerFee: settings.makerFee, takerFee: settings.takerFee, slippageBPS: settings.slippageBPS),
            ledger: options.ledger, clock: options.clock.closure)
        var metadata: [String: String] = [:]
        if settings.defaultLeverage > 1 {
            metadata[ExecutionContext.leverageKey] = String(format: "%.2f", settings.defaultLeverage)
        }
        let context = ExecutionContext(
            portfolioID: settings.portfolioID, riskProfile: selection.riskProfile.name,
            environment: environment.name, metadata: metadata)
        let controller = TradingController(
            strategy: StrategyDriver(strategy),
            settings: TradingControllerSettings(
                interval: selection.interval, context: context, positionSize: settings.positionSize),
            risk: risk, execution: execution, journal: options.journal, metrics: options.metrics,
            clock: options.clock)
        return PaperTradingPipeline(
            selection: selection, store: store, feed: feed, risk: risk, execution: execution,
            journal: options.journal, clock: options.clock, controller: controller,
            warmUpBars: strategy.warmUpBarCount)
    }

    /// The simulator's markets: each traded symbol with the default lot rules, overridden per symbol.
    static func markets(_ selection: TradingSelection) -> [String: MarketMetadata] {
        let settings = selection.paperSettings
        var markets: [String: MarketMetadata] = [:]
        for market in selection.markets {
            let rules = settings.markets[market.symbol] ?? settings.defaultMarket
            let fallback = settings.defaultMarket
            markets[market.symbol] = MarketMetadata(
                baseAsset: market.baseAsset, quoteAsset: market.quoteAsset,
                minQuantity: rules.minQuantity ?? fallback.minQuantity ?? 0,
                minNotional: rules.minNotional ?? fallback.minNotional ?? 0,
                stepSize: rules.stepSize ?? fallback.stepSize, tickSize: rules.tickSize ?? fallback.tickSize)
        }
        return markets
    }
}
