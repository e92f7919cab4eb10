/// One instrument's position as the engine tracks it from fills.
public struct RiskPosition: Sendable, Hashable, Codable {
    /// Signed base quantity: positive long, negative short.
    public var quantity: Double
    /// The average entry price of the open quantity.
    public var averagePrice: Double
    /// The latest price seen (fill or mark-to-market).
    public var markPrice: Double

    /// A position of `quantity` entered at `averagePrice`, marked at `markPrice`.
    public init(quantity: Double, averagePrice: Double, markPrice: Double) {
        self.quantity = quantity
        self.averagePrice = averagePrice
        self.markPrice = markPrice
    }

    /// The position's absolute value at its mark price.
    public var notional: Double { abs(quantity) * markPrice }

    /// The profit or loss if the position were closed at its mark price.
    public var unrealizedPnL: Double { quantity * (markPrice - averagePrice) }

    enum CodingKeys: String, CodingKey {
        case quantity
        case averagePrice = "average_price"
        case markPrice = "mark_price"
    }
}
