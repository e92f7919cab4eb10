import BotExchanges

/// One execution of (part of) an order in the paper simulator: what the runtime reports to the risk
/// engine.
public struct PaperFill: Sendable, Hashable, Codable {
    /// Whether the fill added liquidity (a resting limit order) or took it.
    public enum Liquidity: String, Sendable, Hashable, Codable {
        case maker
        case taker
        /// A short closed by the simulator because its equity fell below the maintenance margin.
        case liquidation
    }

    public var orderID: String
    public var clientOrderID: String?
    public var symbol: String
    public var side: OrderSide
    public var quantity: Double
    /// The fill price, slippage included.
    public var price: Double
    /// The fee, in ``feeAsset``.
    public var fee: Double
    public var feeAsset: String
    public var liquidity: Liquidity
    /// The price profit or loss of the quantity this fill closed, before fees; 0 when it only opened.
    public var realizedPnL: Double
    /// Milliseconds since the epoch (UTC).
    public var timestamp: Int64

    public init(
        orderID: String, clientOrderID: String?, symbol: String, side: OrderSide, quantity: Double, price: Double,
        fee: Double, feeAsset: String, liquidity: Liquidity, realizedPnL: Double, timestamp: Int64
    ) {
        self.orderID = orderID
        self.clientOrderID = clientOrderID
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.price = price
        self.fee = fee
        self.feeAsset = feeAsset
        self.liquidity = liquidity
        self.realizedPnL = realizedPnL
        self.timestamp = timestamp
    }

    /// Quantity × price, in the quote asset.
    public var notional: Double { quantity * price }
}
