/// What a strategy decided on one closed bar of one symbol.
///
/// Entries carry a suggested stop and the ATR it was derived from; the risk engine sizes the order from
/// them. An exit closes the whole position the strategy holds: it is a reducing order whose quantity is
/// the position's, which the caller knows from its ledger (see ``orderRequest(quantity:type:)``).
public struct StrategySignal: Sendable, Hashable {
    /// The decision.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// Open a long position.
        case enterLong = "enter_long"
        /// Open a short position.
        case enterShort = "enter_short"
        /// Close the whole open position.
        case exit
        /// Do nothing.
        case hold
    }

    /// The instrument (`BTCUSDT`).
    public var symbol: String
    /// The open time of the bar the decision was made on (epoch ms, UTC).
    public var openTime: Int64
    /// The decision.
    public var action: Action
    /// For an exit, the side of the position being closed; otherwise the side held after the decision.
    public var positionSide: StrategyPosition.Side
    /// The bar's close, the price the decision was made at.
    public var price: Double
    /// How strongly the strategy believes in the decision, 0...1 (0 for `hold`).
    public var confidence: Double
    /// The protective stop the strategy suggests, when it has one.
    public var stopPrice: Double?
    /// The average true range behind the stop, when the strategy uses one.
    public var atr: Double?
    /// Why, in a few words, for the journal and the operator.
    public var reason: String
    /// Indicator values behind the decision, keyed by name; empty for `hold`.
    public var metadata: [String: Double]

    /// A signal.
    public init(
        symbol: String, openTime: Int64, action: Action, positionSide: StrategyPosition.Side, price: Double,
        confidence: Double, stopPrice: Double? = nil, atr: Double? = nil, reason: String,
        metadata: [String: Double] = [:]
    ) {
        self.symbol = symbol
        self.openTime = openTime
        self.action = action
        self.positionSide = positionSide
        self.price = price
        self.confidence = confidence
        self.stopPrice = stopPrice
        self.atr = atr
        self.reason = reason
        self.metadata = metadata
    }

    /// Whether the signal asks for an order (anything but `hold`).
    public var isActionable: Bool { action != .hold }

    /// Whether the order only shrinks a position (exits).
    public var isReducing: Bool { action == .exit }
}
