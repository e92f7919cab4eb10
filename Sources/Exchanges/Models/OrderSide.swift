/// Which way an order trades.
public enum OrderSide: String, Sendable, Hashable, Codable, CaseIterable {
    case buy
    case sell

    /// The side that closes a position opened with this side.
    public var opposite: OrderSide { self == .buy ? .sell : .buy }
}
