/// A decision journal that records nothing (`decision_journal.backend: disabled`, or none configured).
public struct DisabledDecisionJournal: DecisionJournal {
    public init() {}

    public func record(_ event: DecisionEvent) async {}

    public func flush() async {}

    public func failureCount() async -> Int { 0 }

    public func lastError() async -> DecisionJournalError? { nil }
}
