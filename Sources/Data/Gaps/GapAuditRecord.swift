import BotCodecs
import Foundation

/// One line of the gap audit (`<data_cache_path>/audit/<environment>_ohlcv_gaps.jsonl`, reference §6.3).
public struct GapAuditRecord: Sendable, Hashable {
    /// When the check ran (epoch ms, UTC).
    public let timestamp: Int64
    public let environment: String
    public let exchange: String
    public let symbol: String
    public let interval: String
    public let status: GapAuditStatus
    /// The gap in minutes, rounded to 3 decimals; nil for missing or unreadable data.
    public let gapMinutes: Double?
    public let rowCount: Int64?
    /// The ISO open time of the newest candle, the raw text for unreadable data, or nil.
    public let lastTimestamp: String?
    public let warningsInWindow: Int?
    /// Minutes the incident has been open, rounded to 3 decimals; nil without an incident.
    public let incidentMinutes: Double?

    public init(
        timestamp: Int64, environment: String, exchange: String, symbol: String, interval: String,
        status: GapAuditStatus, gapMinutes: Double?, rowCount: Int64?, lastTimestamp: String?, warningsInWindow: Int?,
        incidentMinutes: Double?
    ) {
        self.timestamp = timestamp
        self.environment = environment
        self.exchange = exchange
        self.symbol = symbol
        self.interval = interval
        self.status = status
        self.gapMinutes = gapMinutes.map { PythonFloat.round($0, places: 3) }
        self.rowCount = rowCount
        self.lastTimestamp = lastTimestamp
        self.warningsInWindow = warningsInWindow
        self.incidentMinutes = incidentMinutes.map { PythonFloat.round($0, places: 3) }
    }

    /// The record in the reference's key order.
    public var json: ReportJSON {
        .object([
            ("timestamp", .string(UTCDateTime(milliseconds: timestamp).pythonISOFormat)),
            ("environment", .string(environment)), ("exchange", .string(exchange)), ("symbol", .string(symbol)),
            ("interval", .string(interval)), ("status", .string(status.rawValue)), ("gap_minutes", .number(gapMinutes)),
            ("row_count", .integer(rowCount)), ("last_timestamp", .string(lastTimestamp)),
            ("warnings_in_window", .integer(warningsInWindow.map(Int64.init))),
            ("incident_minutes", .number(incidentMinutes)),
        ])
    }

    /// The audit line: Python's `json.dumps` with default separators (`", "`, `": "`), no line break.
    public var line: String { json.compact }
}

extension GapAuditRecord: Decodable {
    private enum Key: String, CodingKey {
        case timestamp, environment, exchange, symbol, interval, status
        case gapMinutes = "gap_minutes"
        case rowCount = "row_count"
        case lastTimestamp = "last_timestamp"
        case warningsInWindow = "warnings_in_window"
        case incidentMinutes = "incident_minutes"
    }

    /// Reads a line back as the reference does: `timestamp` must be ISO text (a time without offset is UTC);
    /// absent text fields become `""`; numbers may also be numeric strings or null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let text = try container.decode(String.self, forKey: .timestamp)
        guard let timestamp = UTCDateTime.milliseconds(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .timestamp, in: container, debugDescription: "'\(text)' is not an ISO timestamp")
        }
        func string(_ key: Key) throws -> String { try container.decodeIfPresent(String.self, forKey: key) ?? "" }
        func number(_ key: Key) throws -> Double? {
            if try container.decodeNil(forKey: key) { return nil }
            if let value = try? container.decode(Double.self, forKey: key) { return value }
            let text = try container.decode(String.self, forKey: key)
            guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "'\(text)' is not a number")
            }
            return value
        }
        func optionalNumber(_ key: Key) throws -> Double? { container.contains(key) ? try number(key) : nil }
        let statusText = try string(.status)
        guard let status = GapAuditStatus(rawValue: statusText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .status, in: container, debugDescription: "unknown status '\(statusText)'")
        }
        self.init(
            timestamp: timestamp, environment: try string(.environment), exchange: try string(.exchange),
            symbol: try string(.symbol), interval: try string(.interval), status: status,
            gapMinutes: try optionalNumber(.gapMinutes), rowCount: try optionalNumber(.rowCount).map { Int64($0) },
            lastTimestamp: try container.decodeIfPresent(String.self, forKey: .lastTimestamp),
            warningsInWindow: try optionalNumber(.warningsInWindow).map { Int($0) },
            incidentMinutes: try optionalNumber(.incidentMinutes))
    }

    /// Parses one audit line.
    public init(line: String) throws(GapMonitorError) {
        do {
            self = try JSONDecoder().decode(GapAuditRecord.self, from: Data(line.utf8))
        } catch {
            throw .malformedRecord(reason: String(describing: error))
        }
    }
}
