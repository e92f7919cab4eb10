/// Why and since when the engine is in liquidation mode.
public struct RiskLiquidation: Sendable, Hashable, Codable {
    /// The limit that was hit: ``RiskCheck/hardDrawdown`` or ``RiskCheck/dailyLossLimit``.
    public var limit: RiskCheck
    /// When the limit was hit, in milliseconds since the epoch (UTC).
    public var since: Int64
    /// The limit and the numbers at the moment it was hit.
    public var reason: String

    /// A latch on `limit`, hit at `since`.
    public init(limit: RiskCheck, since: Int64, reason: String) {
        self.limit = limit
        self.since = since
        self.reason = reason
    }
}
