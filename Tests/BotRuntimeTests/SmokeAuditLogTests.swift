import BotAlerts
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("PaperTradingAuditLog")
struct SmokeAuditLogTests {
    typealias Fixture = SmokeReportFixture

    static let sha = "895836d1" + String(repeating: "ab", count: 28)

    static func entry(severity: AlertSeverity = .info) -> AuditLogEntry {
        AuditLogEntry(
            timestamp: Fixture.millis("2026-11-21T19:13:26.584Z"), operator: "Tester", environment: "binance_paper",
            window: Fixture.window, summaryPath: "/tmp/daily_trend_smoke_x/summary.json", summarySHA256: sha,
            severity: severity,
            precheckRecord: .init(
                path: "audit/paper_precheck_reports/p.json", sha256: "cafe", createdAt: "2026-11-21T19:13:20+00:00",
                status: "ok", coverageStatus: "ok", riskStatus: "ok"),
            archivePath: "/tmp/daily_trend_smoke_x.zip", archiveSHA256: "beef", status: .ok)
    }

    static let expectedRow =
        "| S-0003 | 2026-11-21T19:13:26.584000+00:00 | Tester | binance_paper | "
        + "2026-10-12T00:00:00+00:00 → 2026-11-20T23:59:59.999000+00:00 | `/tmp/daily_trend_smoke_x/summary.json` | "
        + "`\(sha)` | INFO | paper_precheck_report=`audit/paper_precheck_reports/p.json`; "
        + "paper_precheck_sha256=`cafe`; paper_precheck_created_at=2026-11-21T19:13:20+00:00; "
        + "paper_precheck_status=ok; paper_precheck_coverage_status=ok; paper_precheck_risk_status=ok; "
        + "archive=`/tmp/daily_trend_smoke_x.zip`; archive_sha256=`beef` |"

    static func existingLog(heading: String) -> String {
        """
        # Paper trading log

        ## A – Other section

        | ID | Note |
        |----|------|
        | S-0009 | not a smoke row: another table |

        \(heading)

        | ID | Timestamp | Operator | Environment | Window | Summary | SHA | Severity | Notes |
        |----|-----------|----------|-------------|--------|---------|-----|----------|-------|
        | S-0001 | t | a | e | w | s | h | INFO | - |
         | S-0002 | t | b | e | w | s | h | INFO | - |

        ## C – Later section
        text

        """
    }

    @Test(
        "an existing table gets S-0003 at its end, counting the indented row, under either heading",
        arguments: ["## B1 – Paper trading smoke tests", "## Sekcja B1 – Smoke testy paper tradingu"])
    func appendToExisting(heading: String) throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("paper_trading_log.md")
            try Self.existingLog(heading: heading).write(to: url, atomically: true, encoding: .utf8)
            let id = try PaperTradingAuditLog.appendRow(to: url, entry: Self.entry())
            #expect(id == "S-0003")
            let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            let indented = try #require(lines.firstIndex(of: " | S-0002 | t | b | e | w | s | h | INFO | - |"))
            #expect(lines[indented + 1] == Self.expectedRow)
            #expect(lines[indented + 2] == "")
            #expect(lines[indented + 3] == "## C – Later section")
            #expect(lines.count == Self.existingLog(heading: heading).components(separatedBy: "\n").count + 1)
        }
    }

    @Test("a missing log is created with a header, the section and the table; rows then accumulate")
    func createNew() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("docs/audit/paper_trading_log.md")
            #expect(try PaperTradingAuditLog.appendRow(to: url, entry: Self.entry()) == "S-0001")
            #expect(try PaperTradingAuditLog.appendRow(to: url, entry: Self.entry(severity: .warning)) == "S-0002")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.hasPrefix("# Paper trading audit log\n"))
            #expect(text.hasSuffix(" |\n"))
            let lines = text.components(separatedBy: "\n")
            let heading = try #require(lines.firstIndex(of: PaperTradingAuditLog.sectionHeading))
            #expect(Array(lines[(heading + 2)...(heading + 3)]) == PaperTradingAuditLog.tableHeader)
            #expect(lines[heading + 4].hasPrefix("| S-0001 | "))
            #expect(lines[heading + 5].hasPrefix("| S-0002 | "))
            #expect(lines[heading + 5].contains("| WARNING |"))
            for column in ["ID", "Timestamp", "Operator", "Environment", "Window", "Summary", "Summary SHA-256", "Severity", "Notes"] {
                #expect(lines[heading + 2].contains("| \(column) "))
            }
        }
    }

    @Test("a log without the section gets the section appended at its end")
    func appendSection() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("log.md")
            try "# Notes\n\nkeep me\n".write(to: url, atomically: true, encoding: .utf8)
            #expect(try PaperTradingAuditLog.appendRow(to: url, entry: Self.entry()) == "S-0001")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.hasPrefix("# Notes\n\nkeep me\n\n\(PaperTradingAuditLog.sectionHeading)\n\n"))
        }
    }

    @Test("the JSON Lines record: id format, one line per append that Python's json reads, parents created")
    func jsonRecord() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("docs/audit/paper_trading_log.jsonl")
            let first = try PaperTradingAuditLog.appendRecord(to: url, entry: Self.entry(), markdownID: "S-0003")
            let second = try PaperTradingAuditLog.appendRecord(to: url, entry: Self.entry(), markdownID: nil)
            #expect(first == "J-20261121T191326-895836d1")
            #expect(first.wholeMatch(of: try Regex("J-[0-9]{8}T[0-9]{6}-[0-9a-f]{8}")) != nil)
            #expect(second == first)
            let output = try Oracle.python("smoke_jsonl.py", [url.path]).standardOutput
            let parsed = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
            let records = try #require(parsed["records"] as? [[String: Any]])
            #expect(records.count == 2)
            let keys = try #require(parsed["keys"] as? [[String]])
            #expect(
                keys.first == [
                    "record_id", "markdown_entry_id", "timestamp", "operator", "environment", "window_start",
                    "window_end", "summary_path", "summary_sha256", "severity", "status", "precheck_metadata",
                    "precheck_payload", "archive_path", "archive_sha256", "notes",
                ])
            #expect(records[0]["markdown_entry_id"] as? String == "S-0003")
            #expect(records[1]["markdown_entry_id"] is NSNull)
            #expect(records[0]["severity"] as? String == "INFO")
            #expect(records[0]["timestamp"] as? String == "2026-11-21T19:13:26.584000+00:00")
            let metadata = try #require(records[0]["precheck_metadata"] as? [String: String])
            #expect(metadata["report_path"] == "audit/paper_precheck_reports/p.json")
            #expect(metadata["risk_status"] == "ok")
            #expect((records[0]["notes"] as? [String])?.first == "paper_precheck_report=`audit/paper_precheck_reports/p.json`")
        }
    }

    @Test(
        "operator name: the option, else PAPER_SMOKE_OPERATOR, else CI Agent; blank values skipped",
        arguments: [
            (String?("Ana"), ["PAPER_SMOKE_OPERATOR": "Env"], "Ana"),
            (nil, ["PAPER_SMOKE_OPERATOR": "  Env Person "], "Env Person"),
            ("   ", ["PAPER_SMOKE_OPERATOR": "Env"], "Env"),
            ("", ["PAPER_SMOKE_OPERATOR": " \t"], "CI Agent"),
            (nil, [:], "CI Agent"),
        ] as [(String?, [String: String], String)])
    func operatorName(option: String?, environment: [String: String], expected: String) {
        #expect(SmokeOperatorName.resolve(option: option, environment: environment) == expected)
    }
}
