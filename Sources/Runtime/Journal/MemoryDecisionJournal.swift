/// A decision journal kept in memory: for tests, dry runs and `backend: memory`.
public actor MemoryDecisionJournal: DecisionJournal {
    private var recorded: [DecisionEvent] = []

    public init() {}

    public func record(_ event: DecisionEvent) { recorded.append(event) }

    public func flush() {}

    /// Always 0: keeping an event in memory cannot fail.
    public func failureCount() -> Int { 0 }

    public func lastError() -> DecisionJournalError? { nil }

    /// The events in the order recorded.
    public func events() -> [DecisionEvent] { recorded }

    /// The events as journal lines (``DecisionEvent/jsonLine``), in order.
    public func export() -> [String] { recorded.map(\.jsonLine) }
}
