import BotCodecs
import Foundation

extension LiveTradingGate {
    /// The `paper_evidence` failure, or nil when the paper smoke log holds a recent successful record of a
    /// `paper` environment on the selection's exchange.
    ///
    /// The log is JSON Lines as `run-daily-trend --paper-smoke` appends it; lines that are not JSON objects
    /// (a torn write, a hand edit) are skipped rather than failing the check.
    static func paperEvidenceFailure(_ selection: TradingSelection, request: LiveGateRequest) -> LiveGateFailure? {
        let exchange = selection.environment.exchange
        let config = selection.config
        let maxAgeDays = config.runtime.livePaperEvidenceMaxAgeDays
        let paperEnvironments = config.environments.filter { $0.kind == .paper && $0.exchange == exchange }.map(\.name)
        let url = request.resolvedPaperAuditLogPath
        func failure(_ reason: String) -> LiveGateFailure { LiveGateFailure(gate: .paperEvidence, reason: reason) }

        guard let first = paperEnvironments.first else {
            return failure(
                "no paper environment trades exchange '\(exchange)' in \(selection.configPath), so there can be no "
                    + "paper evidence; add one (environment: paper, exchange: \(exchange)) and run a paper smoke "
                    + "test on it first")
        }
        let runSmoke =
            "run 'run-daily-trend --environment \(first) --paper-smoke' (it appends a record to its JSONL log, "
            + "--paper-smoke-json-log, default \(LiveGateRequest.defaultPaperAuditLogPath)) and give the live run "
            + "the same log"
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return failure("no paper smoke audit log at \(url.path); \(runSmoke)")
        }

        var scan = EvidenceScan()
        let now = request.now
        let oldest = now - Int64(maxAgeDays) * UTCDateTime.millisecondsPerDay
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) {
                continue
            }
            guard let record = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any],
                let environment = record["environment"] as? String,
                let timestampText = record["timestamp"] as? String,
                let timestamp = UTCDateTime.milliseconds(parsing: timestampText)
            else {
                scan.skipped += 1
                continue
            }
            guard paperEnvironments.contains(environment) else {
                scan.otherEnvironments += 1
                continue
            }
            guard Self.isSuccessful(record) else {
                scan.unsuccessful += 1
                continue
            }
            // A record dated well after `now` comes from a wrong clock and proves nothing about recency.
            guard timestamp <= now + clockSkewAllowance else {
                scan.future += 1
                continue
            }
            if timestamp >= oldest { return nil }
            if scan.newestStale.map({ timestamp > $0.timestamp }) ?? true {
                scan.newestStale = (timestamp, environment)
            }
        }

        let counts = scan.summary
        if let stale = scan.newestStale {
            let days = (now - stale.timestamp) / UTCDateTime.millisecondsPerDay
            return failure(
                "the newest successful paper smoke record for exchange '\(exchange)' in \(url.path) "
                    + "(environment \(stale.environment), \(UTCDateTime(milliseconds: stale.timestamp).iso8601)) is "
                    + "\(days) days old, older than runtime.live_paper_evidence_max_age_days (\(maxAgeDays))"
                    + counts + "; \(runSmoke)")
        }
        return failure(
            "\(url.path) holds no successful paper smoke record (status ok, or severity INFO) for a paper "
                + "environment on exchange '\(exchange)' (\(paperEnvironments.joined(separator: ", ")))"
                + counts + "; \(runSmoke)")
    }

    /// How far in the future a record may be dated (clock skew between hosts): one hour.
    static let clockSkewAllowance: Int64 = 3_600_000

    /// `status: ok`, or `severity: INFO` when the record has no status.
    static func isSuccessful(_ record: [String: Any]) -> Bool {
        if let status = record["status"] {
            return (status as? String)?.lowercased() == "ok"
        }
        return (record["severity"] as? String)?.lowercased() == "info"
    }
}

/// What a pass over the evidence log found besides a usable record, for the failure message.
private struct EvidenceScan {
    var skipped = 0
    var otherEnvironments = 0
    var unsuccessful = 0
    var future = 0
    var newestStale: (timestamp: Int64, environment: String)?

    var summary: String {
        let parts = [
            (unsuccessful, "unsuccessful"), (otherEnvironments, "for other environments or exchanges"),
            (future, "dated in the future"), (skipped, "malformed lines skipped"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
    }
}
