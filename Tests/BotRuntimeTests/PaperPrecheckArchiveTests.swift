import BotCodecs
import BotData
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("PrecheckReportArchive")
struct PaperPrecheckArchiveTests {
    typealias Fixture = PrecheckFixture
    /// 2024-01-21T12:34:56.789Z.
    static let createdAt: Int64 = Fixture.windowEnd + 45_296_789

    /// A report without a cache (coverage skipped, manifest_missing): quick to make.
    static func report(in folder: URL) async throws -> PrecheckReport {
        try await Fixture.precheck(in: folder)
    }

    @Test("the file is named by its UTC second and environment; its recorded SHA-256 is sha256sum's")
    func persisted() async throws {
        try await withTemporaryDirectory { folder in
            let report = try await Self.report(in: folder)
            let directory = folder.appendingPathComponent("audit/paper_precheck_reports")
            let record = try PrecheckReportArchive.persist(
                report, environment: "paper_env", directory: directory, createdAt: Self.createdAt)
            #expect(record.path == directory.appendingPathComponent("20240121T123456Z_paper_env.json").path)
            #expect(record.createdAt == "2024-01-21T12:34:56+00:00")
            #expect(record.environment == "paper_env")
            #expect(record.status == "warning")

            let bytes = try Data(contentsOf: URL(fileURLWithPath: record.path))
            #expect(record.sizeBytes == bytes.count)
            #expect(bytes == Data((report.json.rendered() + "\n").utf8))
            let sum = try Oracle.command("sha256sum", [record.path])
            #expect(sum.status == 0, "\(sum.errorText)")
            #expect(sum.outputText.split(separator: " ").first.map(String.init) == record.sha256)

            let python = try Oracle.python("paper_precheck_report.py", [record.path])
            let parsed = try PaperCacheFixture.json(python.outputText)
            #expect(parsed["sha256"] as? String == record.sha256)
            #expect(parsed["size_bytes"] as? Int == record.sizeBytes)
            #expect(parsed["status"] as? String == "warning")
            #expect(parsed["environment"] as? String == "paper_env")
            #expect(parsed["ends_with_newline"] as? Bool == true)
            #expect((parsed["keys"] as? [String])?.first == "status")

            #expect(
                record.json.precheckObjectKeys
                    == ["path", "sha256", "created_at", "environment", "status", "size_bytes"])
            #expect(report.json(auditRecord: record).precheckObjectKeys.last == "audit_record")
            #expect(report.json(auditRecord: record)["audit_record"] == record.json)
            #expect(report.json(auditRecord: nil) == report.json)
            #expect(
                PrecheckReport.skippedJSON().compact
                    == #"{"status": "skipped", "coverage_status": "skipped", "risk_status": "skipped", "#
                    + #""skip_reason": "cli_flag"}"#)
        }
    }

    @Test("reports in the same second get _1, _2 …; odd environment names are made file-safe")
    func collisions() async throws {
        try await withTemporaryDirectory { folder in
            let report = try await Self.report(in: folder)
            let directory = folder.appendingPathComponent("reports")
            let names = try (0..<3).map { offset in
                try PrecheckReportArchive.persist(
                    report, environment: "paper_env", directory: directory, createdAt: Self.createdAt + Int64(offset)
                ).path
            }.map { URL(fileURLWithPath: $0).lastPathComponent }
            #expect(
                names == [
                    "20240121T123456Z_paper_env.json", "20240121T123456Z_paper_env_1.json",
                    "20240121T123456Z_paper_env_2.json",
                ])
            let odd = try PrecheckReportArchive.persist(
                report, environment: " binance paper/ü:x ", directory: directory, createdAt: Self.createdAt)
            #expect(URL(fileURLWithPath: odd.path).lastPathComponent == "20240121T123456Z_binance_paper_x.json")
            #expect(odd.environment == " binance paper/ü:x ")
            let blank = try PrecheckReportArchive.persist(
                report, environment: "  ", directory: directory, createdAt: Self.createdAt)
            #expect(URL(fileURLWithPath: blank.path).lastPathComponent == "20240121T123456Z_unknown_environment.json")
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(files.count == 5, "no placeholder or temporary file is left: \(files)")
        }
    }

    @Test("a folder that cannot be created fails with archiveFailed naming it")
    func unwritable() async throws {
        try await withTemporaryDirectory { folder in
            let report = try await Self.report(in: folder)
            let blocker = folder.appendingPathComponent("file")
            try Data().write(to: blocker)
            #expect(throws: PrecheckError.self) {
                try PrecheckReportArchive.persist(
                    report, environment: "paper_env", directory: blocker.appendingPathComponent("reports"),
                    createdAt: Self.createdAt)
            }
        }
    }

    @Test("the command keeps the report under --audit-dir and prints its path and digest; --json adds audit_record")
    func command() async throws {
        try await Fixture.seeded { folder in
            let text = await Fixture.command(["--as-of", "2024-01-21"], in: folder)
            #expect(text.status == 0, "\(text.error)")
            let reports = folder.appendingPathComponent("audit/paper_precheck_reports")
            let files = try FileManager.default.contentsOfDirectory(atPath: reports.path)
            // The clock is at 2024-06-01T00:00:00Z.
            #expect(files == ["20240601T000000Z_paper_env.json"])
            let path = reports.appendingPathComponent(files[0]).path
            let sum = try Oracle.command("sha256sum", [path])
            let digest = try #require(sum.outputText.split(separator: " ").first.map(String.init))
            #expect(text.output.hasSuffix("Status: OK\nReport: \(path)\nSHA-256: \(digest)\n"))

            let json = await Fixture.command(
                ["--as-of", "2024-01-21", "--json", "--audit-dir", "out/reports", "--output", "out/precheck.json"],
                in: folder)
            #expect(json.status == 0, "\(json.error)")
            let payload = try PaperCacheFixture.json(json.output)
            let record = try #require(payload["audit_record"] as? [String: Any])
            let kept = try #require(record["path"] as? String)
            #expect(kept.hasSuffix("out/reports/20240601T000000Z_paper_env.json"))
            #expect(
                try Oracle.command("sha256sum", [kept]).outputText.hasPrefix(try #require(record["sha256"] as? String)))
            #expect(record["status"] as? String == "ok")
            // --output holds what was printed; the kept file is the report without its own record.
            let output = try String(contentsOf: folder.appendingPathComponent("out/precheck.json"), encoding: .utf8)
            #expect(output == json.output)
            let keptPayload = try PaperCacheFixture.json(try String(contentsOfFile: kept, encoding: .utf8))
            #expect(keptPayload["audit_record"] == nil)

            try Data().write(to: folder.appendingPathComponent("blocked"))
            let failed = await Fixture.command(["--as-of", "2024-01-21", "--audit-dir", "blocked/reports"], in: folder)
            #expect(failed.status == 1)
            #expect(failed.output.contains("Status: OK"))
            #expect(failed.error.contains("cannot write the pre-check report"))
        }
    }
}
