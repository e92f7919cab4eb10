/// The part of a paper account that outlives a process: balances, open positions, last prices and the
/// order counter, so a paper run restarted tomorrow trades the account it left, with fresh order ids.
///
/// Resting limit orders are not kept: the runtime trades market orders, and a restart is the moment an
/// operator expects open orders to be gone.
public struct PaperAccount: Sendable, Hashable, Codable {
    public var balances: [String: Double]
    public var positions: [String: PaperPosition]
    public var lastPrices: [String: Double]
    /// The number the next order id (`paper-N`) takes.
    public var nextOrderNumber: Int
    /// When the account was taken, in milliseconds since the epoch (UTC).
    public var savedAt: Int64

    public init(
        balances: [String: Double], positions: [String: PaperPosition], lastPrices: [String: Double],
        nextOrderNumber: Int, savedAt: Int64
    ) {
        self.balances = balances
        self.positions = positions
        self.lastPrices = lastPrices
        self.nextOrderNumber = nextOrderNumber
        self.savedAt = savedAt
    }

    enum CodingKeys: String, CodingKey {
        case balances, positions
        case lastPrices = "last_prices"
        case nextOrderNumber = "next_order_number"
        case savedAt = "saved_at"
    }
}

extension PaperExecutionService {
    /// The account as it stands, for ``PaperAccountFile``.
    public func account() -> PaperAccount {
        PaperAccount(
            balances: balanceBook, positions: positionBook, lastPrices: lastPrices, nextOrderNumber: nextOrderNumber,
            savedAt: clock())
    }

    /// Continues from a saved account: its balances, positions, prices and order counter replace the
    /// current ones (call before the first order).
    public func restore(_ account: PaperAccount) {
        balanceBook = account.balances
        positionBook = account.positions
        lastPrices = account.lastPrices
        nextOrderNumber = max(nextOrderNumber, account.nextOrderNumber)
    }
}
