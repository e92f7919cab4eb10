import BotExchanges
import BotRisk
import Testing

@Suite struct RiskEngineLiquidationTests {
    @Test func dailyLossBelowTheLimitAllowsAndAtTheLimitBlocksNewExposure() async throws {
        let risk = try engine(profile(dailyLoss: 0.01))
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 50_000, fee: 0, timestamp: 0)
        try await risk.markToMarket(["BTCUSDT": 49_001])
        #expect(try await risk.check(buy("ETHUSDT", 1), referencePrice: 100) == .allowed)
        try await risk.markToMarket(["BTCUSDT": 49_000])
        let rejection = try #require(try await risk.check(buy("ETHUSDT", 1), referencePrice: 100).rejection)
        #expect(rejection.check == .dailyLossLimit)
        #expect(rejection.reason.contains("max_daily_loss_pct 1.00%"))
        #expect(rejection.reason.contains("1000.00"))
        #expect(rejection.reason.contains("until 00:00 UTC"))
        #expect(await risk.snapshot().mode == .liquidation)
        // Reducing the losing position still passes; a recovery does not lift the latch.
        #expect(try await risk.check(sell(0.5), referencePrice: 49_000) == .allowed)
        try await risk.markToMarket(["BTCUSDT": 60_000])
        #expect(try await risk.check(buy(0.1), referencePrice: 60_000).rejection?.check == .dailyLossLimit)
    }

    /// The reference's example: 0.5 % of 1 000 is 5; a realised loss of 10 blocks the next buy.
    @Test func realisedLossBeyondTheLimitBlocksTheNextOrder() async throws {
        let risk = try engine(profile(dailyLoss: 0.005), equity: 1_000)
        #expect(try await risk.check(buy(0.01), referencePrice: 100) == .allowed)
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 100, fee: 0, timestamp: 0)
        try await risk.onFill(symbol: "BTCUSDT", side: .sell, quantity: 1, price: 90, fee: 0, timestamp: 0)
        let rejection = try #require(try await risk.check(buy(0.01), referencePrice: 100).rejection)
        #expect(rejection.check == .dailyLossLimit)
        #expect(rejection.reason.contains("realised -10.00"))
    }

    @Test func dailyLossResetsAtMidnightUTC() async throws {
        let clock = TestClock(TestClock.dayStart + 23 * TestClock.hour)
        let risk = try engine(profile(dailyLoss: 0.01), clock: clock)
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 50_000, fee: 0, timestamp: 0)
        try await risk.onFill(symbol: "BTCUSDT", side: .sell, quantity: 1, price: 48_000, fee: 0, timestamp: 0)
        clock.set(TestClock.dayStart + 24 * TestClock.hour - 1)
        #expect(try await risk.check(buy(0.01), referencePrice: 100).rejection?.check == .dailyLossLimit)
        #expect(await risk.snapshot().currentDay == "2026-11-21")
        clock.set(TestClock.dayStart + 24 * TestClock.hour)
        #expect(try await risk.check(buy(0.01), referencePrice: 100) == .allowed)
        let snapshot = await risk.snapshot()
        #expect(snapshot.currentDay == "2026-11-22")
        #expect(snapshot.mode == .normal)
        #expect(snapshot.startOfDayEquity == 98_000)
        #expect(snapshot.dailyRealizedPnL == 0)
        #expect(snapshot.dailyLoss == 0)
    }

    @Test func aFillOnALaterDayStartsThatDay() async throws {
        let clock = TestClock()
        let risk = try engine(profile(dailyLoss: 0.01), clock: clock)
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 100, fee: 0, timestamp: clock.now)
        try await risk.onFill(
            symbol: "BTCUSDT", side: .sell, quantity: 1, price: 110, fee: 0,
            timestamp: TestClock.dayStart + 25 * TestClock.hour)
        let snapshot = await risk.snapshot()
        #expect(snapshot.currentDay == "2026-11-22")
        #expect(snapshot.dailyRealizedPnL == 10)
        #expect(snapshot.startOfDayEquity == 100_000)
    }

    @Test func hardDrawdownEntersLiquidationWhereOnlyReducingOrdersPass() async throws {
        let clock = TestClock()
        let risk = try engine(profile(drawdown: 0.1), clock: clock)
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 10, price: 10_000, fee: 0, timestamp: 0)
        try await risk.onFill(symbol: "ETHUSDT", side: .sell, quantity: 10, price: 1_000, fee: 0, timestamp: 0)
        try await risk.markToMarket(["BTCUSDT": 9_001])
        #expect(await risk.snapshot().mode == .normal)
        try await risk.markToMarket(["BTCUSDT": 9_000])
        let snapshot = await risk.snapshot()
        #expect(snapshot.mode == .liquidation)
        #expect(snapshot.liquidation?.limit == .hardDrawdown)
        let rejection = try #require(try await risk.check(buy("SOLUSDT", 1), referencePrice: 10).rejection)
        #expect(rejection.check == .hardDrawdown)
        #expect(rejection.reason.contains("hard_drawdown_pct 10.00%"))
        #expect(rejection.reason.contains("90000.00"))
        #expect(rejection.reason.contains("only orders that reduce"))
        #expect(try await risk.check(buy(1), referencePrice: 9_000).rejection?.check == .hardDrawdown)
        #expect(try await risk.check(sell(4), referencePrice: 9_000) == .allowed)
        #expect(try await risk.check(sell(10, reduceOnly: true), referencePrice: 9_000) == .allowed)
        #expect(try await risk.check(buy("ETHUSDT", 3), referencePrice: 1_000) == .allowed)
        #expect(try await risk.check(sell("ETHUSDT", 1), referencePrice: 1_000).rejection?.check == .hardDrawdown)
        // The latch outlives the UTC day; only an operator lifts it.
        clock.advance(by: 24 * TestClock.hour)
        #expect(try await risk.check(buy("SOLUSDT", 1), referencePrice: 10).rejection?.check == .hardDrawdown)
        let resumed = try await risk.resumeTrading()
        #expect(resumed.mode == .normal)
        #expect(resumed.peakEquity == 90_000)
        #expect(try await risk.check(buy("SOLUSDT", 1), referencePrice: 10) == .allowed)
    }
}
