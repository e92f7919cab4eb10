/// Whether the engine accepts new exposure.
public enum RiskMode: String, Sendable, Hashable, Codable {
    /// Every check applies; new exposure is possible.
    case normal
    /// A hard limit was hit: only orders that shrink an existing position pass.
    case liquidation
}
