/// Why the engine refused an order: the check that failed, the operator-readable reason naming the limit
/// and the numbers, and, where a smaller order would pass that check, the largest such quantity.
public struct RiskRejection: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The check that refused the order.
    public let check: RiskCheck
    /// What limit was hit, with the numbers, in words an operator can act on.
    public let reason: String
    /// The largest quantity of this order that this check would accept; nil when no smaller order helps.
    public let maxQuantity: Double?

    /// A rejection by `check` for `reason`.
    public init(check: RiskCheck, reason: String, maxQuantity: Double? = nil) {
        self.check = check
        self.reason = reason
        self.maxQuantity = maxQuantity
    }

    public var description: String { reason }

    enum CodingKeys: String, CodingKey {
        case check, reason
        case maxQuantity = "max_quantity"
    }
}
