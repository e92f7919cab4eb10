import BotExchanges

extension StrategySignal {
    /// The order side that carries out the signal: `buy` to enter long or leave a short, `sell` to enter
    /// short or leave a long; nil for `hold` (and for an exit of a flat position).
    public var orderSide: OrderSide? {
        switch (action, positionSide) {
        case (.enterLong, _), (.exit, .short): .buy
        case (.enterShort, _), (.exit, .long): .sell
        case (.hold, _), (.exit, .flat): nil
        }
    }

    /// The order for this signal, once the caller knows the quantity.
    ///
    /// For an entry the quantity comes from the risk engine's sizing; for an exit it is the whole open
    /// position, and the order is `reduceOnly`, so a risk engine never mistakes it for a new position in
    /// the other direction (reference-runtime §13.2). Nil for `hold`.
    public func orderRequest(quantity: Double, type: OrderType = .market) -> OrderRequest? {
        guard let side = orderSide else { return nil }
        return OrderRequest(
            symbol: symbol, side: side, quantity: quantity, type: type, price: price, stopPrice: stopPrice,
            atr: atr, reduceOnly: isReducing,
            metadata: ["signal": action.rawValue, "reason": reason, "confidence": "\(confidence)"])
    }
}
