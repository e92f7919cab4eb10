/// An error that knows whether trying the same call again may succeed (a timeout, a 429, a 5xx).
///
/// Live adapters conform their errors so ``ExecutionRetryPolicy`` can tell transient failures from
/// permanent ones without knowing every adapter.
public protocol TransientClassifiable: Error {
    /// Whether the failure is temporary, so the same call may succeed later.
    var isTransient: Bool { get }
}
