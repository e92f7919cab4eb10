/// The position a strategy believes it holds in one symbol.
///
/// It is the strategy's view, changed by its own signals; the risk engine and the execution ledger hold
/// the real position (a rejected entry leaves the two apart until the strategy exits).
public struct StrategyPosition: Sendable, Hashable {
    /// Which way the position points.
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case flat
        case long
        case short
    }

    /// Which way the position points.
    public var side: Side
    /// The close of the bar that opened the position; nil when flat.
    public var entryPrice: Double?
    /// The open time of the bar that opened the position (epoch ms, UTC); nil when flat.
    public var entryTime: Int64?
    /// The latest stop the strategy suggested for the position; nil when flat or not yet known.
    public var stopPrice: Double?

    /// A position; `flat` carries no prices.
    public init(side: Side, entryPrice: Double? = nil, entryTime: Int64? = nil, stopPrice: Double? = nil) {
        self.side = side
        self.entryPrice = entryPrice
        self.entryTime = entryTime
        self.stopPrice = stopPrice
    }

    /// No position.
    public static let flat = StrategyPosition(side: .flat)

    /// Whether a position is open.
    public var isOpen: Bool { side != .flat }
}
