import BotExchanges
import BotExecution
import BotRuntime
import Testing

@Suite("SmokeLedgerMetrics")
struct SmokeLedgerMetricsTests {
    typealias Fixture = SmokeReportFixture

    @Test("a long round trip closes lots first in, first out, across several sells")
    func longRoundTrip() throws {
        let metrics = SmokeLedgerMetrics(ledger: [
            Fixture.record("BTCUSDT", .buy, 1, 100, fee: 1),
            Fixture.record("BTCUSDT", .buy, 1, 110, fee: 1),
            Fixture.record("BTCUSDT", .sell, 1.5, 120, fee: 1.5),  // 20 × 1 + 10 × 0.5
            Fixture.record("BTCUSDT", .sell, 0.5, 90, fee: 0.5, positionValue: 0),  // −20 × 0.5
        ])
        #expect(metrics.realizedPnL == 15)
        #expect(metrics.buyCount == 2 && metrics.sellCount == 2)
        #expect(metrics.buyNotional == 210)
        #expect(metrics.sellNotional == 225)
        #expect(metrics.totalNotional == 435)
        #expect(metrics.totalFees == 4)
        let btc = try #require(metrics.symbols.first)
        #expect(btc.netQuantity == 0)
        #expect(btc.orders == 4 && btc.buyOrders == 2 && btc.sellOrders == 2)
    }

    @Test("a short round trip gains when bought back lower")
    func shortRoundTrip() {
        let metrics = SmokeLedgerMetrics(ledger: [
            Fixture.record("ETHUSDT", .sell, 2, 50),
            Fixture.record("ETHUSDT", .buy, 1.5, 40),  // (50 − 40) × 1.5
            Fixture.record("ETHUSDT", .buy, 0.5, 60),  // (50 − 60) × 0.5
        ])
        #expect(metrics.realizedPnL == 10)
        #expect(metrics.symbols.map(\.netQuantity) == [0])
    }

    @Test("partial closes, a flip through zero and per-symbol PnL; non-fills are ignored")
    func partialClosesAndFlip() {
        let metrics = SmokeLedgerMetrics(ledger: [
            Fixture.record("BTCUSDT", .buy, 1, 100, positionValue: 100),
            Fixture.record("BTCUSDT", .sell, 0.25, 104, status: .partiallyFilled, positionValue: 78),  // +1
            Fixture.record("BTCUSDT", .sell, 2.75, 110, positionValue: 220),  // +7.5, opens a 2 short at 110
            Fixture.record("BTCUSDT", .buy, 9, 1, status: .rejected),
            Fixture.record("BTCUSDT", .buy, 9, 1, status: .new),
            Fixture.record("BTCUSDT", .buy, 9, 1, status: .cancelled),
            Fixture.record("BTCUSDT", .buy, 2, 100, positionValue: 0),  // +20
            Fixture.record("ADAUSDT", .buy, 10, 2, positionValue: 20),
            Fixture.record("ADAUSDT", .sell, 4, 1.5, positionValue: 9),  // −2
        ])
        #expect(metrics.symbols.map(\.symbol) == ["ADAUSDT", "BTCUSDT"])
        #expect(metrics.symbols.map(\.realizedPnL) == [-2, 28.5])
        #expect(metrics.realizedPnL == 26.5)
        #expect(metrics.buyCount == 3 && metrics.sellCount == 3)
        #expect(metrics.symbols.map(\.netQuantity) == [6, 0])
        #expect(metrics.lastPositionValue == 9)
        #expect(metrics.symbols.map(\.lastPositionValue) == [9, 0])
    }

    @Test("no fills: zero figures and no last position value")
    func empty() {
        let metrics = SmokeLedgerMetrics(ledger: [Fixture.record("BTCUSDT", .buy, 1, 100, status: .rejected)])
        #expect(metrics.buyCount == 0 && metrics.totalNotional == 0 && metrics.realizedPnL == 0)
        #expect(metrics.lastPositionValue == nil)
        #expect(metrics.symbols.isEmpty)
    }
}
