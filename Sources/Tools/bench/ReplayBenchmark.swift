import BotData
import BotExchanges
import BotExecution
import BotRisk
import BotRuntime
import BotStrategies
import Foundation

/// Candles per second through the trading path — strategy → risk engine → paper execution → decision
/// journal — replaying synthetic 1h candles of 8 symbols in one pass of the real `TradingController`, once
/// with the journal off and once with the JSONL journal writing to a temporary folder.
enum ReplayBenchmark: Benchmark {
    static let name = "replay"
    static let summary = "trading path replay: 1h candles of 8 symbols (--years N --symbols N --runs N --journal off|on|both)"

    static let symbols = [
        ("BTCUSDT", "BTC"), ("ETHUSDT", "ETH"), ("SOLUSDT", "SOL"), ("BNBUSDT", "BNB"), ("XRPUSDT", "XRP"),
        ("ADAUSDT", "ADA"), ("LTCUSDT", "LTC"), ("POLUSDT", "POL"),
    ]

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        let years = try option("years", in: arguments, default: 5)
        let count = min(symbols.count, max(1, try option("symbols", in: arguments, default: 8)))
        let runs = max(1, try option("runs", in: arguments, default: 3))
        let journal = try option("journal", in: arguments, default: "both")
        guard ["off", "on", "both"].contains(journal) else {
            throw BenchmarkUsageError(description: "--journal takes off, on or both")
        }
        let start: Int64 = 1_577_836_800_000  // 2020-01-01
        let hours = years * 365 * 24
        let generator = SyntheticCandleGenerator()
        var bars: [String: [Candle]] = [:]
        var markets: [String: MarketMetadata] = [:]
        for (symbol, base) in symbols.prefix(count) {
            bars[symbol] = generator.candles(
                symbol: symbol, baseAsset: base, interval: .oneHour, start: start, count: hours)
            markets[symbol] = MarketMetadata(baseAsset: base, quoteAsset: "USDT", minQuantity: 0.001, minNotional: 10)
        }
        let candles = bars.values.reduce(0) { $0 + $1.count }

        var quiet: [Double] = []
        var journalled: [Double] = []
        var strategyOnly: [Double] = []
        var outcome = CycleReport()
        var events = 0
        for _ in 0..<runs {
            strategyOnly.append(try strategyPass(bars))
            if journal != "on" {
                let (seconds, report, _) = try await replay(bars, markets: markets, start: start, journal: nil)
                quiet.append(seconds)
                outcome = report
            }
            guard journal != "off" else { continue }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let journal = JSONLDecisionJournal(directory: folder, retentionDays: nil, fsync: false)
            let (withJournal, report, written) = try await replay(bars, markets: markets, start: start, journal: journal)
            outcome = report
            journalled.append(withJournal)
            events = written
        }
        var result: [String: any Sendable] = [
            "symbols": count, "years": years, "interval": "1h", "candles": candles, "runs": runs,
            "candles_per_second_strategy_only": Double(candles) / (strategyOnly.min() ?? 1),
            "signals": outcome.signals, "filled_orders": outcome.filledOrders,
            "risk_rejections": outcome.riskRejections, "liquidations": outcome.liquidations,
            "peak_rss_mb": peakResidentMegabytes() ?? -1,
        ]
        if let best = quiet.min() {
            result["seconds_journal_off"] = best
            result["candles_per_second_journal_off"] = Double(candles) / best
        }
        if let journalled = journalled.min() {
            result["seconds_journal_on"] = journalled
            result["candles_per_second_journal_on"] = Double(candles) / journalled
            result["journal_events"] = events
            if let best = quiet.min() {
                result["journal_cost_seconds"] = journalled - best
                result["journal_cost_microseconds_per_event"] = events > 0 ? (journalled - best) / Double(events) * 1e6 : 0
            }
        }
        return result
    }

    /// The floor: the same bars through the strategy alone, symbol after symbol, no risk engine or venue.
    static func strategyPass(_ bars: [String: [Candle]]) throws -> Double {
        var runner = StrategyRunner(strategy: try DailyTrendMomentumStrategy(parameters: parameters))
        var actionable = 0
        let began = ContinuousClock.now
        for (symbol, candles) in bars {
            for bar in candles where runner.feed(bar, symbol: symbol).signal?.isActionable == true { actionable += 1 }
        }
        let elapsed = ContinuousClock.now - began
        precondition(actionable > 0)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static let parameters = DailyTrendMomentumStrategy.Parameters(
        fastMA: 25, slowMA: 100, breakoutLookback: 55, momentumWindow: 20, atrWindow: 14, atrMultiplier: 2,
        minTrendStrength: 0.005, minMomentum: 0.001)

    /// One replay through a fresh pipeline; returns the seconds `process` took, its report and how many
    /// journal lines were written.
    static func replay(
        _ bars: [String: [Candle]], markets: [String: MarketMetadata], start: Int64, journal: JSONLDecisionJournal?
    ) async throws -> (Double, CycleReport, Int) {
        let clock = TradingClock(replayingFrom: start)
        let profile = RiskProfile(
            name: "balanced", maxDailyLossPct: 0.015, maxPositionPct: 0.05, targetVolatility: 0.11, maxLeverage: 3,
            stopLossATRMultiple: 1.5, maxOpenPositions: 5, hardDrawdownPct: 0.1)
        let risk = try RiskEngine(
            profile: profile, environment: "bench", startingEquity: 100_000, stateFile: nil, clock: clock.closure)
        let execution = PaperExecutionService(
            markets: markets, initialBalances: ["USDT": 100_000], clock: clock.closure)
        let strategy = try DailyTrendMomentumStrategy(parameters: parameters)
        let controller = TradingController(
            strategy: StrategyDriver(strategy),
            settings: TradingControllerSettings(
                interval: .oneHour,
                context: ExecutionContext(portfolioID: "bench", riskProfile: "balanced", environment: "bench"),
                positionSize: 0.1),
            risk: risk, execution: execution, journal: journal ?? DisabledDecisionJournal(), clock: clock)
        let began = ContinuousClock.now
        let report = try await controller.process(bars)
        try await journal?.flush()
        let elapsed = ContinuousClock.now - began
        let lines = try await journal?.export().count ?? 0
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, report, lines)
    }
}
