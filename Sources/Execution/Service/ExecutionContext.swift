/// Who an order is placed for: the portfolio, its risk profile and the environment, plus free-form
/// settings such as leverage.
public struct ExecutionContext: Sendable, Hashable, Codable {
    /// The metadata key whose value is the leverage a short is opened with (`"3"`, `"2.50"`).
    public static let leverageKey = "leverage"

    public var portfolioID: String
    /// The risk profile's name (`conservative`, `balanced`, `aggressive`, …).
    public var riskProfile: String
    /// The environment's name (`binance_paper`).
    public var environment: String
    public var metadata: [String: String]

    public init(portfolioID: String, riskProfile: String, environment: String, metadata: [String: String] = [:]) {
        self.portfolioID = portfolioID
        self.riskProfile = riskProfile
        self.environment = environment
        self.metadata = metadata
    }

    /// The leverage in ``metadata`` under ``leverageKey``, at least 1; 1 when absent or not a finite number.
    public var leverage: Double {
        guard let text = metadata[Self.leverageKey], let value = Double(text), value.isFinite else { return 1 }
        return max(1, value)
    }
}
