import BotAlerts

/// The outcome of checking one series: the audit record written and the alert raised, if any.
public struct GapEvaluation: Sendable, Hashable {
    public let record: GapAuditRecord
    public let alert: AlertMessage?
}
