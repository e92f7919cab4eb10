import BotExchanges

extension RiskState {
    /// The sum of the positions' unrealised PnL at their mark prices.
    public var unrealizedPnL: Double { sortedPositions.reduce(0) { $0 + $1.unrealizedPnL } }

    /// Balance plus unrealised PnL.
    public var equity: Double { balance + unrealizedPnL }

    /// The sum of the positions' notionals at their mark prices.
    public var grossExposure: Double { sortedPositions.reduce(0) { $0 + $1.notional } }

    /// Positions in symbol order: sums over them must not depend on the dictionary's layout, which
    /// differs between runs, or a reloaded state would value a hair differently.
    private var sortedPositions: [RiskPosition] { positions.sorted { $0.key < $1.key }.map(\.value) }

    /// How many instruments hold a position.
    public var openPositionCount: Int { positions.values.count { $0.quantity != 0 } }

    /// The loss since the start of the day (realised and unrealised, fees included); 0 when up.
    public var dailyLoss: Double { max(0, startOfDayEquity - equity) }

    /// ``dailyLoss`` as a fraction of start-of-day equity (0 when that equity is not positive).
    public var dailyLossFraction: Double { startOfDayEquity > 0 ? dailyLoss / startOfDayEquity : 0 }

    /// The fall from peak equity as a fraction of the peak (0 at or above the peak).
    public var drawdownFraction: Double { peakEquity > 0 ? max(0, peakEquity - equity) / peakEquity : 0 }

    /// Starts a new UTC day when `day` is later than ``currentDay``: equity now becomes the start-of-day
    /// equity, the daily figures restart and a daily-loss liquidation ends. Never goes back in time.
    /// - Returns: whether a new day started.
    mutating func advanceDay(to day: String) -> Bool {
        guard day > currentDay else { return false }
        currentDay = day
        startOfDayEquity = equity
        dailyRealizedPnL = 0
        dailyFees = 0
        if liquidation?.limit == .dailyLossLimit { liquidation = nil }
        return true
    }

    /// Books a fill: average price on adds, realised PnL on the closed part, a flip opens the remainder
    /// at the fill price. The fee is charged to the balance and the day.
    mutating func apply(symbol: String, side: OrderSide, quantity: Double, price: Double, fee: Double) {
        let delta = side == .buy ? quantity : -quantity
        var position = positions[symbol] ?? RiskPosition(quantity: 0, averagePrice: price, markPrice: price)
        var realized = 0.0
        if position.quantity == 0 || (position.quantity > 0) == (delta > 0) {
            let total = position.quantity + delta
            position.averagePrice =
                (abs(position.quantity) * position.averagePrice + abs(delta) * price) / abs(total)
            position.quantity = total
        } else {
            let closed = min(abs(position.quantity), abs(delta))
            realized = closed * (price - position.averagePrice) * (position.quantity > 0 ? 1 : -1)
            let remaining = position.quantity + delta
            // The checks accept a close up to one part in 10^9 above the position (quantities printed and
            // parsed back); the residue of such a close is rounding, not a reversed position.
            if abs(remaining) <= abs(delta) * 1e-9 {
                position.quantity = 0
            } else if (remaining > 0) != (position.quantity > 0) {
                position.quantity = remaining
                position.averagePrice = price
            } else {
                position.quantity = remaining
            }
        }
        position.markPrice = price
        positions[symbol] = position.quantity == 0 ? nil : position
        balance += realized - fee
        dailyRealizedPnL += realized - fee
        dailyFees += fee
    }

    /// Raises the peak and latches liquidation mode when equity breaks the hard drawdown or the daily
    /// loss limit. A hard-drawdown latch replaces a daily-loss one (it outlives the day).
    /// - Returns: whether anything changed.
    mutating func evaluateLimits(profile: RiskProfile, now: Int64) -> Bool {
        let before = self
        peakEquity = max(peakEquity, equity)
        if profile.hardDrawdownPct > 0, drawdownFraction >= profile.hardDrawdownPct,
            liquidation?.limit != .hardDrawdown
        {
            liquidation = RiskLiquidation(
                limit: .hardDrawdown, since: now,
                reason: "hard_drawdown_pct \(percent(profile.hardDrawdownPct)) reached: equity \(money(equity)) is "
                    + "\(percent(drawdownFraction)) below peak equity \(money(peakEquity))")
        } else if liquidation == nil, profile.maxDailyLossPct > 0, dailyLossFraction >= profile.maxDailyLossPct {
            liquidation = RiskLiquidation(
                limit: .dailyLossLimit, since: now,
                reason:
                    "max_daily_loss_pct \(percent(profile.maxDailyLossPct)) reached: loss today \(money(dailyLoss)) "
                    + "is \(percent(dailyLossFraction)) of start-of-day equity \(money(startOfDayEquity)) "
                    + "(realised \(money(dailyRealizedPnL)), unrealised \(money(unrealizedPnL)))")
        }
        return self != before
    }
}
