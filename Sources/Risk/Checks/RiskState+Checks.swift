import BotCodecs
import BotExchanges

extension RiskState {
    /// Runs the pre-trade checks in ``RiskCheck`` order against this state, without changing it.
    /// - Parameter referencePrice: the price to value the order at; defaults to the order's limit price,
    ///   then the position's mark price.
    func decision(for order: OrderRequest, referencePrice: Double?, profile: RiskProfile) -> RiskDecision {
        let symbol = order.symbol
        let position = positions[symbol]
        let held = position?.quantity ?? 0
        let side = order.side.rawValue

        // 1. order
        guard order.quantity.isFinite, order.quantity > 0 else {
            return reject(.order, "quantity \(order.quantity) for \(side) \(symbol) must be a positive number")
        }
        guard let price = referencePrice ?? order.price ?? position?.markPrice, price.isFinite, price > 0 else {
            return reject(
                .order,
                "no reference price for \(side) \(amount(order.quantity)) \(symbol): give a positive limit or "
                    + "reference price")
        }

        // 2. position direction
        let delta = order.side == .buy ? order.quantity : -order.quantity
        let opposes = held != 0 && (held > 0) != (delta > 0)
        // Rounding of a full close (quantity printed from the position) must still count as reducing.
        let fits = order.quantity <= abs(held) * (1 + 1e-9)
        if opposes && !fits {
            return reject(
                .positionDirection,
                "\(side) \(amount(order.quantity)) \(symbol) would reverse the \(held > 0 ? "long" : "short") "
                    + "position of \(amount(abs(held))) through zero; close it first, then open the new side")
        }
        if order.reduceOnly && !opposes {
            return reject(
                .positionDirection,
                "reduce-only \(side) \(amount(order.quantity)) \(symbol) would not shrink a position (held: "
                    + "\(amount(held))); drop reduceOnly or send the opposite side")
        }
        if opposes { return .allowed }

        // 3–4. liquidation mode: only the reducing orders above get through.
        if let liquidation {
            let since = UTCDateTime(milliseconds: liquidation.since).iso8601
            return reject(
                liquidation.limit,
                "liquidation mode since \(since) (\(liquidation.reason)); only orders that reduce an existing "
                    + "position are accepted"
                    + (liquidation.limit == .dailyLossLimit
                        ? " until 00:00 UTC" : " until an operator resumes trading"))
        }

        // 5. equity
        let equity = self.equity
        guard equity > 0 else {
            return reject(.equity, "equity \(money(equity)) is not positive; no new exposure can be opened")
        }

        let newQuantity = abs(held + delta)
        let newNotional = newQuantity * price

        // 6. max open positions
        if held == 0 && openPositionCount >= profile.maxOpenPositions {
            return reject(
                .maxOpenPositions,
                "max_open_positions \(profile.maxOpenPositions) reached: \(openPositionCount) positions are open, "
                    + "so a new \(symbol) position cannot be opened; close one first")
        }

        // 7. max position
        if profile.maxPositionPct > 0 {
            let limit = profile.maxPositionPct * equity
            if newNotional > limit * (1 + 1e-9) {
                return reject(
                    .maxPosition,
                    "max_position_pct \(percent(profile.maxPositionPct)) of equity \(money(equity)) allows "
                        + "\(money(limit)) in \(symbol); \(side) \(amount(order.quantity)) at \(amount(price)) "
                        + "would hold \(money(newNotional))",
                    maxQuantity: max(0, limit / price - abs(held)))
            }
        }

        // 8. stop distance
        let needsStop = profile.stopLossATRMultiple > 0 || profile.targetVolatility > 0
        var stopDistance = 0.0
        if needsStop {
            guard let stop = order.stopPrice, stop.isFinite, stop > 0 else {
                return reject(
                    .stopDistance,
                    "\(side) \(amount(order.quantity)) \(symbol) has no stop price; the profile sizes positions "
                        + "from the stop (stop_loss_atr_multiple \(amount(profile.stopLossATRMultiple)), "
                        + "target_volatility \(percent(profile.targetVolatility)))")
            }
            stopDistance = order.side == .buy ? price - stop : stop - price
            guard stopDistance > 0 else {
                return reject(
                    .stopDistance,
                    "stop \(amount(stop)) is on the wrong side of \(side) at \(amount(price)) for \(symbol): a "
                        + (order.side == .buy ? "buy" : "sell") + " needs its stop "
                        + (order.side == .buy ? "below" : "above") + " the price")
            }
            if profile.stopLossATRMultiple > 0 {
                guard let atr = order.atr, atr.isFinite, atr > 0 else {
                    return reject(
                        .stopDistance,
                        "\(side) \(amount(order.quantity)) \(symbol) has no positive ATR; stop_loss_atr_multiple "
                            + "\(amount(profile.stopLossATRMultiple)) needs it to check the stop distance")
                }
                let minimum = profile.stopLossATRMultiple * atr
                if stopDistance < minimum * (1 - 1e-9) {
                    return reject(
                        .stopDistance,
                        "stop \(amount(stop)) is \(amount(stopDistance)) from \(amount(price)) for \(symbol), "
                            + "tighter than stop_loss_atr_multiple \(amount(profile.stopLossATRMultiple)) × ATR "
                            + "\(amount(atr)) = \(amount(minimum)); widen the stop")
                }
            }
        }

        // 9. ATR sizing
        if profile.targetVolatility > 0 {
            let budget = profile.targetVolatility * equity
            let allowed = budget / stopDistance
            if newQuantity > allowed * (1 + 1e-9) {
                return reject(
                    .atrSizing,
                    "target_volatility \(percent(profile.targetVolatility)) of equity \(money(equity)) risks at most "
                        + "\(money(budget)); with the stop \(amount(stopDistance)) away \(symbol) may hold "
                        + "\(amount(allowed)), but \(side) \(amount(order.quantity)) would hold \(amount(newQuantity))",
                    maxQuantity: max(0, allowed - abs(held)))
            }
        }

        // 10. leverage
        if profile.maxLeverage > 0 {
            let limit = profile.maxLeverage * equity
            let others = grossExposure - (position?.notional ?? 0)
            let gross = others + newNotional
            if gross > limit * (1 + 1e-9) {
                return reject(
                    .leverage,
                    "max_leverage \(amount(profile.maxLeverage)) × equity \(money(equity)) allows gross exposure "
                        + "\(money(limit)); \(side) \(amount(order.quantity)) \(symbol) at \(amount(price)) would "
                        + "make it \(money(gross))",
                    maxQuantity: max(0, (limit - others) / price - abs(held)))
            }
        }
        return .allowed
    }

    private func reject(_ check: RiskCheck, _ reason: String, maxQuantity: Double? = nil) -> RiskDecision {
        .rejected(RiskRejection(check: check, reason: reason, maxQuantity: maxQuantity))
    }
}
