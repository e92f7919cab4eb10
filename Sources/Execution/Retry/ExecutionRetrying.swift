import BotExchanges

/// An execution service that retries another one's transient failures with ``ExecutionRetryPolicy``.
///
/// Rejections are results, never retried. When the attempts are used up, or the error is not transient,
/// the last error is thrown unchanged.
public struct ExecutionRetrying: ExecutionService {
    public let base: any ExecutionService
    public let policy: ExecutionRetryPolicy
    let timing: ExecutionRetryTiming

    public init(_ base: any ExecutionService, policy: ExecutionRetryPolicy, timing: ExecutionRetryTiming = .live) {
        self.base = base
        self.policy = policy
        self.timing = timing
    }

    /// Submits `request`, retrying transient failures only when it carries a client order id.
    ///
    /// Placing an order is not idempotent: a timeout can mean the venue never saw the order, or that it
    /// placed it and the answer was lost. Only a client order id lets the venue recognise the second
    /// submission as the first one (venues refuse a duplicate id; the paper simulator returns the first
    /// result), so without one a retry could open the position twice, and the first failure is thrown
    /// for the caller to reconcile against the venue's open orders.
    public func execute(_ request: OrderRequest, context: ExecutionContext) async throws -> OrderResult {
        guard request.clientOrderID != nil else { return try await base.execute(request, context: context) }
        return try await retrying { try await base.execute(request, context: context) }
    }

    /// Cancels `orderID`, retrying transient failures: cancelling twice cannot do harm.
    public func cancel(orderID: String, context: ExecutionContext) async throws {
        try await retrying { try await base.cancel(orderID: orderID, context: context) }
    }

    public func flush() async throws {
        try await retrying { try await base.flush() }
    }

    private func retrying<Value: Sendable>(_ operation: () async throws -> Value) async throws -> Value {
        var attempt = 1
        while true {
            do {
                return try await operation()
            } catch {
                guard attempt < policy.maxAttempts, policy.isTransient(error) else { throw error }
                try await timing.sleep(policy.delay(beforeRetry: attempt, random: timing.random()))
                attempt += 1
            }
        }
    }
}
