import BotExchanges

extension PaperExecutionService {
    /// Fills a valid order at once (market, or a limit the last price already crosses) or rests it.
    func place(
        orderID: String, _ order: ValidOrder, _ request: OrderRequest, context: ExecutionContext, at now: Int64
    ) throws -> OrderResult {
        let side = request.side
        switch request.type {
        case .market:
            return try fillNow(
                orderID: orderID, request, order, price: slipped(order.referencePrice, side: side), context: context,
                at: now)
        case .limit:
            let limit = order.referencePrice
            if let last = lastPrices[request.symbol], Self.crosses(limit: limit, side: side, low: last, high: last) {
                // Marketable on arrival: it takes liquidity like a market order, but never beyond its limit.
                let slippedPrice = slipped(last, side: side)
                let price = side == .buy ? min(limit, slippedPrice) : max(limit, slippedPrice)
                return try fillNow(orderID: orderID, request, order, price: price, context: context, at: now)
            }
            // Refuse at once what could not be paid at the limit price now; funds are checked again on fill.
            let check = plan(
                orderID: orderID, request, market: order.market, price: limit, feeRate: settings.makerFee,
                liquidity: .maker, context: context, at: now)
            if case .failure(let rejection) = check {
                return try reject(orderID: orderID, request, context: context, rejection, at: now)
            }
            let result = OrderResult(
                orderID: orderID, status: .new, filledQuantity: 0, averagePrice: nil, fee: 0, timestamp: now)
            orders[orderID] = OrderState(request: request, context: context, result: result)
            restingOrderIDs.append(orderID)
            try record(orderID: orderID, request, context: context, status: .new, price: limit, at: now)
            return result
        }
    }

    /// Feeds several symbols' updates of one moment in one call (one actor hop for a whole time step of a
    /// replay); the same as calling ``updateMarket(symbol:_:timestamp:)`` for each in order.
    public func updateMarket(
        _ updates: [(symbol: String, update: MarketUpdate)], timestamp: Int64
    ) throws -> [PaperFill] {
        var fills: [PaperFill] = []
        for (symbol, update) in updates {
            fills += try updateMarket(symbol: symbol, update, timestamp: timestamp)
        }
        return fills
    }

    /// Feeds the market: records the last price of `symbol`, fills the resting limit orders the update
    /// crossed, then liquidates a short of `symbol` whose equity fell below its maintenance margin.
    /// Returns the fills it made, for the runtime to report to the risk engine. Updates for symbols
    /// without a market are ignored.
    ///
    /// A buy limit is crossed when the low trades at or below it, a sell limit when the high trades at or
    /// above it; it fills at its limit price, or at the open when the market opened through the limit
    /// (a gap fills at the better price), with the maker fee.
    /// - Parameter timestamp: when the update happened (ms since the epoch, UTC); stamps its fills.
    public func updateMarket(symbol: String, _ update: MarketUpdate, timestamp: Int64) throws -> [PaperFill] {
        guard let market = markets[symbol] else { return [] }
        let (open, low, high) = update.range
        guard update.lastPrice.isFinite, update.lastPrice > 0 else { return [] }
        lastPrices[symbol] = update.lastPrice
        let fillsBefore = fillLog.count
        for orderID in restingOrderIDs {
            guard var state = orders[orderID], state.request.symbol == symbol, let limit = state.request.price,
                Self.crosses(limit: limit, side: state.request.side, low: low, high: high)
            else { continue }
            restingOrderIDs.removeAll { $0 == orderID }
            let price = state.request.side == .buy ? min(limit, open) : max(limit, open)
            let outcome = plan(
                orderID: orderID, state.request, market: market, price: price, feeRate: settings.makerFee,
                liquidity: .maker, context: state.context, at: timestamp)
            switch outcome {
            case .failure(let rejection):
                try reject(orderID: orderID, state.request, context: state.context, rejection, at: timestamp)
            case .success(let fillPlan):
                state.result = OrderResult(
                    orderID: orderID, status: .filled, filledQuantity: fillPlan.fill.quantity,
                    averagePrice: fillPlan.fill.price, fee: fillPlan.fill.fee, timestamp: timestamp)
                orders[orderID] = state
                try apply(fillPlan, state.request, context: state.context, completesOrder: true)
            }
        }
        try liquidateIfUnderMargin(symbol: symbol, market: market, price: update.lastPrice, at: timestamp)
        return Array(fillLog[fillsBefore...])
    }

    /// Whether a limit order on `side` trades when the market ranges over `low...high`.
    static func crosses(limit: Double, side: OrderSide, low: Double, high: Double) -> Bool {
        side == .buy ? low <= limit : high >= limit
    }

    private func fillNow(
        orderID: String, _ request: OrderRequest, _ order: ValidOrder, price: Double, context: ExecutionContext,
        at now: Int64
    ) throws -> OrderResult {
        let outcome = plan(
            orderID: orderID, request, market: order.market, price: price, feeRate: settings.takerFee,
            liquidity: .taker, context: context, at: now)
        switch outcome {
        case .failure(let rejection):
            return try reject(orderID: orderID, request, context: context, rejection, at: now)
        case .success(let fillPlan):
            let result = OrderResult(
                orderID: orderID, status: .filled, filledQuantity: fillPlan.fill.quantity,
                averagePrice: fillPlan.fill.price, fee: fillPlan.fill.fee, timestamp: now)
            orders[orderID] = OrderState(request: request, context: context, result: result)
            try apply(fillPlan, request, context: context, completesOrder: true)
            return result
        }
    }

    /// Closes the short of `symbol` at `price` (taker fee, no slippage) when its equity, margin plus
    /// unrealised PnL, is below `quantity × price × ` the maintenance ratio of the profile it was opened under.
    private func liquidateIfUnderMargin(symbol: String, market: MarketMetadata, price: Double, at now: Int64) throws {
        guard let short = positionBook[symbol], short.side == .short else { return }
        let equity = short.margin + short.unrealizedPnL(at: price)
        let requirement = short.quantity * price * settings.maintenanceMarginRatio(for: short.riskProfile)
        guard equity < requirement else { return }
        let orderID = makeOrderID()
        let request = OrderRequest(
            symbol: symbol, side: .buy, quantity: short.quantity, type: .market, price: price, reduceOnly: true,
            metadata: ["reason": "liquidation"])
        let context =
            fillContexts[symbol] ?? ExecutionContext(portfolioID: "", riskProfile: short.riskProfile, environment: "")
        let outcome = plan(
            orderID: orderID, request, market: market, price: price, feeRate: settings.takerFee,
            liquidity: .liquidation,
            context: context, at: now, allowDeficit: true)
        guard case .success(let fillPlan) = outcome else { return }
        let result = OrderResult(
            orderID: orderID, status: .filled, filledQuantity: fillPlan.fill.quantity, averagePrice: price,
            fee: fillPlan.fill.fee, timestamp: now)
        orders[orderID] = OrderState(request: request, context: context, result: result)
        try apply(fillPlan, request, context: context, completesOrder: true)
    }
}
