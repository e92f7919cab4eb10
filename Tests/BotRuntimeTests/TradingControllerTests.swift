import BotExchanges
import BotExecution
import BotRisk
import BotRuntime
import BotStrategies
import Foundation
import Testing

@Suite("TradingController")
struct TradingControllerTests {
    static let day: Int64 = 86_400_000
    static let start: Int64 = 1_704_067_200_000  // 2024-01-01

    /// Daily bars from closes: open at the previous close, high/low 1 % around the bar.
    static func bars(_ closes: [Double], from start: Int64 = start) -> [Candle] {
        var previous = closes.first ?? 0
        return closes.enumerated().map { index, close in
            defer { previous = close }
            return Candle(
                openTime: start + Int64(index) * day, open: previous, high: max(previous, close) * 1.01,
                low: min(previous, close) * 0.99, close: close, volume: 10)
        }
    }

    /// 30 quiet bars, 15 rising 2 % a day, 15 falling 3 % a day.
    static func trendTurn(base: Double = 20_000) -> [Double] {
        var closes = (0..<30).map { base * (1 + 0.002 * sin(Double($0))) }
        for _ in 0..<15 { closes.append(closes.last! * 1.02) }
        for _ in 0..<15 { closes.append(closes.last! * 0.97) }
        return closes
    }

    static let parameters = DailyTrendMomentumStrategy.Parameters(
        fastMA: 3, slowMA: 5, breakoutLookback: 4, momentumWindow: 3, atrWindow: 3, atrMultiplier: 1.5,
        minTrendStrength: 0, minMomentum: 0)

    static func profile(dailyLoss: Double = 0.5, maxPosition: Double = 0.5) -> RiskProfile {
        RiskProfile(
            name: "test", maxDailyLossPct: dailyLoss, maxPositionPct: maxPosition, targetVolatility: 0.5,
            maxLeverage: 5, stopLossATRMultiple: 1.0, maxOpenPositions: 5, hardDrawdownPct: 0.9)
    }

    struct Harness {
        let controller: TradingController
        let risk: RiskEngine
        let execution: PaperExecutionService
        let journal: MemoryDecisionJournal
        let clock: TradingClock
    }

    static func harness(profile: RiskProfile = profile(), positionSize: Double = 0.1) throws -> Harness {
        let clock = TradingClock(replayingFrom: start)
        let risk = try RiskEngine(
            profile: profile, environment: "paper_test", startingEquity: 100_000, stateFile: nil,
            clock: clock.closure)
        let execution = PaperExecutionService(
            markets: ["BTCUSDT": MarketMetadata(baseAsset: "BTC", quoteAsset: "USDT", minQuantity: 0.001)],
            initialBalances: ["USDT": 100_000], clock: clock.closure)
        let journal = MemoryDecisionJournal()
        let controller = TradingController(
            strategy: StrategyDriver(try DailyTrendMomentumStrategy(parameters: parameters)),
            settings: TradingControllerSettings(
                interval: .oneDay,
                context: ExecutionContext(portfolioID: "paper_test", riskProfile: profile.name, environment: "paper_test"),
                positionSize: positionSize),
            risk: risk, execution: execution, journal: journal, clock: clock)
        return Harness(controller: controller, risk: risk, execution: execution, journal: journal, clock: clock)
    }

    @Test("a trend that turns gives a filled entry and a filled reducing exit, and the risk state books both")
    func trendTurn() async throws {
        let harness = try Self.harness()
        let report = try await harness.controller.process(["BTCUSDT": Self.bars(Self.trendTurn())])
        let filled = report.trades.filter { $0.result.status == .filled }
        let buys = filled.filter { $0.request.side == .buy }
        let sells = filled.filter { $0.request.side == .sell }
        #expect(!buys.isEmpty)
        #expect(!sells.isEmpty)
        #expect(sells.allSatisfy { $0.request.reduceOnly })
        #expect(report.bars == 60)
        // Every sell closes what a buy opened: the account and the risk engine both end flat.
        #expect(await harness.execution.positions().isEmpty)
        let snapshot = await harness.risk.snapshot()
        #expect(snapshot.positions.isEmpty)
        #expect(snapshot.dailyRealizedPnL != 0 || snapshot.equity != 100_000)
        // Fills are stamped at their bar's close, not at the time of the test.
        let firstBuy = try #require(buys.first)
        #expect(firstBuy.result.timestamp > Self.start)
        #expect(firstBuy.result.timestamp < Self.start + 61 * Self.day)
        let kinds = await harness.journal.events().map(\.kind)
        #expect(kinds.contains(.signalReceived))
        #expect(kinds.contains(.riskCheckPassed))
        #expect(kinds.contains(.orderSubmitted))
        #expect(kinds.contains(.orderExecuted))
    }

    @Test("a bar already seen is skipped: re-reading an overlapping window trades nothing twice")
    func overlappingWindows() async throws {
        let harness = try Self.harness()
        let bars = Self.bars(Self.trendTurn())
        let first = try await harness.controller.process(["BTCUSDT": Array(bars[..<40])])
        let second = try await harness.controller.process(["BTCUSDT": Array(bars[20...])])
        #expect(second.skippedBars == 20)
        #expect(first.bars + second.bars == 60)

        let once = try Self.harness()
        let whole = try await once.controller.process(["BTCUSDT": bars])
        #expect(
            (first.trades + second.trades).map(\.request.side) == whole.trades.map(\.request.side))
    }

    @Test("a loss beyond the daily limit latches liquidation, closes the position and refuses new entries")
    func dailyLossLiquidation() async throws {
        let harness = try Self.harness(profile: Self.profile(dailyLoss: 0.01, maxPosition: 0.5), positionSize: 0.5)
        var closes = Self.trendTurn()
        closes.removeLast(15)
        let rising = Self.bars(closes)
        let report = try await harness.controller.process(["BTCUSDT": rising])
        let held = try #require(await harness.execution.positions()["BTCUSDT"])
        #expect(report.filledOrders >= 1)
        // One bar that loses 30 % of the position's value: 0.5 BTC × ~27 000 × 0.3 ≈ 4 000 > 1 % of equity.
        let last = try #require(rising.last)
        let crash = Candle(
            openTime: last.openTime + Self.day, open: last.close, high: last.close, low: last.close * 0.69,
            close: last.close * 0.7, volume: 10)
        let after = try await harness.controller.process(["BTCUSDT": [crash]])
        #expect(after.liquidations == 1)
        #expect(await harness.execution.positions().isEmpty)
        let snapshot = await harness.risk.snapshot()
        #expect(snapshot.mode == .liquidation)
        #expect(snapshot.liquidation?.limit == .dailyLossLimit)
        #expect(snapshot.positions.isEmpty)
        let liquidation = try #require(after.trades.first { $0.purpose == .liquidation })
        #expect(liquidation.request.reduceOnly)
        #expect(liquidation.request.quantity == held.quantity)
        #expect(await harness.journal.events().contains { $0.kind == .liquidationEntered })
        // The same day, a fresh breakout is refused: only reducing orders pass in liquidation mode.
        let entry = OrderRequest(
            symbol: "BTCUSDT", side: .buy, quantity: 0.01, price: crash.close, stopPrice: crash.close * 0.9,
            atr: crash.close * 0.02)
        #expect(try await harness.risk.check(entry, referencePrice: crash.close).isAllowed == false)
    }

    @Test("shutdown closes every paper position with reducing orders the risk engine books")
    func shutdownClosesPositions() async throws {
        let harness = try Self.harness()
        var closes = Self.trendTurn()
        closes.removeLast(15)
        _ = try await harness.controller.process(["BTCUSDT": Self.bars(closes)])
        #expect(await harness.execution.positions().count == 1)
        let closed = try await harness.controller.closeAllPositions()
        #expect(closed.count == 1)
        #expect(closed.allSatisfy { $0.request.reduceOnly && $0.result.status == .filled })
        #expect(await harness.execution.positions().isEmpty)
        #expect(await harness.risk.snapshot().positions.isEmpty)
        #expect(await harness.controller.strategyPositions["BTCUSDT"]?.isOpen == false)
    }
}
