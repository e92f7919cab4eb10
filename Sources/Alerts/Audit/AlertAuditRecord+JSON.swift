/// The JSON line of an audit record, keys in the reference order.
///
/// `{"channel":…,"category":…,"title":…,"severity":…,"timestamp":ISO,"created_at":ISO,"status":…,
/// "error":…,"ctx_<key>":…,"body":…}`: every value is a string, `error` appears only for failures, the
/// `ctx_` keys are sorted. Keys the reference does not know (`status`, `error`) sit before the context so
/// a reader of reference records still finds `body` last.
extension AlertAuditRecord {
    /// Field names of the audit line.
    enum Field {
        static let channel = "channel"
        static let category = "category"
        static let title = "title"
        static let severity = "severity"
        static let timestamp = "timestamp"
        static let createdAt = "created_at"
        static let status = "status"
        static let error = "error"
        static let body = "body"
        static let contextPrefix = "ctx_"
    }

    /// The record as one line of compact JSON (no trailing newline).
    var jsonLine: String {
        var pairs: [(String, String)] = [
            (Field.channel, channel), (Field.category, category), (Field.title, title),
            (Field.severity, severity.rawValue),
            (Field.timestamp, AlertTimestamp.isoString(fromMilliseconds: timestamp)),
            (Field.createdAt, AlertTimestamp.isoString(fromMilliseconds: createdAt)),
            (Field.status, status.rawValue),
        ]
        if let error { pairs.append((Field.error, error)) }
        for (key, value) in context.sorted(by: { $0.key < $1.key }) {
            pairs.append((Field.contextPrefix + key, value))
        }
        pairs.append((Field.body, body))
        var line = "{"
        for (index, (key, value)) in pairs.enumerated() {
            if index > 0 { line += "," }
            JSONString.append(key, to: &line)
            line += ":"
            JSONString.append(value, to: &line)
        }
        return line + "}"
    }

    /// Reads a record from the string fields of one audit line, as written by ``jsonLine`` or by the
    /// reference (no `status`: a `__suppressed__` channel means throttled, anything else delivered).
    init(fields: [String: String]) throws(AlertAuditRecordError) {
        func required(_ key: String) throws(AlertAuditRecordError) -> String {
            guard let value = fields[key] else { throw .missingField(key) }
            return value
        }
        func time(_ key: String) throws(AlertAuditRecordError) -> Int64 {
            let text = try required(key)
            guard let value = AlertTimestamp.milliseconds(parsingISO: text) else {
                throw .invalidField(key, value: text)
            }
            return value
        }
        let channel = try required(Field.channel)
        let severityText = try required(Field.severity)
        guard let severity = AlertSeverity(parsing: severityText) else {
            throw .invalidField(Field.severity, value: severityText)
        }
        let timestamp = try time(Field.timestamp)
        let status: AlertAuditStatus
        if let text = fields[Field.status] {
            guard let parsed = AlertAuditStatus(rawValue: text) else { throw .invalidField(Field.status, value: text) }
            status = parsed
        } else {
            status = channel == Self.suppressedChannel ? .throttled : .delivered
        }
        var context: [String: String] = [:]
        for (key, value) in fields where key.hasPrefix(Field.contextPrefix) {
            context[String(key.dropFirst(Field.contextPrefix.count))] = value
        }
        self.init(
            channel: channel, category: try required(Field.category), title: try required(Field.title),
            severity: severity, timestamp: timestamp,
            createdAt: fields[Field.createdAt] == nil ? timestamp : try time(Field.createdAt), status: status,
            error: fields[Field.error], context: context, body: fields[Field.body] ?? "")
    }
}

/// Why an audit line could not be read back as an ``AlertAuditRecord``.
enum AlertAuditRecordError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingField(String)
    case invalidField(String, value: String)

    var description: String {
        switch self {
        case .missingField(let key): "missing key '\(key)'"
        case .invalidField(let key, let value): "key '\(key)' has an invalid value '\(value)'"
        }
    }
}
