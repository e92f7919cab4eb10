/// An account's balances and margin at one moment (quote-asset values).
public struct AccountSnapshot: Sendable, Hashable, Codable {
    /// Free balance per asset.
    public var balances: [String: Double]
    public var totalEquity: Double
    public var availableMargin: Double
    public var maintenanceMargin: Double

    public init(balances: [String: Double], totalEquity: Double, availableMargin: Double, maintenanceMargin: Double) {
        self.balances = balances
        self.totalEquity = totalEquity
        self.availableMargin = availableMargin
        self.maintenanceMargin = maintenanceMargin
    }
}
