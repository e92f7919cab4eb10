import BotAlerts
import BotCodecs
import BotData
import BotExecution
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("SmokeReportWriter")
struct SmokeReportWriterTests {
    typealias Fixture = SmokeReportFixture

    @Test("summary.json: keys in order, status, metrics, pre-check nested in data_checks; sha256sum matches")
    func summaryJSON() async throws {
        let report = try await Fixture.fullReport()
        try withTemporaryDirectory { folder in
            let files = try SmokeReportWriter.write(report, to: folder)
            let bytes = try Data(contentsOf: files.summaryURL)
            #expect(String(decoding: bytes, as: UTF8.self) == report.summaryJSON.rendered(indent: 2) + "\n")
            #expect(try Fixture.sha256sum(files.summaryURL) == files.summarySHA256)
            #expect(
                Fixture.members(report.summaryJSON) == [
                    "status", "environment", "window", "orders", "ledger_entries", "journal_events", "metrics",
                    "alert_snapshot", "risk_state", "data_checks", "storage", "notes",
                ])
            let json = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
            #expect(json["status"] as? String == "warning")  // the pre-check warned
            #expect(json["ledger_entries"] as? Int == 3)
            #expect(json["journal_events"] as? Int == 7)
            let window = try #require(json["window"] as? [String: String])
            #expect(window == ["start": "2026-10-12T00:00:00+00:00", "end": "2026-11-20T23:59:59.999000+00:00"])
            let metrics = try #require(json["metrics"] as? [String: Any])
            #expect(metrics["side_counts"] as? [String: Int] == ["buy": 2, "sell": 1])
            #expect(metrics["notional"] as? [String: Double] == ["buy": 24_000, "sell": 8_400, "total": 32_400])
            #expect(metrics["realized_pnl_total"] as? Double == 400)
            #expect(metrics["last_position_value"] as? Double == 4_000)
            let perSymbol = try #require(metrics["per_symbol"] as? [String: [String: Any]])
            #expect(perSymbol.keys.sorted() == ["BTCUSDT", "ETHUSDT"])
            #expect(perSymbol["BTCUSDT"]?["realized_pnl"] as? Double == 400)
            let checks = try #require(json["data_checks"] as? [String: Any])
            #expect((checks["paper_precheck"] as? [String: Any])?["status"] as? String == "warning")
            #expect(checks["required_bars"] as? Int == 41)
            let storage = try #require(json["storage"] as? [String: Any])
            #expect(storage["free_mb"] as? Double == 79_538.05)
            #expect(storage["threshold_mb"] as? Double == 10)
            let risk = try #require(json["risk_state"] as? [String: Any])
            #expect((risk["limits"] as? [String: Any])?["name"] as? String == "balanced")
            let orders = try #require(json["orders"] as? [[String: Any]])
            #expect(orders.count == 4)
            #expect(orders[3]["rejection_reason"] as? String == "max positions")
            #expect(orders[3]["avg_price"] is NSNull)
        }
    }

    @Test("summary.json leaves out risk_state, data_checks, storage, per_symbol and last_position_value when empty")
    func presenceRules() throws {
        let report = SmokeReport(environment: "e", window: Fixture.window, orders: [], ledger: [])
        #expect(
            Fixture.members(report.summaryJSON) == [
                "status", "environment", "window", "orders", "ledger_entries", "journal_events", "metrics",
                "alert_snapshot", "notes",
            ])
        #expect(
            Fixture.members(report.summaryJSON["metrics"])
                == ["side_counts", "notional", "total_fees", "realized_pnl_total"])
        #expect(Fixture.members(report.summaryJSON["metrics"]?["notional"]) == ["buy", "sell", "total"])
        #expect(report.status == .ok)
        let unmeasured = StorageStatus(
            directory: "/x", status: .ok, freeBytes: 1, totalBytes: 2, thresholdBytes: nil)
        let withStorage = SmokeReport(
            environment: "e", window: Fixture.window, orders: [], ledger: [], storage: unmeasured)
        #expect(
            Fixture.members(withStorage.summaryJSON["storage"])
                == ["directory", "status", "free_bytes", "total_bytes", "free_mb", "total_mb"])
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        var name: String
        var precheck: String?
        var storage: StorageStatus.Status?
        var failures: [String]
        var expected: SmokeStatus
        var testDescription: String { name }
    }

    @Test(
        "status: error on failures or an error pre-check; warning on low or unknown storage or a warning pre-check",
        arguments: [
            StatusCase(name: "clean", precheck: "ok", storage: .ok, failures: [], expected: .ok),
            StatusCase(name: "skipped pre-check", precheck: "skipped", storage: nil, failures: [], expected: .ok),
            StatusCase(name: "low storage", precheck: "ok", storage: .low, failures: [], expected: .warning),
            StatusCase(name: "unknown storage", precheck: nil, storage: .unknown, failures: [], expected: .warning),
            StatusCase(name: "pre-check warning", precheck: "warning", storage: .ok, failures: [], expected: .warning),
            StatusCase(name: "pre-check error", precheck: "error", storage: .low, failures: [], expected: .error),
            StatusCase(name: "failed step", precheck: "ok", storage: .ok, failures: ["risk snapshot"], expected: .error),
        ])
    func status(_ scenario: StatusCase) {
        let storage = scenario.storage.map {
            StorageStatus(directory: "/x", status: $0, freeBytes: nil, totalBytes: nil, thresholdBytes: nil)
        }
        let report = SmokeReport(
            environment: "e", window: Fixture.window, orders: [], ledger: [],
            precheck: scenario.precheck.map { Fixture.precheck(status: $0) }, storage: storage,
            failures: scenario.failures)
        #expect(report.status == scenario.expected)
        #expect(report.summaryJSON["status"] == .string(scenario.expected.rawValue))
        #expect(report.status.alertSeverity.rawValue == ["ok": "info", "warning": "warning", "error": "error"][scenario.expected.rawValue])
    }

    @Test("summary.txt: the English lines in the reference's order, ending with the summary.json hash")
    func summaryText() async throws {
        let report = try await Fixture.fullReport()
        try withTemporaryDirectory { folder in
            let files = try SmokeReportWriter.write(report, to: folder)
            let text = try String(contentsOf: files.summaryTextURL, encoding: .utf8)
            let expected = [
                "Environment: binance_paper",
                "Date range: 2026-10-12T00:00:00+00:00 → 2026-11-20T23:59:59.999000+00:00",
                "Orders: 4",
                "Ledger entries: 3",
                "BUY/SELL orders: 2/1",
                "Volume BUY: 24 000.00 | SELL: 8 400.00 | Total: 32 400.00",
                "Total fees: 16.2000",
                "Realised PnL (gross): 400.00",
                "Last position value: 4 000.00",
                "Instruments: BTCUSDT: orders 2, volume 28 400.00, fees 14.2000, net +0.3000, value 12 600.00, "
                    + "PnL 400.00; ETHUSDT: orders 1, volume 4 000.00, fees 2.0000, net +2.0000, value 4 000.00",
                "Risk profile: balanced",
                "Active positions: 0 | Gross exposure: 0.00",
                "Daily loss: 0.00% | Drawdown: 0.00%",
                "Force liquidation: NO",
                "Limits: max positions 5, max exposure 5.00%, max leverage 3.00x, daily loss 1.50%, drawdown 10.00%, "
                    + "target vol 11.00%, stop loss ATR× 1.50",
                "OHLCV manifest: OK (1 entries, issues: 0)",
                "Offline cache: BTCUSDT [1d (coverage 60/41, rows 60)]",
                "Paper pre-check: WARNING (coverage=ok, risk=warning) (coverage_warn=0, config_warn=0, risk_warn=1)",
                "Report storage: status=OK, free 79 538.05 MB, total 258 019.61 MB, threshold 10.00 MB",
                "Alerts: no alert channel data",
                "SHA-256 summary.json: \(files.summarySHA256)",
            ]
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) == expected + [""])
            let readme = try String(contentsOf: files.readmeURL, encoding: .utf8)
            let readmeLines = readme.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(readmeLines[1] == String(repeating: "=", count: readmeLines[0].count))
            for phrase in ["sha256sum summary.json", "docs/audit/paper_trading_log.md", "ledger.jsonl", "24 months"] {
                #expect(readme.contains(phrase), "README.txt lacks \(phrase)")
            }
        }
    }

    @Test("ledger.jsonl: one object per record that Python's json reads, keys in LedgerRecord's order")
    func ledgerLines() async throws {
        let report = try await Fixture.fullReport()
        try withTemporaryDirectory { folder in
            let files = try SmokeReportWriter.write(report, to: folder)
            let output = try Oracle.python("smoke_jsonl.py", [files.ledgerURL.path]).standardOutput
            let parsed = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
            let keys = try #require(parsed["keys"] as? [[String]])
            let records = try #require(parsed["records"] as? [[String: Any]])
            let expectedKeys = [
                "timestamp", "order_id", "client_order_id", "symbol", "side", "type", "quantity", "price", "fee",
                "fee_asset", "status", "liquidity", "leverage", "position_value", "realized_pnl", "reason",
                "portfolio_id", "risk_profile", "environment",
            ]
            #expect(keys == Array(repeating: expectedKeys, count: 3))
            // The same key set as LedgerRecord's own Codable encoding.
            let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Fixture.ledger[0])) as? [String: Any]
            #expect(Set(encoded?.keys ?? [:].keys) == Set(expectedKeys))
            #expect(records.map { $0["order_id"] as? String } == ["paper-1", "paper-2", "paper-3"])
            #expect(records[1]["price"] as? Double == 42_000)
            #expect(records[0]["client_order_id"] is NSNull)
            // Python's default separators, as the reference writes them.
            let firstLine = try String(contentsOf: files.ledgerURL, encoding: .utf8).prefix { $0 != "\n" }
            #expect(firstLine.hasPrefix("{\"timestamp\": 0, \"order_id\": \"paper-1\", "))
        }
    }

    @Test("an empty ledger gives an empty ledger.jsonl")
    func emptyLedger() throws {
        try withTemporaryDirectory { folder in
            let report = SmokeReport(environment: "e", window: Fixture.window, orders: [], ledger: [])
            let files = try SmokeReportWriter.write(report, to: folder)
            #expect(try Data(contentsOf: files.ledgerURL).isEmpty)
            let text = try String(contentsOf: files.summaryTextURL, encoding: .utf8)
            #expect(!text.contains("BUY/SELL orders"))
            #expect(text.contains("Volume BUY: 0.00 | SELL: 0.00 | Total: 0.00\n"))
        }
    }

    @Test("makeDirectory creates the base and a new uniquely named folder on each call")
    func uniqueDirectories() throws {
        try withTemporaryDirectory { folder in
            let base = folder.appendingPathComponent("nested/out")
            let now = Fixture.millis("2026-11-21T19:13:26.584Z")
            let names = try (0..<20).map { _ in try SmokeReportWriter.makeDirectory(in: base, now: now).lastPathComponent }
            #expect(Set(names).count == 20)
            let pattern = try Regex("^daily_trend_smoke_20261121T191326Z_[a-z0-9]{6}$")
            for name in names {
                #expect(name.wholeMatch(of: pattern) != nil, "\(name)")
                var isFolder: ObjCBool = false
                #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent(name).path, isDirectory: &isFolder))
                #expect(isFolder.boolValue)
            }
        }
    }

    @Test("a report folder under a file is refused, naming the path and the fix")
    func directoryFailure() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("plain-file")
            try Data("x".utf8).write(to: file)
            let error = #expect(throws: SmokeReportError.self) {
                try SmokeReportWriter.makeDirectory(in: file.appendingPathComponent("out"), now: 0)
            }
            #expect(error == .cannotCreateDirectory(path: file.appendingPathComponent("out").path, code: ENOTDIR))
            #expect(error?.description.contains("check that the parent folder exists and is a folder") == true)
        }
    }

    @Test("a write into a missing folder fails naming the file and the fix")
    func writeFailure() throws {
        withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("gone")
            let report = SmokeReport(environment: "e", window: Fixture.window, orders: [], ledger: [])
            let error = #expect(throws: SmokeReportError.self) { try SmokeReportWriter.write(report, to: missing) }
            let message = error?.description ?? ""
            #expect(message.contains(missing.appendingPathComponent("ledger.jsonl").path))
            #expect(message.contains("folder exists"))
        }
    }
}
