/// The trading rules of one symbol: its assets and the exchange's lot and price filters.
public struct MarketMetadata: Sendable, Hashable, Codable {
    public var baseAsset: String
    public var quoteAsset: String
    /// The smallest order quantity (base asset); 0 for none.
    public var minQuantity: Double
    /// The smallest order value, quantity × price (quote asset); 0 for none.
    public var minNotional: Double
    /// Quantities must be whole multiples of this; nil for any quantity.
    public var stepSize: Double?
    /// Limit prices must be whole multiples of this; nil for any price.
    public var tickSize: Double?

    public init(
        baseAsset: String, quoteAsset: String, minQuantity: Double = 0, minNotional: Double = 0,
        stepSize: Double? = nil, tickSize: Double? = nil
    ) {
        self.baseAsset = baseAsset
        self.quoteAsset = quoteAsset
        self.minQuantity = minQuantity
        self.minNotional = minNotional
        self.stepSize = stepSize
        self.tickSize = tickSize
    }

    /// Whether `value` is a whole multiple of `increment`, allowing for binary rounding of decimal sizes.
    static func isMultiple(_ value: Double, of increment: Double) -> Bool {
        guard increment > 0 else { return true }
        let steps = value / increment
        return abs(steps - steps.rounded()) <= 1e-8
    }
}
