/// What an execution service reports for one order.
public struct OrderResult: Sendable, Hashable, Codable {
    public var orderID: String
    public var status: OrderStatus
    public var filledQuantity: Double
    /// The average fill price; nil when nothing filled.
    public var averagePrice: Double?
    /// The fee paid, in the quote asset.
    public var fee: Double
    /// When the order was accepted or filled, in milliseconds since the epoch (UTC).
    public var timestamp: Int64
    /// Why the order was rejected, in words an operator can act on; nil unless rejected.
    public var rejectionReason: String?

    public init(
        orderID: String, status: OrderStatus, filledQuantity: Double, averagePrice: Double?, fee: Double = 0,
        timestamp: Int64, rejectionReason: String? = nil
    ) {
        self.orderID = orderID
        self.status = status
        self.filledQuantity = filledQuantity
        self.averagePrice = averagePrice
        self.fee = fee
        self.timestamp = timestamp
        self.rejectionReason = rejectionReason
    }
}
