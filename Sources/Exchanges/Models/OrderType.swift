/// How an order is priced.
public enum OrderType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Fills at the market's price (with slippage in the paper simulator).
    case market
    /// Fills only at `price` or better.
    case limit
}
