import BotAlerts
import Foundation
import TestSupport

/// Alerts used across the suites, shaped like the data side's gap alerts.
enum AlertFixtures {
    static func gapWarning(at timestamp: Int64 = 1_704_067_200_000, symbol: String = "BTCUSDT") -> AlertMessage {
        AlertMessage(
            category: "data.ohlcv", title: "Data gap \(symbol) 1h", body: "No candle for 180 minutes.",
            severity: .warning, context: ["symbol": symbol, "interval": "1h", "gap_minutes": "180.0"],
            timestamp: timestamp)
    }

    static func incident(at timestamp: Int64 = 1_704_067_200_000) -> AlertMessage {
        AlertMessage(
            category: "data.ohlcv", title: "INCIDENT – data gap BTCUSDT 1h", body: "Five warnings in ten minutes.",
            severity: .critical, context: ["symbol": "BTCUSDT"], timestamp: timestamp)
    }

    /// The file read by `Tests/Oracles/alerts_read_jsonl.py`: its permission bits and its records.
    static func readWithPython(_ kind: String, _ url: URL) throws -> (mode: String, records: [[String: Any]]) {
        let result = try Oracle.python("alerts_read_jsonl.py", [kind, url.path])
        let object = try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any]
        guard let object, let mode = object["mode"] as? String, let records = object["records"] as? [[String: Any]]
        else { throw OracleOutputError(output: result.outputText) }
        return (mode, records)
    }

    struct OracleOutputError: Error, CustomStringConvertible {
        let output: String
        var description: String { "unexpected oracle output: \(output.prefix(500))" }
    }
}
