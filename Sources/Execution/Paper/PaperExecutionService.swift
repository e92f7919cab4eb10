import BotExchanges
import Foundation

/// A simulated venue: fills market orders at the last price with slippage and a taker fee, rests limit
/// orders until a fed price crosses them (maker fee), keeps balances and long and short positions, and
/// records every order, fill, cancellation and rejection in an ``ExecutionLedger``.
///
/// Prices arrive through ``updateMarket(symbol:_:timestamp:)`` (the runtime feeds each closed candle or
/// last price). A market order fills at the latest fed price; before the first update it fills at the
/// order's own `price` when given (the caller's quote), and is rejected otherwise.
///
/// Rejections are results, not errors: status `rejected` with a ``PaperRejection`` description naming
/// the symbol, the rule and the numbers, and a ledger line. A repeated `clientOrderID` returns the first
/// order's current result without trading again, so a retried submission is safe.
public actor PaperExecutionService: ExecutionService {
    struct OrderState {
        var request: OrderRequest
        var context: ExecutionContext
        var result: OrderResult
    }

    public let settings: PaperExecutionSettings
    let markets: [String: MarketMetadata]
    let clock: @Sendable () -> Int64
    let ledger: ExecutionLedger

    var balanceBook: [String: Double]
    var positionBook: [String: PaperPosition] = [:]
    var lastPrices: [String: Double] = [:]
    var orders: [String: OrderState] = [:]
    /// Resting limit orders in submission order, which is the order they fill in when one price crosses several.
    var restingOrderIDs: [String] = []
    var orderIDsByClientID: [String: String] = [:]
    /// The context of the latest fill per symbol; a liquidation is ledgered under it.
    var fillContexts: [String: ExecutionContext] = [:]
    var fillLog: [PaperFill] = []
    var counters = ExecutionMetrics()
    var nextOrderNumber = 1

    /// A simulator trading `markets` (keyed by symbol) from `initialBalances` (keyed by asset).
    /// - Parameter clock: milliseconds since the epoch (UTC); stamps results, fills and ledger records.
    public init(
        markets: [String: MarketMetadata], initialBalances: [String: Double],
        settings: PaperExecutionSettings = PaperExecutionSettings(), ledger storage: LedgerStorage = .memory,
        clock: @escaping @Sendable () -> Int64
    ) {
        self.markets = markets
        self.balanceBook = initialBalances
        self.settings = settings
        self.ledger = ExecutionLedger(storage: storage)
        self.clock = clock
    }

    // MARK: - ExecutionService

    public func execute(_ request: OrderRequest, context: ExecutionContext) async throws -> OrderResult {
        if let clientOrderID = request.clientOrderID, let orderID = orderIDsByClientID[clientOrderID],
            let existing = orders[orderID]
        {
            return existing.result
        }
        let started = clock()
        counters.recordSubmission()
        let orderID = makeOrderID()
        if let clientOrderID = request.clientOrderID { orderIDsByClientID[clientOrderID] = orderID }
        let result: OrderResult
        switch validate(request) {
        case .failure(let rejection):
            result = try reject(orderID: orderID, request, context: context, rejection, at: started)
        case .success(let order):
            result = try place(orderID: orderID, order, request, context: context, at: started)
        }
        counters.recordLatency(milliseconds: max(0, clock() - started))
        return result
    }

    public func cancel(orderID: String, context: ExecutionContext) async throws {
        guard var state = orders[orderID] else { throw ExecutionError.unknownOrder(orderID: orderID) }
        guard let index = restingOrderIDs.firstIndex(of: orderID) else {
            throw ExecutionError.orderNotOpen(orderID: orderID, status: state.result.status.rawValue)
        }
        restingOrderIDs.remove(at: index)
        let now = clock()
        state.result.status = .cancelled
        state.result.timestamp = now
        orders[orderID] = state
        counters.recordCancellation()
        try record(
            orderID: orderID, state.request, context: context, status: .cancelled,
            price: state.request.price ?? 0, at: now)
    }

    public func flush() async throws {
        try ledger.flush()
    }

    // MARK: - Accessors

    /// Free balance per asset (margin locked by shorts excluded).
    public func balances() -> [String: Double] { balanceBook }

    /// Open positions keyed by symbol.
    public func positions() -> [String: PaperPosition] { positionBook }

    /// The latest price fed for `symbol`.
    public func lastPrice(of symbol: String) -> Double? { lastPrices[symbol] }

    /// The current result of order `orderID`.
    public func order(_ orderID: String) -> OrderResult? { orders[orderID]?.result }

    /// The ids of resting limit orders, oldest first.
    public func openOrderIDs() -> [String] { restingOrderIDs }

    /// Every fill so far, oldest first.
    public func fills() -> [PaperFill] { fillLog }

    /// Every ledger record so far, oldest first.
    public func ledgerRecords() -> [LedgerRecord] { ledger.records }

    /// The ledger's files, sorted by name; empty with memory storage.
    public func ledgerFiles() -> [URL] { ledger.files() }

    /// A snapshot of the counters.
    public func metrics() -> ExecutionMetrics { counters }

    // MARK: - Internals

    func makeOrderID() -> String {
        defer { nextOrderNumber += 1 }
        return "paper-\(nextOrderNumber)"
    }

    @discardableResult
    func reject(
        orderID: String, _ request: OrderRequest, context: ExecutionContext, _ rejection: PaperRejection,
        at now: Int64
    ) throws -> OrderResult {
        let result = OrderResult(
            orderID: orderID, status: .rejected, filledQuantity: 0, averagePrice: nil, fee: 0, timestamp: now,
            rejectionReason: rejection.description)
        orders[orderID] = OrderState(request: request, context: context, result: result)
        counters.recordRejection(code: rejection.code)
        try record(
            orderID: orderID, request, context: context, status: .rejected, price: request.price ?? 0,
            reason: rejection.description, at: now)
        return result
    }

    /// Appends a ledger line for an order event that is not a fill.
    func record(
        orderID: String, _ request: OrderRequest, context: ExecutionContext, status: OrderStatus, price: Double,
        reason: String? = nil, at now: Int64
    ) throws {
        let position = positionBook[request.symbol]
        let value = position.map { $0.quantity * (lastPrices[request.symbol] ?? $0.entryPrice) } ?? 0
        try ledger.append(
            LedgerRecord(
                timestamp: now, orderID: orderID, clientOrderID: request.clientOrderID, symbol: request.symbol,
                side: request.side, type: request.type, quantity: request.quantity, price: price.isFinite ? price : 0,
                fee: 0, feeAsset: "", status: status, liquidity: nil, leverage: position?.leverage ?? 1,
                positionValue: value, realizedPnL: 0, reason: reason, portfolioID: context.portfolioID,
                riskProfile: context.riskProfile, environment: context.environment))
    }
}
