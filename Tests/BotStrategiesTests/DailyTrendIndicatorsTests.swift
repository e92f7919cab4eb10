import BotExchanges
import BotStrategies
import Testing

/// Each indicator on small series worked out by hand.
@Suite struct DailyTrendIndicatorsTests {
    static let parameters = DailyTrendMomentumStrategy.Parameters(
        fastMA: 2, slowMA: 4, breakoutLookback: 3, momentumWindow: 2, atrWindow: 3, atrMultiplier: 2)

    /// Closes 10, 12, 11, 15 and 9 with wicks that make every true-range rule count.
    static let bars = [
        Bars.bar(0, close: 10, high: 11, low: 9),  // first bar: TR = high − low = 2
        Bars.bar(1, close: 12, high: 13, low: 11),  // TR = |13 − 10| = 3
        Bars.bar(2, close: 11, high: 12, low: 8),  // TR = 12 − 8 = |8 − 12| = 4
        Bars.bar(3, close: 15, high: 16, low: 14),  // gap up: TR = |16 − 11| = 5
        Bars.bar(4, close: 9, high: 10, low: 7),  // gap down: TR = |7 − 15| = 8
    ]

    private func indicators(
        after count: Int, parameters: DailyTrendMomentumStrategy.Parameters = parameters
    ) throws -> DailyTrendIndicators? {
        let strategy = try DailyTrendMomentumStrategy(parameters: parameters)
        var runner = StrategyRunner(strategy: strategy)
        runner.warmUp(symbol: "X", history: Self.bars.prefix(count))
        let state = try #require(runner.state(symbol: "X"))
        return strategy.indicators(in: state)
    }

    @Test func noIndicatorsBeforeTheWarmUpCount() throws {
        #expect(try indicators(after: 3) == nil)
        #expect(try indicators(after: 4) != nil)
    }

    @Test func fourBars() throws {
        let values = try #require(try indicators(after: 4))
        #expect(values.smaFast == 13)  // (11 + 15) / 2
        #expect(values.smaSlow == 12)  // (10 + 12 + 11 + 15) / 4
        #expect(values.trendStrength == 13.0 / 12 - 1)
        #expect(values.momentum == 0.25)  // 15 / 12 − 1, the close two bars back
        #expect(values.atr == 4)  // (3 + 4 + 5) / 3: simple mean, not Wilder
        #expect(values.breakoutHigh == 13)  // bars 0–2: the current bar's 16 is excluded
        #expect(values.breakoutLow == 8)
        #expect(values.stopPrice == 7)  // flat: close − 2 × ATR
    }

    @Test func theWindowsSlide() throws {
        let values = try #require(try indicators(after: 5))
        #expect(values.smaFast == 12)  // (15 + 9) / 2
        #expect(values.smaSlow == 11.75)  // (12 + 11 + 15 + 9) / 4
        #expect(values.trendStrength == 12 / 11.75 - 1)
        #expect(values.momentum == 9.0 / 11 - 1)
        #expect(values.atr == 17.0 / 3)  // (4 + 5 + 8) / 3
        #expect(values.breakoutHigh == 16)  // bars 1–3
        #expect(values.breakoutLow == 8)
        let stop: Double = 9 - 17.0 / 3 * 2
        #expect(values.stopPrice == stop)
    }

    @Test func theFirstTrueRangeIsHighMinusLow() throws {
        let parameters = DailyTrendMomentumStrategy.Parameters(
            fastMA: 2, slowMA: 4, breakoutLookback: 3, momentumWindow: 2, atrWindow: 4)
        let values = try #require(try indicators(after: 4, parameters: parameters))
        #expect(values.atr == 3.5)  // (2 + 3 + 4 + 5) / 4
    }

    @Test func zeroBasesGiveZeroTrendAndMomentum() throws {
        let strategy = try DailyTrendMomentumStrategy(
            parameters: .init(fastMA: 1, slowMA: 2, breakoutLookback: 1, momentumWindow: 1, atrWindow: 1))
        var runner = StrategyRunner(strategy: strategy)
        runner.warmUp(
            symbol: "Z", history: [Bars.bar(0, close: 0, high: 0, low: 0), Bars.bar(1, close: 0, high: 0, low: 0)])
        let state = try #require(runner.state(symbol: "Z"))
        let values = try #require(strategy.indicators(in: state))
        #expect(values.trendStrength == 0)
        #expect(values.momentum == 0)
    }

    @Test func metadataUsesTheReferenceKeys() {
        let values = DailyTrendIndicators(
            smaFast: 1, smaSlow: 2, trendStrength: 3, momentum: 4, atr: 5, breakoutHigh: 6, breakoutLow: 7,
            stopPrice: 8)
        #expect(
            values.metadata(position: 1) == [
                "sma_fast": 1, "sma_slow": 2, "trend_strength": 3, "momentum": 4, "atr": 5, "breakout_high": 6,
                "breakout_low": 7, "stop_price": 8, "position": 1,
            ])
    }
}
