import BotExchanges
import Testing

@testable import BotExecution

@Suite struct PaperRejectionTests {
    let context = PaperFixtures.context

    /// Submits `request` to a fresh simulator fed BTCUSDT at 20 000 and returns its result.
    func submit(_ request: OrderRequest, balances: [String: Double] = ["USDT": 100_000]) async throws -> (
        OrderResult, PaperExecutionService
    ) {
        let service = PaperFixtures.service(balances: balances, settings: PaperFixtures.noSlippage)
        _ = try await service.updateMarket(symbol: "BTCUSDT", .price(20_000), timestamp: 0)
        return (try await service.execute(request, context: context), service)
    }

    static let cases: [(OrderRequest, PaperRejection, [String])] = [
        (
            OrderRequest(symbol: "DOGEUSDT", side: .buy, quantity: 1),
            .unknownSymbol(symbol: "DOGEUSDT", known: ["BTCUSDT", "ETHUSDT"]), ["DOGEUSDT", "BTCUSDT, ETHUSDT"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0),
            .invalidQuantity(symbol: "BTCUSDT", quantity: 0), ["BTCUSDT", "quantity 0.0"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: -1),
            .invalidQuantity(symbol: "BTCUSDT", quantity: -1), ["quantity -1.0"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, type: .limit),
            .invalidPrice(symbol: "BTCUSDT", type: .limit, price: nil), ["limit order price missing"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, type: .limit, price: -5),
            .invalidPrice(symbol: "BTCUSDT", type: .limit, price: -5), ["price -5.0"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.0005),
            .belowMinQuantity(symbol: "BTCUSDT", quantity: 0.0005, minimum: 0.001),
            ["BTCUSDT", "0.0005", "minimum quantity 0.001"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.0015),
            .quantityOffStep(symbol: "BTCUSDT", quantity: 0.0015, stepSize: 0.001), ["0.0015", "step size 0.001"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.1, type: .limit, price: 19_000.005),
            .priceOffTick(symbol: "BTCUSDT", price: 19_000.005, tickSize: 0.01), ["19000.005", "tick size 0.01"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 0.001, type: .limit, price: 5_000),
            .belowMinNotional(symbol: "BTCUSDT", quantity: 0.001, price: 5_000, notional: 5, minimum: 10),
            ["order value 5.0", "minimum notional 10.0"]
        ),
        (
            OrderRequest(symbol: "ETHUSDT", side: .buy, quantity: 1),
            .noMarketPrice(symbol: "ETHUSDT"), ["ETHUSDT", "no market price"]
        ),
        (
            OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 0.1, reduceOnly: true),
            .reduceOnlyExceedsPosition(symbol: "BTCUSDT", side: .sell, quantity: 0.1, reducible: 0),
            ["reduce-only sell of 0.1"]
        ),
    ]

    @Test(arguments: 0..<cases.count) func orderBreakingARuleIsRejectedWithItsReason(index: Int) async throws {
        let (request, rejection, phrases) = Self.cases[index]
        let (result, service) = try await submit(request)
        #expect(result.status == .rejected)
        #expect(result.filledQuantity == 0 && result.averagePrice == nil)
        #expect(result.rejectionReason == rejection.description)
        for phrase in phrases {
            #expect(rejection.description.contains(phrase), "\(rejection.description) lacks \(phrase)")
        }
        #expect(await service.balances() == ["USDT": 100_000])
        #expect(await service.positions().isEmpty)
        let record = try #require(await service.ledgerRecords().last)
        #expect(record.status == .rejected && record.reason == rejection.description)
        #expect(await service.metrics().rejectionsByReason == [rejection.code: 1])
    }

    @Test func nonFiniteQuantityIsRejected() async throws {
        let (result, _) = try await submit(OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: .nan))
        #expect(result.rejectionReason?.contains("quantity nan is not a positive number") == true)
    }

    @Test func buyBeyondTheQuoteBalanceIsRejectedNamingTheAmounts() async throws {
        let (result, service) = try await submit(
            OrderRequest(symbol: "BTCUSDT", side: .buy, quantity: 1), balances: ["USDT": 1_000])
        let required = 1_000 - (1_000 - 20_000 - 20_000 * 0.0006)
        let rejection = PaperRejection.insufficientBalance(
            symbol: "BTCUSDT", asset: "USDT", required: required, available: 1_000)
        #expect(result.rejectionReason == rejection.description)
        #expect(rejection.description.contains("needs 20012"))
        #expect(rejection.description.contains("but 1000.0 USDT is free"))
        #expect(await service.balances() == ["USDT": 1_000])
    }

    @Test func shortWithoutMarginIsRejected() async throws {
        let (result, service) = try await submit(
            OrderRequest(symbol: "BTCUSDT", side: .sell, quantity: 1), balances: [:])
        #expect(result.status == .rejected)
        #expect(result.rejectionReason?.hasPrefix("BTCUSDT: insufficient USDT balance") == true)
        #expect(await service.positions().isEmpty)
    }
}
