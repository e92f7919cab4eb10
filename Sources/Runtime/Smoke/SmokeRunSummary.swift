import BotAlerts
import BotCodecs
import BotData
import Foundation

/// The structured summary of a whole smoke run (`--paper-smoke-summary-json`): where the report, logs and
/// archive went, for CI steps that validate, render or publish the run.
///
/// Unlike the reference it has a top-level `status` and writes `severity` in lower case (reference §13.6).
public struct SmokeRunSummary: Sendable, Equatable {
    /// The pre-check's three statuses.
    public struct Precheck: Sendable, Equatable {
        public var status: String
        public var coverageStatus: String?
        public var riskStatus: String?

        public init(status: String, coverageStatus: String? = nil, riskStatus: String? = nil) {
            self.status = status
            self.coverageStatus = coverageStatus
            self.riskStatus = riskStatus
        }
    }

    /// What became of publishing the artefacts. Publishing is not implemented yet, so the run reports
    /// ``notConfigured``; the publishing step fills this in when it arrives.
    public struct Publish: Sendable, Equatable {
        public var status: String
        public var reason: String?
        public var exitCode: Int?
        public var required: Bool

        public init(status: String, reason: String? = nil, exitCode: Int? = nil, required: Bool = false) {
            self.status = status
            self.reason = reason
            self.exitCode = exitCode
            self.required = required
        }

        /// `{"status": "skipped", "reason": "not_configured"}`.
        public static let notConfigured = Publish(status: "skipped", reason: "not_configured")
    }

    /// The run's overall outcome.
    public var status: SmokeStatus
    public var environment: String
    /// When the run logged its audit entries, epoch milliseconds (UTC).
    public var timestamp: Int64
    public var `operator`: String
    /// The severity of the run's `paper_smoke` alert.
    public var severity: AlertSeverity
    public var window: SmokeWindow
    /// The report folder and its `summary.json`.
    public var report: SmokeReportFiles
    public var storage: StorageStatus?
    public var precheck: Precheck?
    /// The JSON Lines audit log and the id of the record written there.
    public var jsonLog: (path: String, recordID: String?)?
    /// The Markdown audit log and the id of the row written there.
    public var markdownLog: (path: String, entryID: String?)?
    public var archive: SmokeArchiveResult?
    public var publish: Publish

    /// A summary with every field given; the optional parts default to absent.
    public init(
        status: SmokeStatus, environment: String, timestamp: Int64, operator: String, severity: AlertSeverity,
        window: SmokeWindow, report: SmokeReportFiles, storage: StorageStatus? = nil, precheck: Precheck? = nil,
        jsonLog: (path: String, recordID: String?)? = nil, markdownLog: (path: String, entryID: String?)? = nil,
        archive: SmokeArchiveResult? = nil, publish: Publish = .notConfigured
    ) {
        self.status = status
        self.environment = environment
        self.timestamp = timestamp
        self.operator = `operator`
        self.severity = severity
        self.window = window
        self.report = report
        self.storage = storage
        self.precheck = precheck
        self.jsonLog = jsonLog
        self.markdownLog = markdownLog
        self.archive = archive
        self.publish = publish
    }

    public static func == (left: SmokeRunSummary, right: SmokeRunSummary) -> Bool {
        left.json == right.json
    }

    /// Writes `summary` to `url` as JSON (indent 2, trailing newline), atomically, creating parent folders.
    /// - Throws: ``SmokeReportError/cannotWrite(path:reason:)``.
    public static func write(_ summary: SmokeRunSummary, to url: URL) throws {
        let text = summary.json.rendered(indent: 2) + "\n"
        do {
            try AtomicFile.write(Array(text.utf8), to: url, createFolders: true)
        } catch {
            throw SmokeReportError.cannotWrite(path: url.path, reason: error.description)
        }
    }

    /// The JSON document: `status`, `environment`, `timestamp`, `operator`, `severity`, `window`, `report`,
    /// then `storage`, `precheck`, `json_log`, `markdown_log`, `archive` when known, and `publish` always.
    public var json: ReportJSON {
        var members: [(String, ReportJSON)] = [
            ("status", .string(status.rawValue)), ("environment", .string(environment)),
            ("timestamp", .string(UTCDateTime(milliseconds: timestamp).pythonISOFormat)),
            ("operator", .string(`operator`)), ("severity", .string(severity.rawValue)),
            ("window", .object([("start", .string(window.startText)), ("end", .string(window.endText))])),
            (
                "report",
                .object([
                    ("directory", .string(report.directory.path)), ("summary_path", .string(report.summaryURL.path)),
                    ("summary_sha256", .string(report.summarySHA256)),
                ])
            ),
        ]
        if let storage { members.append(("storage", storage.json)) }
        if let precheck {
            members.append(
                (
                    "precheck",
                    .object([
                        ("status", .string(precheck.status)), ("coverage_status", .string(precheck.coverageStatus)),
                        ("risk_status", .string(precheck.riskStatus)),
                    ])
                ))
        }
        if let jsonLog {
            members.append(("json_log", .object([("path", .string(jsonLog.path)), ("record_id", .string(jsonLog.recordID))])))
        }
        if let markdownLog {
            members.append(
                ("markdown_log", .object([("path", .string(markdownLog.path)), ("entry_id", .string(markdownLog.entryID))])))
        }
        if let archive {
            members.append(
                (
                    "archive",
                    .object([
                        ("path", .string(archive.url.path)), ("sha256", .string(archive.sha256)),
                        ("size_bytes", .integer(archive.sizeBytes)),
                    ])
                ))
        }
        var publishMembers: [(String, ReportJSON)] = [("status", .string(publish.status))]
        if let reason = publish.reason { publishMembers.append(("reason", .string(reason))) }
        if let exitCode = publish.exitCode { publishMembers.append(("exit_code", .integer(Int64(exitCode)))) }
        publishMembers.append(("required", .bool(publish.required)))
        members.append(("publish", .object(publishMembers)))
        return .object(members)
    }
}
