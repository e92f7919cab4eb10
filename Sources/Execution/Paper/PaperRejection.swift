import BotExchanges

/// Why the paper simulator refused an order. `description` is the reason put in the order result and
/// the ledger: the symbol, the rule and the numbers, so the operator can fix the order or the config.
public enum PaperRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownSymbol(symbol: String, known: [String])
    case invalidQuantity(symbol: String, quantity: Double)
    case invalidPrice(symbol: String, type: OrderType, price: Double?)
    case belowMinQuantity(symbol: String, quantity: Double, minimum: Double)
    case quantityOffStep(symbol: String, quantity: Double, stepSize: Double)
    case priceOffTick(symbol: String, price: Double, tickSize: Double)
    case belowMinNotional(symbol: String, quantity: Double, price: Double, notional: Double, minimum: Double)
    case noMarketPrice(symbol: String)
    case insufficientBalance(symbol: String, asset: String, required: Double, available: Double)
    case reduceOnlyExceedsPosition(symbol: String, side: OrderSide, quantity: Double, reducible: Double)

    /// A short stable code for metrics labels and the ledger (`min_notional`, `insufficient_balance`…).
    public var code: String {
        switch self {
        case .unknownSymbol: "unknown_symbol"
        case .invalidQuantity: "invalid_quantity"
        case .invalidPrice: "invalid_price"
        case .belowMinQuantity: "min_quantity"
        case .quantityOffStep: "step_size"
        case .priceOffTick: "tick_size"
        case .belowMinNotional: "min_notional"
        case .noMarketPrice: "no_market_price"
        case .insufficientBalance: "insufficient_balance"
        case .reduceOnlyExceedsPosition: "reduce_only"
        }
    }

    public var description: String {
        switch self {
        case .unknownSymbol(let symbol, let known):
            let list = known.isEmpty ? "none" : known.sorted().joined(separator: ", ")
            return "\(symbol): unknown symbol; the paper markets are \(list) (add it to paper_trading.markets "
                + "or the environment's universe)"
        case .invalidQuantity(let symbol, let quantity):
            return "\(symbol): quantity \(quantity) is not a positive number"
        case .invalidPrice(let symbol, let type, let price):
            let shown = price.map { "\($0)" } ?? "missing"
            return "\(symbol): \(type.rawValue) order price \(shown) is not a positive number"
                + (type == .limit ? "; a limit order needs its limit price" : "")
        case .belowMinQuantity(let symbol, let quantity, let minimum):
            return "\(symbol): quantity \(quantity) is below the minimum quantity \(minimum)"
        case .quantityOffStep(let symbol, let quantity, let stepSize):
            return "\(symbol): quantity \(quantity) is not a multiple of the lot step size \(stepSize); "
                + "round it down to a whole number of steps"
        case .priceOffTick(let symbol, let price, let tickSize):
            return "\(symbol): limit price \(price) is not a multiple of the tick size \(tickSize)"
        case .belowMinNotional(let symbol, let quantity, let price, let notional, let minimum):
            return "\(symbol): order value \(notional) (quantity \(quantity) × price \(price)) is below the "
                + "minimum notional \(minimum)"
        case .noMarketPrice(let symbol):
            return "\(symbol): no market price yet for a market order; the runtime must feed a price or "
                + "candle first, or the order must carry a reference price"
        case .insufficientBalance(let symbol, let asset, let required, let available):
            return "\(symbol): insufficient \(asset) balance: the order needs \(required) \(asset) "
                + "(value, fee and margin) but \(available) \(asset) is free"
        case .reduceOnlyExceedsPosition(let symbol, let side, let quantity, let reducible):
            return "\(symbol): reduce-only \(side.rawValue) of \(quantity) exceeds the \(reducible) the open "
                + "position can be reduced by"
        }
    }
}
