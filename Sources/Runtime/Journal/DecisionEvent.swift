/// One step of a trading decision, as the decision journal records it: a signal arriving, the risk
/// verdict with its reason, the order and its result.
///
/// The fixed fields say what and where; ``metadata`` carries the details in order (signal id, market
/// snapshot, risk reason, order id, fill…). See ``jsonLine`` for the serialized form.
public struct DecisionEvent: Sendable, Hashable {
    /// What happened; the raw value is the `event` field of the journal line.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case signalReceived = "signal_received"
        case riskRejected = "risk_rejected"
        case riskAdjusted = "risk_adjusted"
        case riskCheckPassed = "risk_check_passed"
        case orderSubmitted = "order_submitted"
        case orderFailed = "order_failed"
        case orderExecuted = "order_executed"
        case positionClosed = "position_closed"
        case liquidationEntered = "liquidation_entered"
        case shutdown
    }

    /// One metadata key and value.
    public struct Entry: Sendable, Hashable {
        public let key: String
        public let value: String

        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public var kind: Kind
    /// Epoch milliseconds UTC; also picks the day's journal file.
    public var timestamp: Int64
    public var environment: String
    public var portfolio: String
    public var riskProfile: String
    public var symbol: String?
    /// `BUY` or `SELL`.
    public var side: String?
    public var quantity: Double?
    public var price: Double?
    public var status: String?
    /// Extra keys, written after the fixed ones in this order.
    public var metadata: [Entry]

    public init(
        kind: Kind, timestamp: Int64, environment: String, portfolio: String, riskProfile: String,
        symbol: String? = nil, side: String? = nil, quantity: Double? = nil, price: Double? = nil,
        status: String? = nil, metadata: [(String, String)] = []
    ) {
        self.kind = kind
        self.timestamp = timestamp
        self.environment = environment
        self.portfolio = portfolio
        self.riskProfile = riskProfile
        self.symbol = symbol
        self.side = side
        self.quantity = quantity
        self.price = price
        self.status = status
        self.metadata = metadata.map { Entry($0.0, $0.1) }
    }

    /// The value of the first metadata entry called `key`.
    public func metadataValue(_ key: String) -> String? {
        metadata.first { $0.key == key }?.value
    }
}
