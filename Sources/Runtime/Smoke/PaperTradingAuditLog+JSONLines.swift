import BotAlerts
import BotCodecs
import BotData
import Foundation

extension PaperTradingAuditLog {
    /// Appends `entry` as one JSON line to the log at `url` (created with its folders when missing) and
    /// returns the record id `J-<yyyyMMddTHHmmss>-<first 8 hex of the summary SHA-256>`.
    ///
    /// The line is written in one locked append (``JSONLinesWriter``), so concurrent runs never interleave.
    /// `markdownID` is the id of the Markdown row for the same run, or nil when none was written.
    /// - Throws: ``SmokeReportError/cannotWrite(path:reason:)``.
    @discardableResult
    public static func appendRecord(to url: URL, entry: AuditLogEntry, markdownID: String?) throws -> String {
        let id = recordID(for: entry)
        let line = record(for: entry, id: id, markdownID: markdownID).compact
        do {
            let writer = try JSONLinesWriter(url: url)
            try writer.append(json: line)
            try writer.close()
        } catch {
            throw SmokeReportError.cannotWrite(path: url.path, reason: error.description)
        }
        return id
    }

    /// `J-20261121T191326-895836d1`.
    static func recordID(for entry: AuditLogEntry) -> String {
        let stamp = String(SmokeReportWriter.compactTimestamp(entry.timestamp).dropLast())
        return "J-\(stamp)-\(entry.summarySHA256.lowercased().prefix(8))"
    }

    /// The JSON record: the reference's keys plus `status`, `archive_path` and `archive_sha256`.
    static func record(for entry: AuditLogEntry, id: String, markdownID: String?) -> ReportJSON {
        let metadata: ReportJSON =
            entry.precheckRecord.map { record in
                .object([
                    ("report_path", .string(record.path)), ("report_sha256", .string(record.sha256)),
                    ("created_at", .string(record.createdAt)), ("status", .string(record.status)),
                    ("coverage_status", .string(record.coverageStatus)), ("risk_status", .string(record.riskStatus)),
                ])
            } ?? .null
        return .object([
            ("record_id", .string(id)), ("markdown_entry_id", .string(markdownID)),
            ("timestamp", .string(entry.timestampText)), ("operator", .string(entry.operator)),
            ("environment", .string(entry.environment)), ("window_start", .string(entry.window.startText)),
            ("window_end", .string(entry.window.endText)), ("summary_path", .string(entry.summaryPath)),
            ("summary_sha256", .string(entry.summarySHA256)), ("severity", .string(entry.severity.rawValue.uppercased())),
            ("status", .string(entry.status.rawValue)), ("precheck_metadata", metadata),
            ("precheck_payload", entry.precheckPayload ?? .null), ("archive_path", .string(entry.archivePath)),
            ("archive_sha256", .string(entry.archiveSHA256)), ("notes", .array(entry.notes.map { .string($0) })),
        ])
    }
}
