import BotExchanges
import TestSupport
import Testing

@testable import BotExecution


@Suite struct PaperAccountingPropertyTests {
    /// Whatever sequence of buys and sells (longs, shorts, flips, any leverage), once every position is
    /// closed the quote balance is the initial balance plus the realised PnL minus the fees, the base
    /// balance is back to zero, and no margin is left locked.
    @Test func closedAccountEqualsInitialPlusRealisedMinusFees() async throws {
        var generator = SeededGenerator(seed: 20_261_121)
        for _ in 0..<3_000 {
            let service = PaperFixtures.service(balances: ["USDT": 1_000_000])
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                let leverage = Int.random(in: 1...5, using: &generator)
                let request = OrderRequest(
                    symbol: "BTCUSDT", side: Bool.random(using: &generator) ? .buy : .sell,
                    quantity: Double(Int.random(in: 1...3_000, using: &generator)) / 1_000,
                    price: Double(Int.random(in: 1_000_000...6_000_000, using: &generator)) / 100)
                _ = try await service.execute(request, context: PaperFixtures.context(leverage: "\(leverage)"))
            }
            if let open = await service.positions()["BTCUSDT"] {
                let close = OrderRequest(
                    symbol: "BTCUSDT", side: open.side == .long ? .sell : .buy, quantity: open.quantity,
                    price: 30_000, reduceOnly: true)
                let result = try await service.execute(close, context: PaperFixtures.context)
                #expect(result.status == .filled, "\(result.rejectionReason ?? "")")
            }
            let fills = await service.fills()
            let realized = fills.reduce(0) { $0 + $1.realizedPnL }
            let fees = fills.reduce(0) { $0 + $1.fee }
            let balances = await service.balances()
            let usdt = try #require(balances["USDT"])
            #expect(abs(usdt - (1_000_000 + realized - fees)) < 1e-6, "fills: \(fills)")
            #expect(abs(balances["BTC"] ?? 0) < 1e-9)
            #expect(await service.positions().isEmpty)
        }
    }
}
