import BotExchanges

/// One order the smoke run submitted and what became of it.
public struct SmokeOrder: Sendable, Hashable {
    public var orderID: String
    public var symbol: String
    public var side: OrderSide
    public var status: OrderStatus
    public var filledQuantity: Double
    /// The average fill price; nil when nothing filled.
    public var averagePrice: Double?
    /// Why the order was rejected; nil unless it was.
    public var rejectionReason: String?

    /// An order outcome with every field given.
    public init(
        orderID: String, symbol: String, side: OrderSide, status: OrderStatus, filledQuantity: Double,
        averagePrice: Double? = nil, rejectionReason: String? = nil
    ) {
        self.orderID = orderID
        self.symbol = symbol
        self.side = side
        self.status = status
        self.filledQuantity = filledQuantity
        self.averagePrice = averagePrice
        self.rejectionReason = rejectionReason
    }

    /// The outcome of `result`, an order for `symbol` on `side`.
    public init(result: OrderResult, symbol: String, side: OrderSide) {
        self.init(
            orderID: result.orderID, symbol: symbol, side: side, status: result.status,
            filledQuantity: result.filledQuantity, averagePrice: result.averagePrice,
            rejectionReason: result.rejectionReason)
    }
}
