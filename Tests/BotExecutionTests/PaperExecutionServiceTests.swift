import BotExchanges
import Testing

@testable import BotExecution

@Suite struct PaperExecutionServiceTests {
    let context = PaperFixtures.context

    @Test func marketBuyFillsAtPricePlusSlippageWithTakerFee() async throws {
        let service = PaperFixtures.service()
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: PaperFixtures.start)
        let result = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.5), context: context)
        let fill = 20_000 * (1 + 5.0 / 10_000)
        let fee = 0.5 * fill * 0.0006
        #expect(result.status == .filled)
        #expect(result.filledQuantity == 0.5)
        #expect(result.averagePrice == fill)
        #expect(result.fee == fee)
        #expect(result.orderID == "paper-1")
        let balances = await service.balances()
        #expect(balances["USDT"] == 100_000 - 0.5 * fill - fee)
        #expect(balances["BTC"] == 0.5)
        let position = try #require(await service.positions()["BTCUSDT"])
        #expect(position.side == .long && position.quantity == 0.5 && position.entryPrice == fill)
    }

    @Test func marketSellFillsAtPriceMinusSlippage() async throws {
        let service = PaperFixtures.service(balances: ["BTC": 1, "USDT": 0])
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: PaperFixtures.start)
        let result = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 1), context: context)
        let fill = 20_000 * (1 - 5.0 / 10_000)
        #expect(result.averagePrice == fill)
        #expect(result.fee == 1 * fill * 0.0006)
        let balances = await service.balances()
        // Initial holdings are sold as spot: no short opens and no PnL is claimed.
        #expect(balances["USDT"] == 0 + 1 * fill - 1 * fill * 0.0006)
        #expect(balances["BTC"] == 0)
        #expect(await service.positions().isEmpty)
        #expect(await service.fills().last?.realizedPnL == 0)
    }

    @Test func marketOrderBeforeAnyFeedFillsAtTheOrdersReferencePrice() async throws {
        let service = PaperFixtures.service(settings: PaperFixtures.noSlippage)
        let result = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, price: 30_000), context: context)
        #expect(result.averagePrice == 30_000)
    }

    @Test func longRoundTripRealisesExactPnL() async throws {
        let service = PaperFixtures.service(settings: PaperFixtures.noSlippage)
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: PaperFixtures.start)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1), context: context)
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(22_000), timestamp: PaperFixtures.start)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1), context: context)
        let averaged = try #require(await service.positions()["BTCUSDT"])
        #expect(averaged.quantity == 2 && averaged.entryPrice == 21_000)

        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(23_000), timestamp: PaperFixtures.start)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 0.5), context: context)
        #expect(await service.fills().last?.realizedPnL == 1_000)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 1.5), context: context)
        #expect(await service.fills().last?.realizedPnL == 3_000)
        #expect(await service.positions().isEmpty)

        let fees = [20_000 * 0.0006, 22_000 * 0.0006, 0.5 * 23_000 * 0.0006, 1.5 * 23_000 * 0.0006]
        let balances = await service.balances()
        #expect(balances["BTC"] == 0)
        var expected: Double = 100_000 - 20_000
        expected -= fees[0]
        expected -= 22_000
        expected -= fees[1]
        expected += 11_500
        expected -= fees[2]
        expected += 34_500
        expected -= fees[3]
        let usdt = try #require(balances["USDT"])
        #expect(usdt == expected)
        let net: Double = 100_000 + 4_000 - fees.reduce(0, +)
        #expect(abs(usdt - net) < 1e-9)
    }

    @Test func shortRoundTripLocksMarginAndRealisesExactPnL() async throws {
        let service = PaperFixtures.service(settings: PaperFixtures.noSlippage)
        let leveraged = PaperFixtures.context(leverage: "2")
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: PaperFixtures.start)
        let opened = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 1), context: leveraged)
        #expect(opened.status == .filled)
        #expect(await service.balances()["USDT"] == 100_000 - 10_000 - 20_000 * 0.0006)
        let short = try #require(await service.positions()["BTCUSDT"])
        #expect(
            short
                == PaperPosition(
                    symbol: "BTCUSDT", side: .short, quantity: 1, entryPrice: 20_000, margin: 10_000, leverage: 2,
                    riskProfile: "balanced"))
        #expect(await service.ledgerRecords().last?.leverage == 2)
        #expect(await service.ledgerRecords().last?.positionValue == 20_000)

        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(19_000), timestamp: PaperFixtures.start)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1), context: leveraged)
        #expect(await service.fills().last?.realizedPnL == 1_000)
        #expect(await service.positions().isEmpty)
        #expect(
            await service.balances()["USDT"] == 100_000 - 10_000 - 20_000 * 0.0006 + 10_000 + 1_000 - 19_000 * 0.0006)
        #expect(await service.ledgerRecords().last?.leverage == 1)
        #expect(await service.ledgerRecords().last?.positionValue == 0)
    }

    @Test func sellingMoreThanTheLongFlipsIntoAShort() async throws {
        let service = PaperFixtures.service(settings: PaperExecutionSettings(makerFee: 0, takerFee: 0, slippageBPS: 0))
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: PaperFixtures.start)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1), context: context)
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(21_000), timestamp: PaperFixtures.start)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 3), context: context)
        #expect(await service.fills().last?.realizedPnL == 1_000)
        let short = try #require(await service.positions()["BTCUSDT"])
        #expect(short.side == .short && short.quantity == 2 && short.margin == 42_000 && short.leverage == 1)
        let balances = await service.balances()
        #expect(balances["BTC"] == 0)
        #expect(balances["USDT"] == Double(100_000 - 20_000 + 21_000 - 42_000))
    }

    @Test func limitBuyRestsUntilTheLowCrossesThenFillsAtTheLimitWithMakerFee() async throws {
        let service = PaperFixtures.service()
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: PaperFixtures.start)
        let placed = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.5, type: .limit, price: 19_000), context: context)
        #expect(placed.status == .new && placed.filledQuantity == 0)
        #expect(await service.openOrderIDs() == [placed.orderID])

        #expect(
            try await service.updateMarket(symbol: "BTCUSDT", .price(19_000.01), timestamp: PaperFixtures.start).isEmpty
        )
        let above = Candle(openTime: 0, open: 19_500, high: 19_600, low: 19_000.5, close: 19_200, volume: 1)
        #expect(
            try await service.updateMarket(symbol: "BTCUSDT", .candle(above), timestamp: PaperFixtures.start).isEmpty)
        #expect(await service.order(placed.orderID)?.status == .new)
        #expect(await service.balances()["USDT"] == 100_000)

        let crossing = Candle(openTime: 1, open: 19_200, high: 19_300, low: 18_900, close: 19_100, volume: 1)
        let fills = try await service.updateMarket(
            symbol: "BTCUSDT", .candle(crossing), timestamp: PaperFixtures.start + 5)
        #expect(fills.count == 1)
        let fill = try #require(fills.first)
        #expect(fill.price == 19_000 && fill.quantity == 0.5 && fill.liquidity == .maker)
        #expect(fill.fee == 0.5 * 19_000 * 0.0004)
        #expect(fill.timestamp == PaperFixtures.start + 5)
        #expect(await service.order(placed.orderID)?.status == .filled)
        #expect(await service.openOrderIDs().isEmpty)
        #expect(await service.balances()["USDT"] == 100_000 - 9_500 - 0.5 * 19_000 * 0.0004)
        #expect(await service.lastPrice(of: "BTCUSDT") == 19_100)
    }

    @Test func limitSellFillsAtTheOpenWhenTheMarketGapsThroughIt() async throws {
        let service = PaperFixtures.service(balances: ["BTC": 1, "USDT": 0])
        let placed = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 1, type: .limit, price: 21_000), context: context)
        #expect(placed.status == .new)
        #expect(try await service.updateMarket(symbol: "BTCUSDT", .price(20_999.99), timestamp: 0).isEmpty)
        let gap = Candle(openTime: 0, open: 21_500, high: 21_800, low: 21_400, close: 21_600, volume: 1)
        let fills = try await service.updateMarket(symbol: "BTCUSDT", .candle(gap), timestamp: 0)
        #expect(fills.map(\.price) == [21_500])
    }

    @Test func marketableLimitFillsAtOnceAsTakerButNotBeyondItsLimit() async throws {
        let service = PaperFixtures.service()
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: 0)
        let generous = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, type: .limit, price: 20_100), context: context)
        #expect(generous.status == .filled && generous.averagePrice == 20_000 * (1 + 5.0 / 10_000))
        #expect(generous.fee == 0.1 * 20_000 * (1 + 5.0 / 10_000) * 0.0006)
        let tight = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, type: .limit, price: 20_005), context: context)
        #expect(tight.status == .filled && tight.averagePrice == 20_005)
    }

    @Test func cancelledLimitOrderNeverFills() async throws {
        let service = PaperFixtures.service()
        let placed = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.5, type: .limit, price: 19_000), context: context)
        try await service.cancel(orderID: placed.orderID, context: context)
        #expect(await service.order(placed.orderID)?.status == .cancelled)
        #expect(await service.openOrderIDs().isEmpty)
        #expect(try await service.updateMarket(symbol: "BTCUSDT", .price(18_000), timestamp: 0).isEmpty)
        #expect(await service.balances() == ["USDT": 100_000])
        let last = try #require(await service.ledgerRecords().last)
        #expect(last.status == .cancelled && last.orderID == placed.orderID && last.symbol == "BTCUSDT")

        await #expect(throws: ExecutionError.orderNotOpen(orderID: placed.orderID, status: "cancelled")) {
            try await service.cancel(orderID: placed.orderID, context: context)
        }
        await #expect(throws: ExecutionError.unknownOrder(orderID: "paper-99")) {
            try await service.cancel(orderID: "paper-99", context: context)
        }
    }

    @Test func restingOrderWithoutFundsAtFillTimeIsRejectedThen() async throws {
        let service = PaperFixtures.service(balances: ["USDT": 10_000], settings: PaperFixtures.noSlippage)
        let resting = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.5, type: .limit, price: 19_000), context: context)
        _ = try await service.execute(
            OrderRequest(symbol: "ETHUSDT", side: .buy, quantity: 3, price: 1_000), context: context)
        let fills = try await service.updateMarket(symbol: "BTCUSDT", .price(18_000), timestamp: 0)
        #expect(fills.isEmpty)
        let result = try #require(await service.order(resting.orderID))
        #expect(result.status == .rejected)
        #expect(result.rejectionReason?.contains("insufficient USDT balance") == true)
    }

    @Test func repeatedClientOrderIDReturnsTheFirstResultWithoutTradingAgain() async throws {
        let service = PaperFixtures.service()
        let request = OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, price: 20_000, clientOrderID: "cli-1")
        let first = try await service.execute(request, context: context)
        let second = try await service.execute(request, context: context)
        #expect(first == second)
        #expect(await service.fills().count == 1)
        #expect(await service.metrics().ordersSubmitted == 1)
    }

    @Test func shortBelowMaintenanceMarginIsLiquidatedOnAPriceUpdate() async throws {
        let service = PaperFixtures.service(settings: PaperFixtures.noSlippage)
        let leveraged = PaperFixtures.context(leverage: "2")
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: 0)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 1), context: leveraged)
        // Equity 10 000 − 5 000 = 5 000 ≥ 25 000 × 0.2 = 5 000: still open.
        #expect(try await service.updateMarket(symbol: "BTCUSDT", .price(25_000), timestamp: 1).isEmpty)
        // Equity 4 000 < 26 000 × 0.2 = 5 200: closed.
        let fills = try await service.updateMarket(symbol: "BTCUSDT", .price(26_000), timestamp: 2)
        let fill = try #require(fills.first)
        #expect(fill.liquidity == .liquidation && fill.side == .buy && fill.quantity == 1 && fill.price == 26_000)
        #expect(fill.realizedPnL == -6_000)
        #expect(await service.ledgerRecords().last?.portfolioID == "paper-1")
        #expect(await service.ledgerRecords().last?.liquidity == .liquidation)
        #expect(await service.positions().isEmpty)
        #expect(
            await service.balances()["USDT"] == 100_000 - 10_000 - 20_000 * 0.0006 + 10_000 - 6_000 - 26_000 * 0.0006)
    }

    @Test func metricsCountOrdersFeesNotionalAndLatency() async throws {
        let clock = ManualClock(step: 5)
        let service = PaperFixtures.service(settings: PaperFixtures.noSlippage, clock: clock)
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: 0)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1), context: context)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 0.5), context: context)
        _ = try await service.execute(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0), context: context)
        _ = try await service.execute(OrderRequest(symbol: "XRPUSDT", side: .buy, quantity: 1), context: context)
        let resting = try await service.execute(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, type: .limit, price: 15_000), context: context)
        try await service.cancel(orderID: resting.orderID, context: context)

        let metrics = await service.metrics()
        #expect(metrics.ordersSubmitted == 5)
        #expect(metrics.ordersFilled == 2)
        #expect(metrics.ordersRejected == 2)
        #expect(metrics.ordersCancelled == 1)
        #expect(metrics.rejectionsByReason == ["invalid_quantity": 1, "unknown_symbol": 1])
        #expect(metrics.feesPaid == ["USDT": 20_000 * 0.0006 + 0.5 * 20_000 * 0.0006])
        #expect(metrics.notionalTraded == ["BTCUSDT": 30_000])
        #expect(metrics.latencySamplesMilliseconds == [5, 5, 5, 5, 5])
    }
}
