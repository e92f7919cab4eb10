import BotAlerts
import BotCodecs
import BotData

/// What the paper-trading audit logs record about one smoke run (a Markdown row and a JSON Lines record).
public struct AuditLogEntry: Sendable, Equatable {
    /// Where the run's paper pre-check report was persisted and what it concluded; every field optional.
    public struct PrecheckRecord: Sendable, Hashable {
        public var path: String?
        public var sha256: String?
        /// When the report was written, as ISO 8601 text.
        public var createdAt: String?
        public var status: String?
        public var coverageStatus: String?
        public var riskStatus: String?

        /// A record with the known fields.
        public init(
            path: String? = nil, sha256: String? = nil, createdAt: String? = nil, status: String? = nil,
            coverageStatus: String? = nil, riskStatus: String? = nil
        ) {
            self.path = path
            self.sha256 = sha256
            self.createdAt = createdAt
            self.status = status
            self.coverageStatus = coverageStatus
            self.riskStatus = riskStatus
        }
    }

    /// When the entry is logged, epoch milliseconds (UTC).
    public var timestamp: Int64
    /// Who ran the smoke test (see ``SmokeOperatorName``).
    public var `operator`: String
    public var environment: String
    public var window: SmokeWindow
    /// The path of the run's `summary.json`.
    public var summaryPath: String
    public var summarySHA256: String
    /// The severity of the run's `paper_smoke` alert.
    public var severity: AlertSeverity
    public var precheckRecord: PrecheckRecord?
    /// The full pre-check payload, copied into the JSON Lines record; nil when none.
    public var precheckPayload: ReportJSON?
    public var archivePath: String?
    public var archiveSHA256: String?
    /// The run's overall status.
    public var status: SmokeStatus

    /// An entry with every field given; the optional parts default to absent.
    public init(
        timestamp: Int64, operator: String, environment: String, window: SmokeWindow, summaryPath: String,
        summarySHA256: String, severity: AlertSeverity, precheckRecord: PrecheckRecord? = nil,
        precheckPayload: ReportJSON? = nil, archivePath: String? = nil, archiveSHA256: String? = nil,
        status: SmokeStatus
    ) {
        self.timestamp = timestamp
        self.operator = `operator`
        self.environment = environment
        self.window = window
        self.summaryPath = summaryPath
        self.summarySHA256 = summarySHA256
        self.severity = severity
        self.precheckRecord = precheckRecord
        self.precheckPayload = precheckPayload
        self.archivePath = archivePath
        self.archiveSHA256 = archiveSHA256
        self.status = status
    }

    /// `2026-11-21T19:13:26.584000+00:00`.
    public var timestampText: String { UTCDateTime(milliseconds: timestamp).pythonISOFormat }

    /// The remarks of the entry, each only when known: the pre-check report's path, hash, creation time and
    /// statuses, then the archive's path and hash.
    public var notes: [String] {
        var notes: [String] = []
        if let record = precheckRecord {
            if let path = record.path { notes.append("paper_precheck_report=`\(path)`") }
            if let sha = record.sha256 { notes.append("paper_precheck_sha256=`\(sha)`") }
            if let created = record.createdAt { notes.append("paper_precheck_created_at=\(created)") }
            if let status = record.status { notes.append("paper_precheck_status=\(status)") }
            if let status = record.coverageStatus { notes.append("paper_precheck_coverage_status=\(status)") }
            if let status = record.riskStatus { notes.append("paper_precheck_risk_status=\(status)") }
        }
        if let archivePath { notes.append("archive=`\(archivePath)`") }
        if let archiveSHA256 { notes.append("archive_sha256=`\(archiveSHA256)`") }
        return notes
    }
}
