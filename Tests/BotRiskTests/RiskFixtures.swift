import BotExchanges
import BotRisk

/// A profile with every limit off except those a test sets.
func profile(
    name: String = "manual", dailyLoss: Double = 0, position: Double = 0, targetVolatility: Double = 0,
    leverage: Double = 0, atrMultiple: Double = 0, openPositions: Int = 100, drawdown: Double = 0
) -> RiskProfile {
    RiskProfile(
        name: name, maxDailyLossPct: dailyLoss, maxPositionPct: position, targetVolatility: targetVolatility,
        maxLeverage: leverage, stopLossATRMultiple: atrMultiple, maxOpenPositions: openPositions,
        hardDrawdownPct: drawdown)
}

func engine(_ profile: RiskProfile, equity: Double = 100_000, clock: TestClock = TestClock()) throws -> RiskEngine {
    try RiskEngine(
        profile: profile, environment: "paper", startingEquity: equity, stateFile: nil, clock: clock.read)
}

func buy(_ quantity: Double, stop: Double? = nil, atr: Double? = nil) -> OrderRequest {
    buy("BTCUSDT", quantity, stop: stop, atr: atr)
}

func buy(_ symbol: String, _ quantity: Double, stop: Double? = nil, atr: Double? = nil) -> OrderRequest {
    OrderRequest(symbol: symbol, side: .buy, quantity: quantity, stopPrice: stop, atr: atr)
}

func sell(_ quantity: Double, stop: Double? = nil, atr: Double? = nil, reduceOnly: Bool = false) -> OrderRequest {
    sell("BTCUSDT", quantity, stop: stop, atr: atr, reduceOnly: reduceOnly)
}

func sell(
    _ symbol: String, _ quantity: Double, stop: Double? = nil, atr: Double? = nil,
    reduceOnly: Bool = false
) -> OrderRequest {
    OrderRequest(symbol: symbol, side: .sell, quantity: quantity, stopPrice: stop, atr: atr, reduceOnly: reduceOnly)
}
