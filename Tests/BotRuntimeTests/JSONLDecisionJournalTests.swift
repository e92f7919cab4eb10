import Foundation
import TestSupport
import Testing

@testable import BotRuntime

@Suite("JSONLDecisionJournal")
struct JSONLDecisionJournalTests {
    static let day: Int64 = 86_400_000
    /// 2024-01-01T00:00:00Z.
    static let january1: Int64 = 1_704_067_200_000

    static func event(_ kind: DecisionEvent.Kind, at timestamp: Int64, metadata: [(String, String)] = []) -> DecisionEvent {
        DecisionEvent(
            kind: kind, timestamp: timestamp, environment: "paper", portfolio: "binance_paper", riskProfile: "balanced",
            symbol: "BTCUSDT", side: "BUY", quantity: 0.1, price: 42000, status: "filled", metadata: metadata)
    }

    static func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("each event goes to the file of its UTC date, and export returns every line in order")
    func filePerDay() async throws {
        try await withTemporaryDirectory { folder in
            let journal = JSONLDecisionJournal(directory: folder.appendingPathComponent("decisions"))
            await journal.record(Self.event(.signalReceived, at: Self.january1 + 12 * 3_600_000, metadata: [("order_id", "1")]))
            await journal.record(Self.event(.orderExecuted, at: Self.january1 + Self.day - 1))
            await journal.record(Self.event(.orderExecuted, at: Self.january1 + Self.day))
            try await journal.flush()
            let directory = folder.appendingPathComponent("decisions")
            #expect(try Self.names(in: directory) == ["decisions-20240101.jsonl", "decisions-20240102.jsonl"])
            let first = try DecisionEventTests.readWithPython([directory.appendingPathComponent("decisions-20240101.jsonl")])
            #expect(first.count == 2)
            #expect(first[0].first { $0.key == "order_id" }?.value as? String == "1")
            #expect(first[0].first { $0.key == "portfolio" }?.value as? String == "binance_paper")
            #expect(first[1].first { $0.key == "timestamp" }?.value as? String == "2024-01-01T23:59:59.999Z")
            let lines = try await journal.export()
            #expect(lines.count == 3)
            #expect(lines[2].hasPrefix(#"{"event":"order_executed","timestamp":"2024-01-02T00:00:00.000Z""#))
            #expect(await journal.failureCount() == 0)
            #expect(await journal.lastError() == nil)
        }
    }

    @Test("retention 2: opening 2024-01-03 deletes the 2024-01-01 file and leaves other files alone")
    func retention() async throws {
        try await withTemporaryDirectory { folder in
            try Data("keep\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
            try Data().write(to: folder.appendingPathComponent("decisions-20231231.jsonl"))
            let journal = JSONLDecisionJournal(directory: folder, retentionDays: 2)
            await journal.record(Self.event(.signalReceived, at: Self.january1))
            await journal.record(Self.event(.signalReceived, at: Self.january1 + Self.day))
            #expect(
                try Self.names(in: folder)
                    == ["decisions-20240101.jsonl", "decisions-20240102.jsonl", "notes.txt"])
            await journal.record(Self.event(.signalReceived, at: Self.january1 + 2 * Self.day))
            try await journal.flush()
            #expect(
                try Self.names(in: folder) == ["decisions-20240102.jsonl", "decisions-20240103.jsonl", "notes.txt"])
        }
    }

    @Test("an unwritable folder: record does not throw, the failure is counted and names the path")
    func unwritableFolder() async throws {
        try await withTemporaryDirectory { folder in
            // A regular file where a folder should be fails even for root, unlike permission bits.
            let blocker = folder.appendingPathComponent("blocker")
            try Data().write(to: blocker)
            let directory = blocker.appendingPathComponent("journal")
            let journal = JSONLDecisionJournal(directory: directory)
            await journal.record(Self.event(.signalReceived, at: Self.january1))
            await journal.record(Self.event(.orderSubmitted, at: Self.january1 + 1))
            #expect(await journal.failureCount() == 2)
            let error = try #require(await journal.lastError())
            guard case .cannotOpen(let path, _) = error else {
                Issue.record("expected cannotOpen, got \(error)")
                return
            }
            #expect(path == directory.appendingPathComponent("decisions-20240101.jsonl").path)
            #expect(error.description.contains(directory.path))
            #expect(error.description.contains("Not a directory"), "\(error)")
            try await journal.flush()
        }
    }

    @Test("an invalid file name pattern makes every record fail with a message naming the pattern")
    func invalidPattern() async {
        #expect(!JSONLDecisionJournal.isValidPattern("decisions-%Y%m.jsonl"))
        #expect(JSONLDecisionJournal.isValidPattern("d-%Y-%m-%d.jsonl"))
        let journal = JSONLDecisionJournal(directory: URL(fileURLWithPath: "/nonexistent"), filenamePattern: "x-%H.jsonl")
        await journal.record(Self.event(.signalReceived, at: 0))
        #expect(await journal.failureCount() == 1)
        #expect(await journal.lastError() == .invalidPattern("x-%H.jsonl"))
    }

    @Test("with fsync every event is in the file when record returns")
    func fsyncWritesEachEvent() async throws {
        try await withTemporaryDirectory { folder in
            let journal = JSONLDecisionJournal(directory: folder, filenamePattern: "j-%Y%m%d.jsonl", fsync: true)
            await journal.record(Self.event(.signalReceived, at: Self.january1))
            let text = try String(contentsOf: folder.appendingPathComponent("j-20240101.jsonl"), encoding: .utf8)
            #expect(text == Self.event(.signalReceived, at: Self.january1).jsonLine + "\n")
        }
    }

    @Test("appending to a file a crash left with an unterminated line starts on a fresh line")
    func repairsPartialLine() async throws {
        try await withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("decisions-20240101.jsonl")
            try Data((#"{"event":"signal_received"}"# + "\n" + #"{"event":"trunc"#).utf8).write(to: file)
            let journal = JSONLDecisionJournal(directory: folder)
            await journal.record(Self.event(.orderExecuted, at: Self.january1))
            let lines = try await journal.export()
            #expect(lines == [#"{"event":"signal_received"}"#, Self.event(.orderExecuted, at: Self.january1).jsonLine])
        }
    }

    @Test("many events across several days: every one is written once, in order, in its day's file")
    func manyEvents() async throws {
        try await withTemporaryDirectory { folder in
            let journal = JSONLDecisionJournal(directory: folder, retentionDays: nil)
            let count = 20_000
            for index in 0..<count {
                await journal.record(
                    Self.event(.signalReceived, at: Self.january1 + Int64(index) * 60_000, metadata: [("n", "\(index)")]))
            }
            let lines = try await journal.export()
            #expect(lines.count == count)
            #expect(lines.enumerated().allSatisfy { $0.element.hasSuffix(#""n":"\#($0.offset)"}"#) })
            #expect(try Self.names(in: folder).count == 14)
        }
    }

    @Test("memory journal keeps events in order; the disabled journal accepts and drops them")
    func otherJournals() async throws {
        let memory = MemoryDecisionJournal()
        await memory.record(Self.event(.signalReceived, at: 1))
        await memory.record(Self.event(.riskRejected, at: 2))
        #expect(await memory.events().map(\.kind) == [.signalReceived, .riskRejected])
        #expect(await memory.export() == [Self.event(.signalReceived, at: 1).jsonLine, Self.event(.riskRejected, at: 2).jsonLine])
        let disabled: any DecisionJournal = DisabledDecisionJournal()
        await disabled.record(Self.event(.signalReceived, at: 1))
        try await disabled.flush()
        #expect(await disabled.failureCount() == 0)
    }

    @Test("the factory maps decision_journal: none to disabled, memory, and file under data_cache_path")
    func factory() async throws {
        #expect(DecisionJournalFactory.make(config: nil, dataCachePath: "/data") is DisabledDecisionJournal)
        let memory = AuditLogConfig(
            backend: .memory, directory: nil, filenamePattern: "decisions-%Y%m%d.jsonl", retentionDays: nil, fsync: false)
        #expect(DecisionJournalFactory.make(config: memory, dataCachePath: "/data") is MemoryDecisionJournal)
        let file = AuditLogConfig(
            backend: .file, directory: "audit/decisions", filenamePattern: "d-%Y%m%d.jsonl", retentionDays: 30,
            fsync: true)
        let journal = try #require(DecisionJournalFactory.make(config: file, dataCachePath: "/data/paper") as? JSONLDecisionJournal)
        #expect(journal.directory.path == "/data/paper/audit/decisions")
        #expect(journal.filenamePattern == "d-%Y%m%d.jsonl")
        #expect(journal.retentionDays == 30)
        #expect(journal.fsync)
        let absolute = AuditLogConfig(
            backend: .file, directory: "/var/journal", filenamePattern: "d-%Y%m%d.jsonl", retentionDays: nil,
            fsync: false)
        #expect(DecisionJournalFactory.directory(for: absolute, dataCachePath: "/data").path == "/var/journal")
    }
}
