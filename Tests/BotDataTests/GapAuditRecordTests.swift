import BotCodecs
import BotData
import Foundation
import TestSupport
import Testing

@Suite struct GapAuditRecordTests {
    static let example = GapAuditRecord(
        timestamp: 1_704_067_200_000, environment: "env", exchange: "binance_spot", symbol: "SOLUSDT", interval: "15m",
        status: .warning, gapMinutes: 45, rowCount: 350, lastTimestamp: "2023-12-31T23:45:00+00:00",
        warningsInWindow: 1, incidentMinutes: nil)

    // The reference's verified example line, byte for byte.
    @Test func rendersTheReferenceLine() {
        #expect(
            Self.example.line
                == "{\"timestamp\": \"2024-01-01T00:00:00+00:00\", \"environment\": \"env\", "
                + "\"exchange\": \"binance_spot\", \"symbol\": \"SOLUSDT\", \"interval\": \"15m\", "
                + "\"status\": \"warning\", \"gap_minutes\": 45.0, \"row_count\": 350, "
                + "\"last_timestamp\": \"2023-12-31T23:45:00+00:00\", \"warnings_in_window\": 1, "
                + "\"incident_minutes\": null}")
    }

    @Test func roundsToThreeDecimalsAndReadsBack() throws {
        let record = GapAuditRecord(
            timestamp: 1_704_067_200_250, environment: "paper", exchange: "x", symbol: "BTCUSDT", interval: "1h",
            status: .incident, gapMinutes: 60.123456, rowCount: 7, lastTimestamp: nil, warningsInWindow: 3,
            incidentMinutes: 2.0005)
        #expect(record.gapMinutes == 60.123 && record.incidentMinutes == 2.001)  // Python: round(2.0005, 3) == 2.001
        #expect(try GapAuditRecord(line: record.line) == record)
    }

    @Test func readsLooseLinesLikeTheReference() throws {
        let record = try GapAuditRecord(
            line: "{\"timestamp\": \"2024-01-01T01:00:00\", \"status\": \"ok\", \"gap_minutes\": \"12.5\", "
                + "\"row_count\": null}")
        #expect(record.timestamp == 1_704_070_800_000 && record.symbol == "" && record.gapMinutes == 12.5)
        #expect(record.rowCount == nil && record.warningsInWindow == nil)
        let offset = try GapAuditRecord(line: "{\"timestamp\": \"2024-01-01T02:00:00+01:00\", \"status\": \"ok\"}")
        #expect(offset.timestamp == 1_704_070_800_000)
        #expect(throws: GapMonitorError.self) { try GapAuditRecord(line: "{\"timestamp\": 5, \"status\": \"ok\"}") }
        #expect(throws: GapMonitorError.self) {
            try GapAuditRecord(
                line: "{\"timestamp\": \"2024-01-01T00:00:00\", \"gap_minutes\": \"x\", \"status\": \"ok\"}")
        }
        #expect(throws: GapMonitorError.self) { try GapAuditRecord(line: "[1]") }
        #expect(throws: GapMonitorError.self) {
            try GapAuditRecord(line: "{\"timestamp\": \"2023-02-29T00:00:00\", \"status\": \"ok\"}")
        }
    }

    // Reference test_gap_audit: one line per record, parsed back by Python's json.
    @Test func writesOneLinePerRecordThatPythonReads() throws {
        try withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("audit/env_ohlcv_gaps.jsonl")
            let writer = try JSONLinesWriter(url: url)
            try writer.append(json: Self.example.line)
            try writer.close()
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.split(separator: "\n").count == 1)
            let output = try Oracle.python("gaps_read_audit.py", [url.path])
            let parsed = try JSONSerialization.jsonObject(with: output.standardOutput) as? [[String: Any]]
            #expect(
                parsed?.first?["status"] as? String == "warning" && parsed?.first?["symbol"] as? String == "SOLUSDT")
            #expect(try JSONLinesReader.read(GapAuditRecord.self, from: url).records == [Self.example])
        }
    }
}
