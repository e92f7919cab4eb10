/// What the engine knows right now: its limits, the day's loss, exposure, positions and mode. Encodes as
/// JSON with snake_case keys for `show-risk-state`.
public struct RiskSnapshot: Sendable, Hashable, Codable {
    public var environment: String
    /// The limits in force.
    public var limits: RiskProfile
    public var mode: RiskMode
    /// Why the engine is in liquidation mode; nil in normal mode.
    public var liquidation: RiskLiquidation?
    /// The UTC day of the daily figures (`2026-11-21`).
    public var currentDay: String
    public var equity: Double
    public var startOfDayEquity: Double
    public var peakEquity: Double
    /// Realised PnL since 00:00 UTC, net of fees.
    public var dailyRealizedPnL: Double
    public var unrealizedPnL: Double
    /// Loss since 00:00 UTC, realised and unrealised; 0 when up on the day.
    public var dailyLoss: Double
    /// ``dailyLoss`` as a fraction of start-of-day equity, compared with `max_daily_loss_pct`.
    public var dailyLossPct: Double
    /// Fall from peak equity as a fraction, compared with `hard_drawdown_pct`.
    public var drawdownPct: Double
    /// The sum of position notionals at mark prices.
    public var grossExposure: Double
    /// Gross exposure divided by equity (0 when equity is not positive).
    public var leverage: Double
    public var openPositions: Int
    public var positions: [String: RiskPosition]

    init(state: RiskState, profile: RiskProfile) {
        environment = state.environment
        limits = profile
        mode = state.liquidation == nil ? .normal : .liquidation
        liquidation = state.liquidation
        currentDay = state.currentDay
        equity = state.equity
        startOfDayEquity = state.startOfDayEquity
        peakEquity = state.peakEquity
        dailyRealizedPnL = state.dailyRealizedPnL
        unrealizedPnL = state.unrealizedPnL
        dailyLoss = state.dailyLoss
        dailyLossPct = state.dailyLossFraction
        drawdownPct = state.drawdownFraction
        grossExposure = state.grossExposure
        leverage = state.equity > 0 ? state.grossExposure / state.equity : 0
        openPositions = state.openPositionCount
        positions = state.positions
    }

    enum CodingKeys: String, CodingKey {
        case environment, limits, mode, liquidation
        case currentDay = "current_day"
        case equity
        case startOfDayEquity = "start_of_day_equity"
        case peakEquity = "peak_equity"
        case dailyRealizedPnL = "daily_realized_pnl"
        case unrealizedPnL = "unrealized_pnl"
        case dailyLoss = "daily_loss"
        case dailyLossPct = "daily_loss_pct"
        case drawdownPct = "drawdown_pct"
        case grossExposure = "gross_exposure"
        case leverage
        case openPositions = "open_positions"
        case positions
    }
}
