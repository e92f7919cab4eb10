/// One entry of `risk_profiles`: the limits the risk engine enforces. Fractions, not percentages.
public struct RiskProfileConfig: Sendable, Equatable {
    /// The map key (`balanced`).
    public let name: String
    /// `max_daily_loss_pct`: daily loss limit as a fraction of equity (0.01 = 1 %).
    public let maxDailyLossPct: Double
    /// `max_position_pct`: largest position as a fraction of equity.
    public let maxPositionPct: Double
    /// `target_volatility`: target annualised volatility.
    public let targetVolatility: Double
    /// `max_leverage`: leverage cap.
    public let maxLeverage: Double
    /// `stop_loss_atr_multiple`: stop distance in ATR multiples.
    public let stopLossATRMultiple: Double
    /// `max_open_positions`: cap on simultaneous positions.
    public let maxOpenPositions: Int
    /// `hard_drawdown_pct`: drawdown (fraction) at which trading stops.
    public let hardDrawdownPct: Double
    /// `data_quality`: default coverage thresholds for environments using this profile.
    public let dataQuality: DataQualityConfig?

    /// A profile with the given limits (fractions: 0.01 is 1 %).
    public init(
        name: String, maxDailyLossPct: Double, maxPositionPct: Double, targetVolatility: Double, maxLeverage: Double,
        stopLossATRMultiple: Double, maxOpenPositions: Int, hardDrawdownPct: Double,
        dataQuality: DataQualityConfig? = nil
    ) {
        self.name = name
        self.maxDailyLossPct = maxDailyLossPct
        self.maxPositionPct = maxPositionPct
        self.targetVolatility = targetVolatility
        self.maxLeverage = maxLeverage
        self.stopLossATRMultiple = stopLossATRMultiple
        self.maxOpenPositions = maxOpenPositions
        self.hardDrawdownPct = hardDrawdownPct
        self.dataQuality = dataQuality
    }
}
