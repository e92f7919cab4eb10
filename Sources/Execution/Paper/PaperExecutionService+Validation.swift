import BotExchanges

extension PaperExecutionService {
    /// An order that passed the symbol, lot, price and notional rules.
    struct ValidOrder {
        var market: MarketMetadata
        /// The price the notional was checked at: the limit price, or the market price a market order fills near.
        var referencePrice: Double
    }

    /// Checks `request` against its market's rules, most basic first, so the reason names the first rule
    /// broken.
    func validate(_ request: OrderRequest) -> Result<ValidOrder, PaperRejection> {
        let symbol = request.symbol
        guard let market = markets[symbol] else {
            return .failure(.unknownSymbol(symbol: symbol, known: Array(markets.keys)))
        }
        let quantity = request.quantity
        guard quantity.isFinite, quantity > 0 else {
            return .failure(.invalidQuantity(symbol: symbol, quantity: quantity))
        }
        if let price = request.price, !(price.isFinite && price > 0) {
            return .failure(.invalidPrice(symbol: symbol, type: request.type, price: price))
        }
        if request.type == .limit, request.price == nil {
            return .failure(.invalidPrice(symbol: symbol, type: .limit, price: nil))
        }
        if quantity < market.minQuantity {
            return .failure(.belowMinQuantity(symbol: symbol, quantity: quantity, minimum: market.minQuantity))
        }
        if let step = market.stepSize, !MarketMetadata.isMultiple(quantity, of: step) {
            return .failure(.quantityOffStep(symbol: symbol, quantity: quantity, stepSize: step))
        }
        if request.type == .limit, let tick = market.tickSize, let price = request.price,
            !MarketMetadata.isMultiple(price, of: tick)
        {
            return .failure(.priceOffTick(symbol: symbol, price: price, tickSize: tick))
        }
        let referencePrice: Double
        switch request.type {
        case .limit:
            referencePrice = request.price ?? 0
        case .market:
            guard let price = lastPrices[symbol] ?? request.price else {
                return .failure(.noMarketPrice(symbol: symbol))
            }
            referencePrice = price
        }
        let notional = quantity * referencePrice
        if notional < market.minNotional {
            return .failure(
                .belowMinNotional(
                    symbol: symbol, quantity: quantity, price: referencePrice, notional: notional,
                    minimum: market.minNotional))
        }
        if request.reduceOnly {
            let position = positionBook[symbol]
            let opposite: PaperPosition.Side = request.side == .buy ? .short : .long
            let reducible = position?.side == opposite ? position?.quantity ?? 0 : 0
            if quantity > reducible * (1 + 1e-12) {
                return .failure(
                    .reduceOnlyExceedsPosition(
                        symbol: symbol, side: request.side, quantity: quantity, reducible: reducible))
            }
        }
        return .success(ValidOrder(market: market, referencePrice: referencePrice))
    }
}
