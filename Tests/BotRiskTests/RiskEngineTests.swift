import BotExchanges
import BotRisk
import Testing

@Suite struct RiskEngineTests {
    @Test func maxPositionAcceptsTheLimitAndRejectsAboveIt() async throws {
        let risk = try engine(profile(position: 0.05))
        #expect(try await risk.check(buy(0.1), referencePrice: 50_000) == .allowed)
        let rejection = try #require(try await risk.check(buy(0.1001), referencePrice: 50_000).rejection)
        #expect(rejection.check == .maxPosition)
        #expect(rejection.reason.contains("max_position_pct 5.00%"))
        #expect(rejection.reason.contains("5000.00"))
        #expect(rejection.reason.contains("5005.00"))
        #expect(abs(try #require(rejection.maxQuantity) - 0.1) < 1e-12)
    }

    @Test func maxPositionCountsTheHeldQuantity() async throws {
        let risk = try engine(profile(position: 0.05))
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 0.06, price: 50_000, fee: 0, timestamp: 0)
        #expect(try await risk.check(buy(0.04), referencePrice: 50_000) == .allowed)
        let rejection = try #require(try await risk.check(buy(0.05), referencePrice: 50_000).rejection)
        #expect(rejection.check == .maxPosition)
        #expect(abs(try #require(rejection.maxQuantity) - 0.04) < 1e-12)
    }

    @Test func maxOpenPositionsRejectsOnlyANewPositionBeyondTheCap() async throws {
        let risk = try engine(profile(openPositions: 2))
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 100, fee: 0, timestamp: 0)
        #expect(try await risk.check(buy("ETHUSDT", 1), referencePrice: 100) == .allowed)
        try await risk.onFill(symbol: "ETHUSDT", side: .buy, quantity: 1, price: 100, fee: 0, timestamp: 0)
        let rejection = try #require(try await risk.check(buy("SOLUSDT", 1), referencePrice: 100).rejection)
        #expect(rejection.check == .maxOpenPositions)
        #expect(rejection.reason.contains("max_open_positions 2"))
        #expect(rejection.reason.contains("2 positions are open"))
        #expect(try await risk.check(buy("ETHUSDT", 1), referencePrice: 100) == .allowed)
    }

    @Test func zeroMaxOpenPositionsRejectsEveryNewPosition() async throws {
        let risk = try engine(profile(openPositions: 0))
        #expect(try await risk.check(buy(1), referencePrice: 100).rejection?.check == .maxOpenPositions)
    }

    @Test func stopCloserThanTheATRMultipleIsRejectedNamingThePolicy() async throws {
        let risk = try engine(profile(atrMultiple: 1.5))
        #expect(try await risk.check(buy(1, stop: 9_850, atr: 100), referencePrice: 10_000) == .allowed)
        let rejection = try #require(
            try await risk.check(buy(1, stop: 9_851, atr: 100), referencePrice: 10_000).rejection)
        #expect(rejection.check == .stopDistance)
        #expect(rejection.reason.contains("stop_loss_atr_multiple 1.5 × ATR 100 = 150"))
        #expect(rejection.reason.contains("149"))
        #expect(try await risk.check(sell(1, stop: 10_150, atr: 100), referencePrice: 10_000) == .allowed)
        #expect(
            try await risk.check(sell(1, stop: 10_149, atr: 100), referencePrice: 10_000).rejection?.check
                == .stopDistance)
    }

    @Test func stopOnTheWrongSideOrWithoutATRIsRejected() async throws {
        let risk = try engine(profile(atrMultiple: 1))
        let wrongSide = try #require(
            try await risk.check(buy(1, stop: 10_100, atr: 10), referencePrice: 10_000).rejection)
        #expect(wrongSide.check == .stopDistance)
        #expect(wrongSide.reason.contains("wrong side"))
        let noATR = try #require(try await risk.check(buy(1, stop: 9_000), referencePrice: 10_000).rejection)
        #expect(noATR.reason.contains("ATR"))
        let noStop = try #require(try await risk.check(buy(1, atr: 10), referencePrice: 10_000).rejection)
        #expect(noStop.reason.contains("no stop price"))
    }

    /// The reference's worked example: 2 % of 50 000 is 1 000 at risk; a 1 000 stop allows 1 unit.
    @Test func atrSizingCapsTheQuantityAtTheRiskBudgetOverTheStopDistance() async throws {
        let risk = try engine(profile(targetVolatility: 0.02, atrMultiple: 2), equity: 50_000)
        let rejection = try #require(
            try await risk.check(buy(2, stop: 24_000, atr: 500), referencePrice: 25_000).rejection)
        #expect(rejection.check == .atrSizing)
        #expect(rejection.maxQuantity == 1.0)
        #expect(rejection.reason.contains("target_volatility 2.00%"))
        #expect(rejection.reason.contains("1000.00"))
        #expect(try await risk.check(buy(1, stop: 24_000, atr: 500), referencePrice: 25_000) == .allowed)
    }

    @Test func leverageAcceptsGrossExposureAtTheCapAndRejectsAbove() async throws {
        let risk = try engine(profile(leverage: 2))
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 2, price: 50_000, fee: 0, timestamp: 0)
        #expect(try await risk.check(buy("ETHUSDT", 50), referencePrice: 2_000) == .allowed)
        let rejection = try #require(try await risk.check(buy("ETHUSDT", 50.001), referencePrice: 2_000).rejection)
        #expect(rejection.check == .leverage)
        #expect(rejection.reason.contains("max_leverage 2"))
        #expect(rejection.reason.contains("200000.00"))
        #expect(abs(try #require(rejection.maxQuantity) - 50) < 1e-9)
    }

    @Test func checksRunInTheDocumentedOrder() async throws {
        // Breaks max position, the stop distance and leverage at once: max position is checked first.
        let risk = try engine(profile(position: 0.01, leverage: 0.5, atrMultiple: 2))
        let decision = try await risk.check(buy(1, stop: 49_990, atr: 100), referencePrice: 50_000)
        #expect(decision.rejection?.check == .maxPosition)
        #expect(RiskCheck.allCases.first == .order)
        #expect(RiskCheck.allCases.last == .leverage)
    }

    @Test func orderWithoutPriceOrQuantityIsRejected() async throws {
        let risk = try engine(profile())
        #expect(try await risk.check(buy(1)).rejection?.check == .order)
        #expect(try await risk.check(buy(0), referencePrice: 1).rejection?.check == .order)
        #expect(try await risk.check(buy(.nan), referencePrice: 1).rejection?.check == .order)
    }

    @Test func reversalAndReduceOnlyWithoutPositionAreRejected() async throws {
        let risk = try engine(profile())
        let orphan = try #require(try await risk.check(sell(1, reduceOnly: true), referencePrice: 100).rejection)
        #expect(orphan.check == .positionDirection)
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 100, fee: 0, timestamp: 0)
        let reversal = try #require(try await risk.check(sell(1.5), referencePrice: 100).rejection)
        #expect(reversal.check == .positionDirection)
        #expect(reversal.reason.contains("reverse"))
        #expect(try await risk.check(sell(1, reduceOnly: true), referencePrice: 100) == .allowed)
    }

    @Test func fillsUpdatePositionsRealisedPnLAndExposure() async throws {
        let risk = try engine(profile())
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 100, fee: 1, timestamp: 0)
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 200, fee: 1, timestamp: 0)
        var snapshot = await risk.snapshot()
        #expect(snapshot.positions["BTCUSDT"] == RiskPosition(quantity: 2, averagePrice: 150, markPrice: 200))
        #expect(snapshot.grossExposure == 400)
        #expect(snapshot.unrealizedPnL == 100)
        #expect(snapshot.dailyRealizedPnL == -2)
        try await risk.onFill(symbol: "BTCUSDT", side: .sell, quantity: 1.5, price: 170, fee: 0.5, timestamp: 0)
        try await risk.markToMarket(["BTCUSDT": 180, "ETHUSDT": 5])
        snapshot = await risk.snapshot()
        #expect(snapshot.positions["BTCUSDT"] == RiskPosition(quantity: 0.5, averagePrice: 150, markPrice: 180))
        #expect(snapshot.dailyRealizedPnL == -2.5 + 30)
        #expect(snapshot.equity == 100_042.5)  // 100 000 − 2.5 fees + 30 realised + 15 unrealised
        #expect(snapshot.openPositions == 1)
        try await risk.onFill(symbol: "BTCUSDT", side: .sell, quantity: 0.5, price: 190, fee: 0, timestamp: 0)
        snapshot = await risk.snapshot()
        #expect(snapshot.positions.isEmpty)
        #expect(snapshot.grossExposure == 0)
        #expect(snapshot.dailyRealizedPnL == 27.5 + 20)
    }

    @Test func closeWithARoundingExcessLeavesNoDust() async throws {
        let risk = try engine(profile())
        try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 0.3, price: 100, fee: 0, timestamp: 0)
        let close = sell(0.3 * (1 + 5e-10), reduceOnly: true)
        #expect(try await risk.check(close, referencePrice: 100) == .allowed)
        try await risk.onFill(
            symbol: "BTCUSDT", side: .sell, quantity: close.quantity, price: 100, fee: 0, timestamp: 0)
        #expect(await risk.snapshot().positions.isEmpty)
    }

    @Test func fillFromAnOrderResultIsBooked() async throws {
        let risk = try engine(profile())
        let order = sell("ETHUSDT", 2)
        try await risk.onFill(
            order: order,
            result: OrderResult(
                orderID: "1", status: .filled, filledQuantity: 2, averagePrice: 1_000, fee: 2,
                timestamp: 0))
        let snapshot = await risk.snapshot()
        #expect(snapshot.positions["ETHUSDT"]?.quantity == -2)
        #expect(snapshot.dailyRealizedPnL == -2)
        await #expect(throws: RiskStateError.self) {
            try await risk.onFill(symbol: "ETHUSDT", side: .buy, quantity: -1, price: 10, fee: 0, timestamp: 0)
        }
    }
}
