import BotExchanges

/// One line of the execution ledger: an order accepted, filled, cancelled or rejected.
///
/// The JSON keys are the reference's (`timestamp order_id symbol side quantity price fee fee_asset status
/// leverage position_value`) plus `client_order_id`, `type`, `liquidity`, `realized_pnl`, `reason`,
/// `portfolio_id`, `risk_profile` and `environment`. Every key is written on every line (null when it
/// does not apply), so downstream readers can rely on the set. `timestamp` is epoch milliseconds (UTC),
/// not the reference's float seconds (DESIGN.md §4.1).
public struct LedgerRecord: Sendable, Hashable, Codable {
    public var timestamp: Int64
    public var orderID: String
    public var clientOrderID: String?
    public var symbol: String
    public var side: OrderSide
    public var type: OrderType
    /// The filled quantity of a fill; the order's quantity otherwise.
    public var quantity: Double
    /// The fill price of a fill; the limit or reference price otherwise (0 when none).
    public var price: Double
    public var fee: Double
    /// The asset the fee was paid in; empty when no fee.
    public var feeAsset: String
    public var status: OrderStatus
    /// `maker`, `taker` or `liquidation` for fills; nil otherwise.
    public var liquidity: PaperFill.Liquidity?
    /// The leverage of the symbol's short after this entry; 1 without a short.
    public var leverage: Double
    /// |open position quantity| × `price` after this entry, in the quote asset.
    public var positionValue: Double
    /// The price profit or loss the fill realised, before fees; 0 for non-fills.
    public var realizedPnL: Double
    /// Why the order was rejected; nil unless `status` is `rejected`.
    public var reason: String?
    public var portfolioID: String
    public var riskProfile: String
    public var environment: String

    public init(
        timestamp: Int64, orderID: String, clientOrderID: String?, symbol: String, side: OrderSide, type: OrderType,
        quantity: Double, price: Double, fee: Double, feeAsset: String, status: OrderStatus,
        liquidity: PaperFill.Liquidity?, leverage: Double, positionValue: Double, realizedPnL: Double,
        reason: String?, portfolioID: String, riskProfile: String, environment: String
    ) {
        self.timestamp = timestamp
        self.orderID = orderID
        self.clientOrderID = clientOrderID
        self.symbol = symbol
        self.side = side
        self.type = type
        self.quantity = quantity
        self.price = price
        self.fee = fee
        self.feeAsset = feeAsset
        self.status = status
        self.liquidity = liquidity
        self.leverage = leverage
        self.positionValue = positionValue
        self.realizedPnL = realizedPnL
        self.reason = reason
        self.portfolioID = portfolioID
        self.riskProfile = riskProfile
        self.environment = environment
    }

    enum CodingKeys: String, CodingKey {
        case timestamp
        case orderID = "order_id"
        case clientOrderID = "client_order_id"
        case symbol, side, type, quantity, price, fee
        case feeAsset = "fee_asset"
        case status, liquidity, leverage
        case positionValue = "position_value"
        case realizedPnL = "realized_pnl"
        case reason
        case portfolioID = "portfolio_id"
        case riskProfile = "risk_profile"
        case environment
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(orderID, forKey: .orderID)
        // Optionals through `encode`, not `encodeIfPresent`: the key is written as null, keeping the key set stable.
        try container.encode(clientOrderID, forKey: .clientOrderID)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(side, forKey: .side)
        try container.encode(type, forKey: .type)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(price, forKey: .price)
        try container.encode(fee, forKey: .fee)
        try container.encode(feeAsset, forKey: .feeAsset)
        try container.encode(status, forKey: .status)
        try container.encode(liquidity, forKey: .liquidity)
        try container.encode(leverage, forKey: .leverage)
        try container.encode(positionValue, forKey: .positionValue)
        try container.encode(realizedPnL, forKey: .realizedPnL)
        try container.encode(reason, forKey: .reason)
        try container.encode(portfolioID, forKey: .portfolioID)
        try container.encode(riskProfile, forKey: .riskProfile)
        try container.encode(environment, forKey: .environment)
    }
}
