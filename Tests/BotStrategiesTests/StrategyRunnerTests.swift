import BotExchanges
import BotStrategies
import Testing

/// A strategy as a library user would write one: short after two falling closes, out after a rise.
struct FallingCloseStrategy: Strategy {
    struct SymbolState: Sendable {
        var closes: [Double] = []
        var isShort = false
        var entry: (price: Double, time: Int64)?
    }

    var name: String { "falling_close" }
    var warmUpBarCount: Int { 3 }

    func makeState(symbol: String) -> SymbolState { SymbolState() }

    func warmUp(with bar: Candle, state: inout SymbolState) {
        state.closes.append(bar.close)
    }

    func evaluate(_ bar: Candle, symbol: String, state: inout SymbolState) -> StrategySignal? {
        state.closes.append(bar.close)
        guard state.closes.count >= warmUpBarCount else { return nil }
        let last = state.closes.suffix(3).map { $0 }
        if !state.isShort, last[0] > last[1], last[1] > last[2] {
            state.isShort = true
            state.entry = (bar.close, bar.openTime)
            return StrategySignal(
                symbol: symbol, openTime: bar.openTime, action: .enterShort, positionSide: .short, price: bar.close,
                confidence: 0.5, stopPrice: last[0], atr: last[0] - bar.close, reason: "two falling closes")
        }
        if state.isShort, last[2] > last[1] {
            state.isShort = false
            state.entry = nil
            return StrategySignal(
                symbol: symbol, openTime: bar.openTime, action: .exit, positionSide: .short, price: bar.close,
                confidence: 0.5, reason: "close rose")
        }
        return StrategySignal(
            symbol: symbol, openTime: bar.openTime, action: .hold, positionSide: state.isShort ? .short : .flat,
            price: bar.close, confidence: 0, reason: "nothing new")
    }

    func position(in state: SymbolState) -> StrategyPosition {
        guard state.isShort, let entry = state.entry else { return .flat }
        return StrategyPosition(side: .short, entryPrice: entry.price, entryTime: entry.time)
    }

    func reconcile(_ state: inout SymbolState, to position: StrategyPosition) {
        state.isShort = position.side == .short
        state.entry = state.isShort ? (position.entryPrice ?? state.closes.last ?? 0, position.entryTime ?? 0) : nil
    }
}

@Suite struct StrategyRunnerTests {
    @Test func aUserStrategyEntersShortAndExitsWithAReducingBuy() throws {
        var runner = StrategyRunner(strategy: FallingCloseStrategy())
        let bars = Bars.series([10, 9, 8, 9])
        #expect(runner.feed(bars[0], symbol: "A") == .warmingUp)
        #expect(runner.feed(bars[1], symbol: "A") == .warmingUp)
        let entry = try #require(runner.feed(bars[2], symbol: "A").signal)
        #expect(entry.action == .enterShort)
        #expect(
            runner.position(symbol: "A") == StrategyPosition(side: .short, entryPrice: 8, entryTime: bars[2].openTime))
        let entryOrder = try #require(entry.orderRequest(quantity: 0.5))
        #expect(entryOrder.side == .sell)
        #expect(entryOrder.reduceOnly == false)
        #expect(entryOrder.stopPrice == 10)
        #expect(entryOrder.atr == 2)
        #expect(entryOrder.metadata["signal"] == "enter_short")

        let exit = try #require(runner.feed(bars[3], symbol: "A").signal)
        #expect(exit.action == .exit)
        #expect(exit.isReducing)
        let exitOrder = try #require(exit.orderRequest(quantity: 0.5))
        #expect(exitOrder.side == .buy)
        #expect(exitOrder.reduceOnly)
        #expect(exitOrder.quantity == 0.5)
        #expect(runner.position(symbol: "A") == .flat)
    }

    @Test func holdHasNoOrder() {
        let hold = StrategySignal(
            symbol: "A", openTime: 0, action: .hold, positionSide: .flat, price: 1, confidence: 0, reason: "x")
        #expect(hold.orderSide == nil)
        #expect(hold.orderRequest(quantity: 1) == nil)
        #expect(!hold.isActionable)
    }

    @Test func theDailyTrendExitIsAReducingSellOfTheWholePosition() throws {
        var runner = StrategyRunner(
            strategy: try DailyTrendMomentumStrategy(parameters: DailyTrendMomentumStrategyTests.testParameters))
        runner.warmUp(symbol: "BTCUSDT", history: Bars.series([100, 101, 102, 103, 104]))
        _ = runner.feed(Bars.bar(5, close: 108, high: 109, low: 107), symbol: "BTCUSDT")
        let exit = try #require(runner.feed(Bars.bar(6, close: 100, high: 101, low: 97), symbol: "BTCUSDT").signal)
        let order = try #require(exit.orderRequest(quantity: 1.25))
        let expected = OrderRequest(
            symbol: "BTCUSDT", side: .sell, quantity: 1.25, price: 100, stopPrice: 99, atr: 6, reduceOnly: true,
            metadata: ["signal": "exit", "reason": exit.reason, "confidence": "0.35"])
        #expect(order == expected)
    }

    @Test func repeatedLateAndInvalidBarsChangeNothing() throws {
        var runner = StrategyRunner(strategy: FallingCloseStrategy())
        let bars = Bars.series([10, 9, 8])
        #expect(runner.warmUp(symbol: "A", history: bars.prefix(2)) == 2)
        #expect(runner.feed(bars[1], symbol: "A") == .alreadySeen(lastOpenTime: bars[1].openTime))
        #expect(runner.feed(bars[0], symbol: "A") == .alreadySeen(lastOpenTime: bars[1].openTime))
        let broken = Bars.bar(2, close: .nan, high: 1, low: 0)
        #expect(runner.feed(broken, symbol: "A") == .invalidBar)
        #expect(runner.feed(Bars.bar(2, close: 5, high: 4, low: 6), symbol: "A") == .invalidBar)
        #expect(runner.state(symbol: "A")?.closes == [10, 9])
        #expect(runner.lastOpenTime(symbol: "A") == bars[1].openTime)
        #expect(runner.feed(bars[2], symbol: "A").signal?.action == .enterShort)
        #expect(runner.feed(bars[2], symbol: "A").wasIngested == false)
        #expect(runner.state(symbol: "A")?.closes == [10, 9, 8])
    }

    @Test func resetForgetsOneOrAllSymbols() throws {
        var runner = StrategyRunner(strategy: FallingCloseStrategy())
        let bars = Bars.series([10, 9, 8])
        runner.warmUp(symbol: "A", history: bars.prefix(2))
        runner.warmUp(symbol: "B", history: bars.prefix(2))
        #expect(runner.feed(bars[2], symbol: "A").signal?.action == .enterShort)
        runner.reset(symbol: "A")
        #expect(runner.position(symbol: "A") == .flat)
        #expect(runner.lastOpenTime(symbol: "A") == nil)
        #expect(runner.state(symbol: "B")?.closes == [10, 9])
        // After a reset the same bars are new again.
        #expect(runner.warmUp(symbol: "A", history: bars.prefix(2)) == 2)
        runner.reset()
        #expect(runner.symbols.isEmpty)
        #expect(runner.positions.isEmpty)
        #expect(runner.position(symbol: "B") == .flat)
        #expect(runner.feed(bars[0], symbol: "B") == .warmingUp)
    }
}
