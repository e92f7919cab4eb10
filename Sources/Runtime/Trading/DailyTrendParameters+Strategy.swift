import BotStrategies

extension DailyTrendParameters {
    /// The strategy's own parameter type, field for field.
    public var strategyParameters: DailyTrendMomentumStrategy.Parameters {
        DailyTrendMomentumStrategy.Parameters(
            fastMA: fastMA, slowMA: slowMA, breakoutLookback: breakoutLookback, momentumWindow: momentumWindow,
            atrWindow: atrWindow, atrMultiplier: atrMultiplier, minTrendStrength: minTrendStrength,
            minMomentum: minMomentum)
    }
}
