/// Where the router records what happened to every alert: delivered, failed, throttled or undelivered.
public protocol AlertAuditLog: Sendable {
    /// Stores `record`; throws when it could not be stored durably.
    func append(_ record: AlertAuditRecord) async throws

    /// Every stored record, oldest first.
    func records() async throws -> [AlertAuditRecord]
}
