import BotAlerts
import BotData
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("SmokeRunSummary")
struct SmokeRunSummaryTests {
    typealias Fixture = SmokeReportFixture

    @Test("the structured summary has a top-level status, lower-case severity and the publish seam")
    func write() throws {
        try withTemporaryDirectory { folder in
            let reportFolder = folder.appendingPathComponent("daily_trend_smoke_x")
            try FileManager.default.createDirectory(at: reportFolder, withIntermediateDirectories: true)
            let report = SmokeReport(
                environment: "binance_paper", window: Fixture.window, orders: [], ledger: Fixture.ledger,
                storage: Fixture.storage)
            let files = try SmokeReportWriter.write(report, to: reportFolder)
            let archive = try SmokeArchive.create(from: reportFolder)
            let summary = SmokeRunSummary(
                status: .warning, environment: "binance_paper", timestamp: Fixture.millis("2026-11-21T19:13:26Z"),
                operator: "Tester", severity: .warning, window: Fixture.window, report: files,
                storage: Fixture.storage, precheck: .init(status: "ok", coverageStatus: "ok", riskStatus: "warning"),
                jsonLog: (path: "docs/audit/paper_trading_log.jsonl", recordID: "J-20261121T191326-895836d1"),
                markdownLog: (path: "docs/audit/paper_trading_log.md", entryID: "S-0003"), archive: archive)
            let url = folder.appendingPathComponent("out/nested/smoke_summary.json")
            try SmokeRunSummary.write(summary, to: url)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text == summary.json.rendered(indent: 2) + "\n")
            #expect(
                Fixture.members(summary.json) == [
                    "status", "environment", "timestamp", "operator", "severity", "window", "report", "storage",
                    "precheck", "json_log", "markdown_log", "archive", "publish",
                ])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(json["status"] as? String == "warning")
            #expect(json["severity"] as? String == "warning")
            #expect(json["timestamp"] as? String == "2026-11-21T19:13:26+00:00")
            let reportJSON = try #require(json["report"] as? [String: String])
            #expect(reportJSON["summary_sha256"] == files.summarySHA256)
            #expect(reportJSON["summary_path"] == files.summaryURL.path)
            #expect((json["json_log"] as? [String: String])?["record_id"] == "J-20261121T191326-895836d1")
            #expect((json["markdown_log"] as? [String: String])?["entry_id"] == "S-0003")
            #expect((json["archive"] as? [String: Any])?["sha256"] as? String == archive.sha256)
            #expect((json["precheck"] as? [String: String])?["risk_status"] == "warning")
            let publish = try #require(json["publish"] as? [String: Any])
            #expect(publish["status"] as? String == "skipped")
            #expect(publish["reason"] as? String == "not_configured")
        }
    }

    @Test("optional parts are left out; publish is always there")
    func minimal() throws {
        let files = SmokeReportFiles(
            directory: URL(fileURLWithPath: "/r"), summaryURL: URL(fileURLWithPath: "/r/summary.json"),
            summarySHA256: "00", summaryTextURL: URL(fileURLWithPath: "/r/summary.txt"),
            readmeURL: URL(fileURLWithPath: "/r/README.txt"), ledgerURL: URL(fileURLWithPath: "/r/ledger.jsonl"))
        let summary = SmokeRunSummary(
            status: .ok, environment: "e", timestamp: 0, operator: "CI Agent", severity: .info, window: Fixture.window,
            report: files)
        #expect(
            Fixture.members(summary.json)
                == ["status", "environment", "timestamp", "operator", "severity", "window", "report", "publish"])
        #expect(summary.json["severity"] == .string("info"))
    }
}
