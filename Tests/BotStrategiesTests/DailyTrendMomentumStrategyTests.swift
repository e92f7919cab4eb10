import BotData
import BotExchanges
import BotStrategies
import Testing

/// The reference's acceptance checks (reference-runtime §12, tests/test_daily_trend_strategy.py), its
/// worked example (§4.1), and the behaviour over a trend that turns.
@Suite struct DailyTrendMomentumStrategyTests {
    /// The reference tests' settings.
    static let testParameters = DailyTrendMomentumStrategy.Parameters(
        fastMA: 3, slowMA: 5, breakoutLookback: 4, momentumWindow: 3, atrWindow: 3, atrMultiplier: 1.5,
        minTrendStrength: 0, minMomentum: 0)

    private func warmedRunner() throws -> StrategyRunner<DailyTrendMomentumStrategy> {
        var runner = StrategyRunner(strategy: try DailyTrendMomentumStrategy(parameters: Self.testParameters))
        runner.warmUp(symbol: "BTCUSDT", history: Bars.series([100, 101, 102, 103, 104]))
        return runner
    }

    @Test func warmUpThenCloseAbove107BuysWithMetadataPosition1() throws {
        var runner = try warmedRunner()
        let signal = try #require(runner.feed(Bars.bar(5, close: 107, high: 108, low: 106), symbol: "BTCUSDT").signal)
        #expect(signal.action == .enterLong)
        #expect(signal.orderSide == .buy)
        #expect((0...1).contains(signal.confidence))
        #expect(signal.metadata["position"] == 1.0)
        #expect(try #require(signal.metadata["breakout_high"]) <= 107)
        #expect(runner.position(symbol: "BTCUSDT").side == .long)
    }

    @Test func closeAt100AfterEntryAt108Sells() throws {
        var runner = try warmedRunner()
        #expect(
            runner.feed(Bars.bar(5, close: 108, high: 109, low: 107), symbol: "BTCUSDT").signal?.action == .enterLong)
        let signal = try #require(runner.feed(Bars.bar(6, close: 100, high: 101, low: 97), symbol: "BTCUSDT").signal)
        #expect(signal.action == .exit)
        #expect(signal.orderSide == .sell)
        #expect((0...1).contains(signal.confidence))
        #expect(signal.metadata["position"] == 0.0)
        #expect(runner.position(symbol: "BTCUSDT") == .flat)
    }

    @Test func aSingleBarWithNoHistoryGivesNoSignal() throws {
        var runner = StrategyRunner(strategy: try DailyTrendMomentumStrategy(parameters: Self.testParameters))
        #expect(runner.feed(Bars.bar(0, close: 100, high: 101, low: 99), symbol: "BTCUSDT") == .warmingUp)
        var defaults = StrategyRunner(strategy: try DailyTrendMomentumStrategy())
        #expect(defaults.feed(Bars.bar(0, close: 100, high: 101, low: 99), symbol: "BTCUSDT") == .warmingUp)
    }

    /// The worked example of reference-runtime §4.1, value for value.
    @Test func workedExampleEntryValues() throws {
        var runner = try warmedRunner()
        let signal = try #require(runner.feed(Bars.bar(5, close: 108, high: 109, low: 107), symbol: "BTCUSDT").signal)
        let smaSlow = (((101.0 + 102) + 103) + 104 + 108) / 5
        let trend = 105 / smaSlow - 1
        let momentum = 108.0 / 102 - 1
        #expect(signal.metadata["sma_fast"] == 105)
        #expect(signal.metadata["sma_slow"] == smaSlow)
        #expect(signal.metadata["trend_strength"] == trend)
        #expect(signal.metadata["momentum"] == momentum)
        #expect(signal.metadata["atr"] == 3)
        #expect(signal.metadata["breakout_high"] == 105)
        #expect(signal.metadata["breakout_low"] == 100)
        #expect(signal.metadata["stop_price"] == 103.5)
        #expect(signal.stopPrice == 103.5)
        #expect(signal.atr == 3)
        #expect(signal.confidence == 0.35 + 2 * trend + 1.5 * momentum)
        #expect(abs(signal.confidence - 0.46526) < 1e-5)
        #expect(abs(momentum - 0.0588235) < 1e-7)
    }

    @Test func workedExampleExitValues() throws {
        var runner = try warmedRunner()
        _ = runner.feed(Bars.bar(5, close: 108, high: 109, low: 107), symbol: "BTCUSDT")
        let signal = try #require(runner.feed(Bars.bar(6, close: 100, high: 101, low: 97), symbol: "BTCUSDT").signal)
        // True ranges 2, 5, 11 (|97 − 108|); the peak close is the entry's 108.
        #expect(signal.metadata["atr"] == 6)
        #expect(signal.metadata["stop_price"] == 99)
        #expect(signal.metadata["breakout_low"] == 101)
        #expect(signal.confidence == 0.35)
        #expect(signal.reason.contains("low"))
    }

    @Test func noSignalDuringWarmUp() throws {
        let strategy = try DailyTrendMomentumStrategy()
        var runner = StrategyRunner(strategy: strategy)
        let closes = (0..<strategy.warmUpBarCount).map { 100 + Double($0) }
        let results = Bars.series(closes).map { runner.feed($0, symbol: "ETHUSDT") }
        #expect(results.dropLast().allSatisfy { $0 == .warmingUp })
        #expect(results.last?.signal != nil)
        #expect(strategy.warmUpBarCount == 100)
        let state = try #require(runner.state(symbol: "ETHUSDT"))
        #expect(strategy.indicators(in: state) != nil)
    }

    @Test func warmUpNeverSignalsOrEnters() throws {
        var runner = StrategyRunner(strategy: try DailyTrendMomentumStrategy(parameters: Self.testParameters))
        // A breakout inside the history must not open a position.
        let taken = runner.warmUp(symbol: "BTCUSDT", history: Bars.series([100, 101, 102, 103, 104, 120, 130]))
        #expect(taken == 7)
        #expect(runner.position(symbol: "BTCUSDT") == .flat)
    }

    @Test func holdInPositionCarriesTheTrailingStop() throws {
        var runner = try warmedRunner()
        _ = runner.feed(Bars.bar(5, close: 108, high: 109, low: 107), symbol: "BTCUSDT")
        let signal = try #require(runner.feed(Bars.bar(6, close: 110, high: 111, low: 109), symbol: "BTCUSDT").signal)
        #expect(signal.action == .hold)
        #expect(signal.positionSide == .long)
        // True ranges 2, 5, 3; peak close 110.
        let atr = ((2.0 + 5) + 3) / 3
        #expect(signal.atr == atr)
        #expect(signal.stopPrice == 110 - atr * 1.5)
        #expect(runner.position(symbol: "BTCUSDT").stopPrice == 110 - atr * 1.5)
        #expect(runner.position(symbol: "BTCUSDT").entryPrice == 108)
    }

    @Test func entersDuringTheUpTrendAndExitsAfterTheTurn() throws {
        let scenario = TrendScenario.turning(upCandles: 160, downCandles: 80)
        let candles = SyntheticCandleGenerator(seed: 7).candles(
            for: scenario, symbol: "TRENDUSDT", interval: .oneDay, start: Bars.start)
        let turn = try #require(scenario.turnIndex)
        var runner = StrategyRunner(strategy: try DailyTrendMomentumStrategy())
        var actions: [(index: Int, action: StrategySignal.Action)] = []
        for (index, candle) in candles.enumerated() {
            if let signal = runner.feed(candle, symbol: "TRENDUSDT").signal, signal.isActionable {
                actions.append((index, signal.action))
            }
        }
        let entry = try #require(actions.first)
        #expect(entry.action == .enterLong)
        #expect(entry.index >= 99 && entry.index <= turn)
        let exit = try #require(actions.first { $0.action == .exit })
        #expect(exit.index > turn)
        #expect(actions.count == 2)
        #expect(runner.position(symbol: "TRENDUSDT") == .flat)
    }

    @Test func rejectsFeedingTheSameBarTwice() throws {
        var runner = try warmedRunner()
        let entry = Bars.bar(5, close: 108, high: 109, low: 107)
        #expect(runner.feed(entry, symbol: "BTCUSDT").signal?.action == .enterLong)
        let before = try #require(runner.state(symbol: "BTCUSDT"))
        #expect(runner.feed(entry, symbol: "BTCUSDT") == .alreadySeen(lastOpenTime: entry.openTime))
        // An older bar, and history overlapping what was seen, change nothing either.
        #expect(runner.feed(Bars.bar(2, close: 50, high: 51, low: 49), symbol: "BTCUSDT").wasIngested == false)
        #expect(runner.warmUp(symbol: "BTCUSDT", history: Bars.series([100, 101, 102, 103, 104])) == 0)
        let after = try #require(runner.state(symbol: "BTCUSDT"))
        #expect(after.barCount == before.barCount)
        #expect(after.peakClose == before.peakClose)
        let strategy = runner.strategy
        #expect(strategy.indicators(in: after) == strategy.indicators(in: before))
        // The next new bar is decided on the windows of six bars, as if nothing had been repeated.
        let exit = try #require(runner.feed(Bars.bar(6, close: 100, high: 101, low: 97), symbol: "BTCUSDT").signal)
        #expect(exit.metadata["atr"] == 6)
    }

    /// The reference's polling loop re-fed its whole lookback window each cycle (§13.3); through a runner
    /// the signals are those of feeding every bar once.
    @Test func overlappingPollsGiveTheSignalsOfASinglePass() throws {
        let candles = SyntheticCandleGenerator(seed: 11).candles(
            for: .turning(upCandles: 60, downCandles: 40), symbol: "POLLUSDT", interval: .oneHour, start: Bars.start)
        let strategy = try DailyTrendMomentumStrategy(
            parameters: .init(fastMA: 5, slowMA: 20, breakoutLookback: 10, momentumWindow: 5, atrWindow: 7))
        var once = StrategyRunner(strategy: strategy)
        let single = candles.compactMap { once.feed($0, symbol: "POLLUSDT").signal }.filter(\.isActionable)
        var polled = StrategyRunner(strategy: strategy)
        var repeated: [StrategySignal] = []
        for end in stride(from: 1, through: candles.count, by: 3) {
            for candle in candles[max(0, end - 15)..<end] {
                if let signal = polled.feed(candle, symbol: "POLLUSDT").signal, signal.isActionable {
                    repeated.append(signal)
                }
            }
        }
        #expect(!single.isEmpty)
        #expect(repeated == single)
    }

    @Test func symbolsAreIndependent() throws {
        var runner = try warmedRunner()
        runner.warmUp(symbol: "ETHUSDT", history: Bars.series([200, 199, 198, 197, 196]))
        #expect(
            runner.feed(Bars.bar(5, close: 108, high: 109, low: 107), symbol: "BTCUSDT").signal?.action == .enterLong)
        #expect(runner.feed(Bars.bar(5, close: 195, high: 196, low: 194), symbol: "ETHUSDT").signal?.action == .hold)
        #expect(runner.positions == ["BTCUSDT": runner.position(symbol: "BTCUSDT"), "ETHUSDT": .flat])
        #expect(runner.symbols == ["BTCUSDT", "ETHUSDT"])
    }
}

extension DailyTrendMomentumStrategyTests {
    /// The risk engine rejected the entry: reconciling to flat lets the next breakout enter again, and the
    /// windows are untouched.
    @Test func reconcileToFlatAfterARejectedEntry() throws {
        var runner = try warmedRunner()
        #expect(
            runner.feed(Bars.bar(5, close: 108, high: 109, low: 107), symbol: "BTCUSDT").signal?.action == .enterLong)
        runner.reconcile(symbol: "BTCUSDT", to: .flat)
        #expect(runner.position(symbol: "BTCUSDT") == .flat)
        #expect(runner.state(symbol: "BTCUSDT")?.barCount == 6)
        let again = try #require(runner.feed(Bars.bar(6, close: 111, high: 112, low: 110), symbol: "BTCUSDT").signal)
        #expect(again.action == .enterLong)
    }

    @Test func reconcileToLongTakesOverThePosition() throws {
        var runner = try warmedRunner()
        runner.reconcile(symbol: "BTCUSDT", to: StrategyPosition(side: .long, entryPrice: 102, entryTime: Bars.start))
        let position = runner.position(symbol: "BTCUSDT")
        #expect(position.side == .long)
        #expect(position.entryPrice == 102)
        #expect(runner.state(symbol: "BTCUSDT")?.peakClose == 104)  // the last close is above the entry
        // Close 100 is at or below the 4-bar low 100 (lows 100…103): the strategy exits what it took over.
        let exit = try #require(runner.feed(Bars.bar(5, close: 100, high: 101, low: 99), symbol: "BTCUSDT").signal)
        #expect(exit.action == .exit)
        #expect(exit.orderSide == .sell)
    }
}
