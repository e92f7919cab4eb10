/// An order the strategy wants placed, after sizing: what the risk engine checks and an execution
/// service executes. Quantities are in the base asset, prices in the quote asset.
public struct OrderRequest: Sendable, Hashable, Codable {
    public var symbol: String
    public var side: OrderSide
    public var quantity: Double
    public var type: OrderType
    /// The limit price; nil for market orders.
    public var price: Double?
    /// The protective stop the strategy placed the position behind, used for ATR sizing checks.
    public var stopPrice: Double?
    /// The average true range the strategy sized with, when it used one.
    public var atr: Double?
    /// Whether the order may only shrink an existing position (exits, liquidation).
    public var reduceOnly: Bool
    public var clientOrderID: String?
    /// Free-form tags carried into the journal (signal id, strategy name…).
    public var metadata: [String: String]

    public init(
        symbol: String, side: OrderSide, quantity: Double, type: OrderType = .market, price: Double? = nil,
        stopPrice: Double? = nil, atr: Double? = nil, reduceOnly: Bool = false, clientOrderID: String? = nil,
        metadata: [String: String] = [:]
    ) {
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.type = type
        self.price = price
        self.stopPrice = stopPrice
        self.atr = atr
        self.reduceOnly = reduceOnly
        self.clientOrderID = clientOrderID
        self.metadata = metadata
    }
}
