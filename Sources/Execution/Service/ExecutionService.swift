import BotExchanges

/// Places and cancels orders on one venue (the paper simulator or a live adapter).
///
/// A rejected order is not an error: it comes back as an ``OrderResult`` with status `rejected` and a
/// reason an operator can act on. Errors are reserved for failures to reach a decision at all (a venue
/// that did not answer, a ledger that could not be written), which ``ExecutionRetrying`` may retry.
public protocol ExecutionService: Sendable {
    /// Submits `request` and reports what became of it: filled, resting (`new`) or rejected.
    func execute(_ request: OrderRequest, context: ExecutionContext) async throws -> OrderResult

    /// Cancels the open order `orderID`; throws when no such order is open.
    func cancel(orderID: String, context: ExecutionContext) async throws

    /// Makes everything recorded so far durable (ledger files, venue acknowledgements).
    func flush() async throws
}
