/// The engine's answer to one pre-trade check.
public enum RiskDecision: Sendable, Hashable {
    /// The order passes every check.
    case allowed
    /// The order breaks a limit; see the rejection for which one and by how much.
    case rejected(RiskRejection)

    /// Whether the order may be sent.
    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    /// The rejection; nil when allowed.
    public var rejection: RiskRejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }
}
