import Foundation
import TestSupport
import Testing

/// Runs the operator path of `docs/runbooks/paper_trading.md` exactly as the runbook writes it: the commands
/// between its `runbook-test: operator-path` markers, each `swift run <tool>` replaced by the built tool, in a
/// fresh folder holding only the shipped `config/core.yaml` — no network, no keys.
@Suite("paper trading runbook (end to end)")
struct PaperTradingRunbookTests {
    static let runbook = PackageLayout.root.appendingPathComponent("docs/runbooks/paper_trading.md")

    /// The commands of the marked block, split into words (double quotes group words).
    static func operatorPath() throws -> [[String]] {
        let text = try String(contentsOf: runbook, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- runbook-test: operator-path -->"))
        let end = try #require(text.range(of: "<!-- /runbook-test -->", range: start.upperBound..<text.endIndex))
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("swift run ") }
            .map(words)
    }

    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test("the five commands of the operator path exit 0 and leave the report, archive and audit entries")
    func operatorPathRunsAsWritten() throws {
        let commands = try Self.operatorPath()
        #expect(
            commands.map { $0[2] } == [
                "seed-paper-cache", "check-data-coverage", "paper-precheck", "run-daily-trend", "run-daily-trend",
            ])
        try withTemporaryDirectory { folder in
            let config = folder.appendingPathComponent("config", isDirectory: true)
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: PackageLayout.root.appendingPathComponent("config/core.yaml"),
                to: config.appendingPathComponent("core.yaml"))
            let temporary = folder.appendingPathComponent("tmp", isDirectory: true)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            environment["PAPER_SMOKE_OPERATOR"] = "Runbook Test"
            var outputs: [ProcessResult] = []
            for command in commands {
                let tool = PackageLayout.builtExecutable(command[2]).path
                let result = try runProcess(
                    tool, Array(command.dropFirst(3)), environment: environment, workingDirectory: folder)
                #expect(
                    result.status == 0,
                    "\(command.joined(separator: " ")) exited \(result.status):\n\(result.errorText)")
                guard result.status == 0 else { return }
                outputs.append(result)
            }
            // check-data-coverage and paper-precheck report ok.
            let coverage = try JSONSerialization.jsonObject(with: outputs[1].standardOutput) as? [String: Any]
            #expect(coverage?["status"] as? String == "ok")
            let precheck = try JSONSerialization.jsonObject(with: outputs[2].standardOutput) as? [String: Any]
            #expect(precheck?["status"] as? String == "ok")
            #expect(precheck?["risk_status"] as? String == "ok")
            // The pre-check reports are kept, and their recorded hash is sha256sum's.
            let reports = try FileManager.default.contentsOfDirectory(
                at: folder.appendingPathComponent("audit/paper_precheck_reports"), includingPropertiesForKeys: nil)
            #expect(reports.count == 2)
            let record = try #require(precheck?["audit_record"] as? [String: Any])
            let path = try #require(record["path"] as? String)
            let sum = try runProcess("sha256sum", [path]).outputText.split(separator: " ").first.map(String.init)
            #expect(sum == record["sha256"] as? String)
            // The dry run wrote nothing: no risk state, no paper account.
            let cache = folder.appendingPathComponent("var/data/binance_paper")
            #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("risk").path))
            #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("paper").path))
            // The smoke report folder, its ZIP and the audit logs.
            let entries = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
            let reportName = try #require(entries.first { $0.hasPrefix("daily_trend_smoke_") && !$0.hasSuffix(".zip") })
            let report = temporary.appendingPathComponent(reportName)
            #expect(entries.contains(reportName + ".zip"))
            let summary =
                try JSONSerialization.jsonObject(with: Data(contentsOf: report.appendingPathComponent("summary.json")))
                as? [String: Any]
            #expect(summary?["status"] as? String == "ok")
            for file in ["ledger.jsonl", "summary.txt", "README.txt"] {
                #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent(file).path))
            }
            let unzip = try runProcess("unzip", ["-t", temporary.appendingPathComponent(reportName + ".zip").path])
            #expect(unzip.status == 0, "\(unzip.outputText)")
            let markdown = try String(
                contentsOf: folder.appendingPathComponent("docs/audit/paper_trading_log.md"), encoding: .utf8)
            #expect(markdown.contains("| S-0001 |"))
            #expect(markdown.contains("Runbook Test"))
            let journal = try String(
                contentsOf: folder.appendingPathComponent("docs/audit/paper_trading_log.jsonl"), encoding: .utf8)
            #expect(journal.split(separator: "\n").count == 1)
            #expect(outputs[4].outputText.contains("SHA-256"))
        }
    }
}
