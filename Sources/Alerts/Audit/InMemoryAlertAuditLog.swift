/// Keeps audit records in memory, for tests and for runs without an audit directory.
public actor InMemoryAlertAuditLog: AlertAuditLog {
    private let redact: @Sendable (String) -> String
    private var stored: [AlertAuditRecord] = []

    /// An empty log applying `redact` to the free text of every record it stores.
    public init(redact: @escaping @Sendable (String) -> String = { $0 }) {
        self.redact = redact
    }

    public func append(_ record: AlertAuditRecord) {
        stored.append(record.redacted(redact))
    }

    public func records() -> [AlertAuditRecord] {
        stored
    }
}
