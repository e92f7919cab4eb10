/// Where the trading controller records its decisions.
///
/// ``record(_:)`` never throws: a journal failure must not stop trading. Implementations count failures
/// and keep the last one for ``lastError()``; the controller reports them (log, health alert).
public protocol DecisionJournal: Sendable {
    /// Records `event`; may buffer until ``flush()``.
    func record(_ event: DecisionEvent) async
    /// Writes buffered events out (and to the device when the journal syncs).
    func flush() async throws
    /// How many events could not be recorded since the journal was created.
    func failureCount() async -> Int
    /// The most recent failure, or nil.
    func lastError() async -> DecisionJournalError?
}
