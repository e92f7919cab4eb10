/// An open position of the paper account in one symbol.
///
/// Longs are spot holdings paid in full. Shorts are margin positions: the simulator locks
/// `notional / leverage` of the quote asset as ``margin`` and settles the price difference when the
/// short is covered, so sale proceeds are never spendable.
public struct PaperPosition: Sendable, Hashable, Codable {
    public enum Side: String, Sendable, Hashable, Codable {
        case long
        case short
    }

    public var symbol: String
    public var side: Side
    /// Base-asset quantity, always positive.
    public var quantity: Double
    /// The quantity-weighted average fill price of the open quantity.
    public var entryPrice: Double
    /// Quote asset locked for a short; 0 for a long.
    public var margin: Double
    /// Current notional at entry over margin for a short; 1 for a long.
    public var leverage: Double
    /// The risk profile the short was opened under; decides its maintenance margin.
    public var riskProfile: String

    public init(
        symbol: String, side: Side, quantity: Double, entryPrice: Double, margin: Double = 0, leverage: Double = 1,
        riskProfile: String = ""
    ) {
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.entryPrice = entryPrice
        self.margin = margin
        self.leverage = leverage
        self.riskProfile = riskProfile
    }

    /// The profit or loss if the whole position closed at `price` (before fees).
    public func unrealizedPnL(at price: Double) -> Double {
        switch side {
        case .long: (price - entryPrice) * quantity
        case .short: (entryPrice - price) * quantity
        }
    }
}
