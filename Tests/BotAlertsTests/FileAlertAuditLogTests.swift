import BotAlerts
import Foundation
import TestSupport
import Testing

@Suite("FileAlertAuditLog")
struct FileAlertAuditLogTests {
    /// 2024-01-01T00:00:00Z.
    let newYear: Int64 = 1_704_067_200_000
    let day: Int64 = 86_400_000

    func record(
        channel: String = "telegram:primary", status: AlertAuditStatus = .delivered, error: String? = nil,
        timestamp: Int64, createdAt: Int64, body: String = "Daily loss above threshold."
    ) -> AlertAuditRecord {
        AlertAuditRecord(
            channel: channel, category: "risk", title: "Limit reached", severity: .critical, timestamp: timestamp,
            createdAt: createdAt, status: status, error: error,
            context: ["profile": "conservative", "instrument": "BTC/USDT"], body: body)
    }

    @Test("records land in alerts-YYYYMMDD.jsonl with mode 0600, in the reference key order, readable by Python")
    func fileFormat() async throws {
        try await withTemporaryDirectory { folder in
            let log = try FileAlertAuditLog(directory: folder.appendingPathComponent("alerts"))
            let delivered = record(timestamp: newYear, createdAt: newYear + 250)
            let failed = record(
                channel: "sms:orange", status: .failed, error: "HTTP 500 \"busy\"\nretry later",
                timestamp: newYear, createdAt: newYear + 1_000, body: "zażółć \u{1}")
            try await log.append(delivered)
            try await log.append(failed)

            let url = log.fileURL(forTime: newYear)
            #expect(url.lastPathComponent == "alerts-20240101.jsonl")
            let (mode, lines) = try AlertFixtures.readWithPython("audit", url)
            #expect(mode == "600")
            #expect(lines.count == 2)
            let first = try #require(lines.first)
            #expect(first["channel"] as? String == "telegram:primary")
            #expect(first["timestamp"] as? String == "2024-01-01T00:00:00+00:00")
            #expect(first["created_at"] as? String == "2024-01-01T00:00:00.250000+00:00")
            #expect(first["timestamp_ms"] as? Int == Int(newYear))
            #expect(first["created_at_ms"] as? Int == Int(newYear + 250))
            #expect(first["status"] as? String == "delivered")
            #expect(first["error"] == nil)
            #expect(first["ctx_instrument"] as? String == "BTC/USDT")
            let second = try #require(lines.last)
            #expect(second["error"] as? String == "HTTP 500 \"busy\"\nretry later")
            #expect(second["body"] as? String == "zażółć \u{1}")

            #expect(try await log.records() == [delivered, failed])
        }
    }

    @Test("the redaction hook masks secrets before anything reaches the file")
    func redaction() async throws {
        try await withTemporaryDirectory { folder in
            let secret = "bot123456:AAE-secret-token"
            let log = try FileAlertAuditLog(directory: folder) {
                $0.replacingOccurrences(of: secret, with: "[redacted]")
            }
            try await log.append(
                record(
                    status: .failed, error: "POST https://api.telegram.org/\(secret)/sendMessage failed",
                    timestamp: newYear, createdAt: newYear, body: "token \(secret) rotated"))
            let bytes = try Data(contentsOf: log.fileURL(forTime: newYear))
            #expect(!String(decoding: bytes, as: UTF8.self).contains(secret))
            let stored = try #require(try await log.records().first)
            #expect(stored.error == "POST https://api.telegram.org/[redacted]/sendMessage failed")
            #expect(stored.body == "token [redacted] rotated")
        }
    }

    @Test("the file is chosen by the write time and expired daily files are removed, others kept")
    func retention() async throws {
        try await withTemporaryDirectory { folder in
            let log = try FileAlertAuditLog(directory: folder, retentionDays: 3)
            let january1: Int64 = 1_672_531_200_000  // 2023-01-01
            try await log.append(record(timestamp: january1, createdAt: january1))
            try await log.append(record(timestamp: january1, createdAt: january1 + 2 * day))
            try "keep".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
            #expect(
                Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
                    "alerts-20230101.jsonl", "alerts-20230103.jsonl", "notes.txt",
                ])

            // An old alert written on 2023-01-05 goes into that day's file, and 2023-01-01 expires.
            try await log.append(record(timestamp: january1, createdAt: january1 + 4 * day))
            #expect(
                Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [
                    "alerts-20230103.jsonl", "alerts-20230105.jsonl", "notes.txt",
                ])
            #expect(try await log.records().map(\.createdAt) == [january1 + 2 * day, january1 + 4 * day])
        }
    }

    @Test("records written by the reference, without status, read back as delivered or throttled")
    func referenceRecords() async throws {
        try await withTemporaryDirectory { folder in
            let lines = [
                #"{"channel":"telegram:primary","category":"risk","title":"Limit ryzyka osiągnięty","#
                    + #""severity":"critical","timestamp":"2024-01-01T00:00:00+00:00","#
                    + #""created_at":"2024-01-01T00:00:00+00:00","ctx_profile":"conservative","#
                    + #""ctx_instrument":"BTC/USDT","body":"Dzienne straty przekroczyły próg."}"#,
                "",
                #"{"channel":"__suppressed__","category":"data.ohlcv","title":"Luka","severity":"INFO","#
                    + #""timestamp":"2024-01-01T00:00:10.5+00:00","body":"b"}"#,
            ]
            try (lines.joined(separator: "\n") + "\n").write(
                to: folder.appendingPathComponent("alerts-20240101.jsonl"), atomically: true, encoding: .utf8)
            let records = try await FileAlertAuditLog(directory: folder).records()
            #expect(records.count == 2)
            #expect(records[0].status == .delivered)
            #expect(records[0].context == ["profile": "conservative", "instrument": "BTC/USDT"])
            #expect(records[0].timestamp == newYear)
            #expect(records[1].status == .throttled)
            #expect(records[1].severity == .info)
            #expect(records[1].timestamp == newYear + 10_500)
            #expect(records[1].createdAt == records[1].timestamp)
        }
    }

    @Test("a malformed line is reported with its file and line number")
    func malformedLine() async throws {
        try await withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("alerts-20240101.jsonl")
            try "{\"channel\":\"log\"}\n".write(to: url, atomically: true, encoding: .utf8)
            let log = try FileAlertAuditLog(directory: folder)
            do {
                _ = try await log.records()
                Issue.record("a record without category, title and severity was accepted")
            } catch let error as AlertAuditError {
                guard case .readFailed(let path, let reason) = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(path == url.path)
                #expect(reason.contains("\(url.path):1:"))
            }
        }
    }

    @Test("an absent folder has no records, and a retention below one day is refused")
    func emptyAndInvalid() async throws {
        try await withTemporaryDirectory { folder in
            let log = try FileAlertAuditLog(directory: folder.appendingPathComponent("never-written"))
            #expect(try await log.records().isEmpty)
        }
        #expect(throws: AlertAuditError.nonPositiveRetention(days: 0)) {
            try FileAlertAuditLog(directory: URL(fileURLWithPath: "/tmp"), retentionDays: 0)
        }
    }

    @Test("the in-memory log keeps records in order and applies its redaction hook")
    func inMemory() async {
        let log = InMemoryAlertAuditLog { $0.replacingOccurrences(of: "hunter2", with: "***") }
        await log.append(record(timestamp: newYear, createdAt: newYear, body: "password hunter2"))
        await log.append(record(channel: "log", timestamp: newYear, createdAt: newYear + 1))
        let records = await log.records()
        #expect(records.map(\.channel) == ["telegram:primary", "log"])
        #expect(records[0].body == "password ***")
    }
}
