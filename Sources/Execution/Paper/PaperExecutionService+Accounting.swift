import BotExchanges

extension PaperExecutionService {
    /// The account after one fill, computed before anything changes so a refused fill leaves no trace.
    struct FillPlan {
        var fill: PaperFill
        var quoteAsset: String
        var baseAsset: String
        var quoteAfter: Double
        var baseAfter: Double
        var position: PaperPosition?
    }

    /// A position quantity this small is float residue of a full close, not an open position.
    static let dust = 1e-12

    /// Works out the fill of `quantity` at `price`: a buy first covers a short (releasing its margin and
    /// settling the price difference), then opens or grows a long paid in full; a sell first closes a long,
    /// then sells base-asset holdings the simulator did not open (initial balances), then opens or grows a
    /// short whose margin is `notional / leverage` of the quote asset. Refused when the quote balance
    /// would go negative, unless `allowDeficit` (a liquidation cannot be refused).
    func plan(
        orderID: String, _ request: OrderRequest, market: MarketMetadata, price: Double, feeRate: Double,
        liquidity: PaperFill.Liquidity, context: ExecutionContext, at now: Int64, allowDeficit: Bool = false
    ) -> Result<FillPlan, PaperRejection> {
        let symbol = request.symbol
        let quantity = request.quantity
        let fee = quantity * price * feeRate
        let quoteBefore = balanceBook[market.quoteAsset] ?? 0
        var quote = quoteBefore
        var base = balanceBook[market.baseAsset] ?? 0
        var position = positionBook[symbol]
        var realized = 0.0
        var remaining = quantity
        switch request.side {
        case .buy:
            if var short = position, short.side == .short {
                let covered = min(remaining, short.quantity)
                let released = short.margin * covered / short.quantity
                realized = (short.entryPrice - price) * covered
                quote += released + realized
                short.quantity -= covered
                short.margin -= released
                remaining -= covered
                position = short.quantity > Self.dust ? short : nil
            }
            if remaining > Self.dust {
                quote -= remaining * price
                base += remaining
                position = Self.adding(remaining, at: price, to: position, symbol: symbol)
            }
        case .sell:
            if var long = position, long.side == .long {
                let closed = min(remaining, long.quantity)
                realized = (price - long.entryPrice) * closed
                quote += closed * price
                base -= closed
                long.quantity -= closed
                remaining -= closed
                position = long.quantity > Self.dust ? long : nil
            }
            let untracked = max(0, base - (position?.side == .long ? position?.quantity ?? 0 : 0))
            if remaining > Self.dust, untracked > 0 {
                let sold = min(remaining, untracked)
                quote += sold * price
                base -= sold
                remaining -= sold
            }
            if remaining > Self.dust {
                let margin = remaining * price / context.leverage
                quote -= margin
                position = Self.addingShort(
                    remaining, at: price, margin: margin, to: position, symbol: symbol, riskProfile: context.riskProfile
                )
            }
        }
        quote -= fee
        if !allowDeficit, quote < -1e-9 {
            return .failure(
                .insufficientBalance(
                    symbol: symbol, asset: market.quoteAsset, required: quoteBefore - quote, available: quoteBefore))
        }
        let fill = PaperFill(
            orderID: orderID, clientOrderID: request.clientOrderID, symbol: symbol, side: request.side,
            quantity: quantity, price: price, fee: fee, feeAsset: market.quoteAsset, liquidity: liquidity,
            realizedPnL: realized, timestamp: now)
        return .success(
            FillPlan(
                fill: fill, quoteAsset: market.quoteAsset, baseAsset: market.baseAsset, quoteAfter: quote,
                baseAfter: base, position: position))
    }

    /// Makes `plan` the account's state and ledgers the fill.
    func apply(_ plan: FillPlan, _ request: OrderRequest, context: ExecutionContext, completesOrder: Bool) throws {
        balanceBook[plan.quoteAsset] = plan.quoteAfter
        if balanceBook[plan.baseAsset] != nil || plan.baseAfter != 0 { balanceBook[plan.baseAsset] = plan.baseAfter }
        positionBook[plan.fill.symbol] = plan.position
        fillLog.append(plan.fill)
        fillContexts[plan.fill.symbol] = context
        counters.recordFill(plan.fill, completesOrder: completesOrder)
        let fill = plan.fill
        try ledger.append(
            LedgerRecord(
                timestamp: fill.timestamp, orderID: fill.orderID, clientOrderID: fill.clientOrderID,
                symbol: fill.symbol,
                side: fill.side, type: request.type, quantity: fill.quantity, price: fill.price, fee: fill.fee,
                feeAsset: fill.feeAsset, status: .filled, liquidity: fill.liquidity,
                leverage: plan.position?.leverage ?? 1, positionValue: (plan.position?.quantity ?? 0) * fill.price,
                realizedPnL: fill.realizedPnL, reason: nil, portfolioID: context.portfolioID,
                riskProfile: context.riskProfile, environment: context.environment))
    }

    /// `price` moved against the taker by the configured slippage.
    func slipped(_ price: Double, side: OrderSide) -> Double {
        let fraction = settings.slippageBPS / 10_000
        return side == .buy ? price * (1 + fraction) : max(0, price * (1 - fraction))
    }

    private static func adding(_ quantity: Double, at price: Double, to position: PaperPosition?, symbol: String)
        -> PaperPosition
    {
        guard var long = position, long.side == .long else {
            return PaperPosition(symbol: symbol, side: .long, quantity: quantity, entryPrice: price)
        }
        let total = long.quantity + quantity
        long.entryPrice = (long.entryPrice * long.quantity + price * quantity) / total
        long.quantity = total
        return long
    }

    private static func addingShort(
        _ quantity: Double, at price: Double, margin: Double, to position: PaperPosition?, symbol: String,
        riskProfile: String
    ) -> PaperPosition {
        var short = PaperPosition(
            symbol: symbol, side: .short, quantity: 0, entryPrice: price, riskProfile: riskProfile)
        if let position, position.side == .short { short = position }
        let total = short.quantity + quantity
        short.entryPrice = (short.entryPrice * short.quantity + price * quantity) / total
        short.quantity = total
        short.margin += margin
        short.leverage = short.margin > 0 ? max(1, total * short.entryPrice / short.margin) : 1
        return short
    }
}
