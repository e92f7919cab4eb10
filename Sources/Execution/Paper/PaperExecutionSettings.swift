/// Fees, slippage and margin rules of the paper simulator (`adapter_settings.paper_trading`).
///
/// BotRuntime maps its config model onto this; the defaults are the reference's.
public struct PaperExecutionSettings: Sendable, Hashable {
    /// Fee rate of an order that rested on the book before it filled (a crossed limit order).
    public var makerFee: Double
    /// Fee rate of an order that took liquidity (market orders, marketable limit orders).
    public var takerFee: Double
    /// How far a taker fill moves against the order, in basis points of the market price.
    public var slippageBPS: Double
    /// Maintenance margin per risk profile, as a fraction of a short's current notional.
    public var maintenanceMarginRatios: [String: Double]
    /// Maintenance margin of a profile missing from ``maintenanceMarginRatios``.
    public var defaultMaintenanceMarginRatio: Double

    /// Settings with each rate floored at 0 (a negative fee or slippage is a config mistake, not a rebate).
    public init(
        makerFee: Double = 0.0004, takerFee: Double = 0.0006, slippageBPS: Double = 5,
        maintenanceMarginRatios: [String: Double] = ["conservative": 0.3, "balanced": 0.2, "aggressive": 0.1],
        defaultMaintenanceMarginRatio: Double = 0.25
    ) {
        self.makerFee = Self.nonNegative(makerFee)
        self.takerFee = Self.nonNegative(takerFee)
        self.slippageBPS = Self.nonNegative(slippageBPS)
        self.maintenanceMarginRatios = maintenanceMarginRatios.mapValues(Self.nonNegative)
        self.defaultMaintenanceMarginRatio = Self.nonNegative(defaultMaintenanceMarginRatio)
    }

    /// The maintenance-margin ratio of `riskProfile`.
    public func maintenanceMarginRatio(for riskProfile: String) -> Double {
        maintenanceMarginRatios[riskProfile] ?? defaultMaintenanceMarginRatio
    }

    private static func nonNegative(_ value: Double) -> Double { value.isFinite ? max(0, value) : 0 }
}
