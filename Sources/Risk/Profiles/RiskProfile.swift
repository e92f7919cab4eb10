/// The limits one risk profile enforces. Every number comes from configuration (`risk_profiles` in
/// `core.yaml`): named profiles such as `balanced` carry no built-in values, so what the operator wrote is
/// what the engine enforces. Fractions, not percentages (0.015 is 1.5 %).
public struct RiskProfile: Sendable, Hashable, Codable {
    /// The profile's name (`balanced`, `manual`, …); part of the state file's name.
    public var name: String
    /// `max_daily_loss_pct`: the loss since 00:00 UTC, realised and unrealised, as a fraction of the
    /// start-of-day equity, at which new exposure stops until the next UTC day. 0 disables the limit.
    public var maxDailyLossPct: Double
    /// `max_position_pct`: the largest notional one instrument may hold, as a fraction of equity.
    /// 0 disables the limit.
    public var maxPositionPct: Double
    /// `target_volatility`: the fraction of equity one position may lose if its stop is hit; sizes
    /// positions from the stop distance. 0 disables ATR sizing.
    public var targetVolatility: Double
    /// `max_leverage`: the largest gross exposure (sum of position notionals) as a multiple of equity.
    /// 0 disables the limit.
    public var maxLeverage: Double
    /// `stop_loss_atr_multiple`: the tightest stop allowed, in multiples of the order's ATR.
    public var stopLossATRMultiple: Double
    /// `max_open_positions`: how many instruments may hold a position at once.
    public var maxOpenPositions: Int
    /// `hard_drawdown_pct`: the fall from peak equity, as a fraction, that puts the engine into liquidation
    /// mode until an operator resumes trading. 0 disables the limit.
    public var hardDrawdownPct: Double

    /// A profile with the given limits (fractions: 0.01 is 1 %).
    public init(
        name: String, maxDailyLossPct: Double, maxPositionPct: Double, targetVolatility: Double,
        maxLeverage: Double, stopLossATRMultiple: Double, maxOpenPositions: Int, hardDrawdownPct: Double
    ) {
        self.name = name
        self.maxDailyLossPct = maxDailyLossPct
        self.maxPositionPct = maxPositionPct
        self.targetVolatility = targetVolatility
        self.maxLeverage = maxLeverage
        self.stopLossATRMultiple = stopLossATRMultiple
        self.maxOpenPositions = maxOpenPositions
        self.hardDrawdownPct = hardDrawdownPct
    }

    enum CodingKeys: String, CodingKey {
        case name
        case maxDailyLossPct = "max_daily_loss_pct"
        case maxPositionPct = "max_position_pct"
        case targetVolatility = "target_volatility"
        case maxLeverage = "max_leverage"
        case stopLossATRMultiple = "stop_loss_atr_multiple"
        case maxOpenPositions = "max_open_positions"
        case hardDrawdownPct = "hard_drawdown_pct"
    }
}
