/// The engine's pre-trade checks, in the order ``RiskEngine/check(_:referencePrice:)`` runs them.
/// The first check that fails decides the rejection; an order that shrinks an existing position is
/// accepted after ``positionDirection`` (closing risk is never blocked by a limit).
public enum RiskCheck: String, Sendable, Hashable, Codable, CaseIterable {
    /// Quantity positive and finite; a positive reference price (given, the order's limit price, or the
    /// position's last mark).
    case order
    /// A reduce-only order must shrink a position; an opposite order may not flip a position through zero.
    case positionDirection = "position_direction"
    /// Hard drawdown from peak equity; latches liquidation mode until an operator resumes trading.
    case hardDrawdown = "hard_drawdown"
    /// Daily loss (realised and unrealised) against start-of-day equity; latches liquidation mode until
    /// the next 00:00 UTC.
    case dailyLossLimit = "daily_loss_limit"
    /// New exposure needs positive equity.
    case equity
    /// A new position needs a free slot under `max_open_positions`.
    case maxOpenPositions = "max_open_positions"
    /// The instrument's notional after the order stays within `max_position_pct` of equity.
    case maxPosition = "max_position"
    /// The order's stop is on the protective side and at least `stop_loss_atr_multiple` × ATR away.
    case stopDistance = "stop_distance"
    /// The position's loss at its stop stays within `target_volatility` of equity.
    case atrSizing = "atr_sizing"
    /// Gross exposure after the order stays within `max_leverage` × equity.
    case leverage = "max_leverage"
}
