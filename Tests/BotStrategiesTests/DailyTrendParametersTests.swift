import BotStrategies
import Testing

@Suite struct DailyTrendParametersTests {
    typealias Parameters = DailyTrendMomentumStrategy.Parameters

    @Test func defaultsAreTheReferences() throws {
        let parameters = Parameters.defaults
        #expect(parameters.fastMA == 20)
        #expect(parameters.slowMA == 100)
        #expect(parameters.breakoutLookback == 55)
        #expect(parameters.momentumWindow == 20)
        #expect(parameters.atrWindow == 14)
        #expect(parameters.atrMultiplier == 2.0)
        #expect(parameters.minTrendStrength == 0.005)
        #expect(parameters.minMomentum == 0.0)
        #expect(parameters.maxHistory == 102)
        #expect(parameters.warmUpBarCount == 100)
        #expect(try DailyTrendMomentumStrategy().parameters == parameters)
    }

    @Test func warmUpCountsTheBreakoutAndMomentumBase() {
        func count(breakout: Int = 4, momentum: Int = 3, atr: Int = 3) -> Int {
            Parameters(fastMA: 3, slowMA: 5, breakoutLookback: breakout, momentumWindow: momentum, atrWindow: atr)
                .warmUpBarCount
        }
        #expect(count() == 5)
        #expect(count(breakout: 9) == 10)
        #expect(count(momentum: 12) == 13)
        #expect(count(atr: 30) == 30)
    }

    @Test func fastMustBeBelowSlow() {
        let equal = StrategyParameterError.fastNotBelowSlow(strategy: "daily_trend_momentum", fast: 100, slow: 100)
        #expect(throws: equal) { try DailyTrendMomentumStrategy(parameters: Parameters(fastMA: 100, slowMA: 100)) }
        let above = StrategyParameterError.fastNotBelowSlow(strategy: "daily_trend_momentum", fast: 50, slow: 20)
        #expect(throws: above) { try Parameters(fastMA: 50, slowMA: 20).validate() }
    }

    @Test(arguments: [
        ("fast_ma", Parameters(fastMA: 0)), ("slow_ma", Parameters(slowMA: -1)),
        ("breakout_lookback", Parameters(breakoutLookback: 0)), ("momentum_window", Parameters(momentumWindow: 0)),
        ("atr_window", Parameters(atrWindow: -3)), ("atr_multiplier", Parameters(atrMultiplier: 0)),
    ])
    func windowsAndMultiplierMustBePositive(parameter: String, parameters: Parameters) {
        do {
            try parameters.validate()
            Issue.record("\(parameter) passed validation")
        } catch {
            guard case .notPositive(_, let name, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(name == parameter)
            #expect(error.description.contains("\(parameter) must be greater than 0"))
        }
    }

    @Test func thresholdsMustBeFinite() {
        #expect(throws: StrategyParameterError.self) { try Parameters(minTrendStrength: .nan).validate() }
        #expect(throws: StrategyParameterError.self) { try Parameters(minMomentum: .infinity).validate() }
        #expect(throws: StrategyParameterError.self) { try Parameters(atrMultiplier: .infinity).validate() }
        // Negative thresholds are allowed: they filter nothing, which the config check warns about.
        #expect(throws: Never.self) { try Parameters(minTrendStrength: -0.01, minMomentum: -1).validate() }
    }

    @Test func errorDescriptionsNameTheParameterAndTheFix() {
        let error = StrategyParameterError.fastNotBelowSlow(strategy: "daily_trend_momentum", fast: 120, slow: 100)
        #expect(error.description.contains("fast_ma (120) must be smaller than slow_ma (100)"))
        #expect(error.description.contains("config"))
        #expect(
            StrategyParameterError.notPositive(strategy: "s", parameter: "atr_window", value: 0).description
                .contains("atr_window must be greater than 0 (got 0)"))
    }
}
