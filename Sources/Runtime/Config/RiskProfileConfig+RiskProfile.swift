import BotRisk

extension RiskProfileConfig {
    /// The limits the risk engine enforces for this profile; the config carries the only numbers.
    public var riskProfile: RiskProfile {
        RiskProfile(
            name: name, maxDailyLossPct: maxDailyLossPct, maxPositionPct: maxPositionPct,
            targetVolatility: targetVolatility, maxLeverage: maxLeverage, stopLossATRMultiple: stopLossATRMultiple,
            maxOpenPositions: maxOpenPositions, hardDrawdownPct: hardDrawdownPct)
    }
}
