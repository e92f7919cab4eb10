import BotCodecs
import Foundation

/// The record of every order and fill an execution service handled, kept in memory and optionally in
/// daily JSON Lines files.
///
/// Not `Sendable`: owned by one actor (the paper simulator), which serialises appends.
public final class ExecutionLedger {
    public let storage: LedgerStorage
    /// Every record appended through this instance, oldest first.
    public private(set) var records: [LedgerRecord] = []

    private var writer: JSONLinesWriter?
    private var writerDay: Int64?

    public init(storage: LedgerStorage = .memory) {
        self.storage = storage
    }

    /// Keeps `record` and, with file storage, appends it to its day's file (pruning expired files when a
    /// new day's file is opened).
    public func append(_ record: LedgerRecord) throws(ExecutionError) {
        records.append(record)
        guard case .files(let directory, let pattern, let retentionDays, let fsync) = storage else { return }
        let day = UTCDateTime.day(ofMilliseconds: record.timestamp)
        let url = directory.appending(path: pattern.fileName(forDay: day), directoryHint: .notDirectory)
        do {
            if writerDay != day || writer == nil {
                try writer?.close()
                writer = nil
                writer = try JSONLinesWriter(url: url, durability: fsync ? .eachAppend : .onFlush)
                writerDay = day
                try prune(directory: directory, pattern: pattern, retentionDays: retentionDays, newestDay: day)
            }
            try writer?.append(record)
        } catch let error as JSONLinesError {
            throw .ledgerWriteFailed(path: url.path, reason: error.description)
        } catch {
            throw .ledgerWriteFailed(path: url.path, reason: String(describing: error))
        }
    }

    /// Flushes the open file to the device.
    public func flush() throws(ExecutionError) {
        guard let writer else { return }
        do {
            try writer.flush()
        } catch {
            throw .ledgerWriteFailed(path: writer.url.path, reason: error.description)
        }
    }

    /// The ledger files in the storage directory, sorted by name; empty for memory storage.
    public func files() -> [URL] {
        guard case .files(let directory, let pattern, _, _) = storage else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { pattern.day(ofFileName: $0) != nil }.sorted()
            .map { directory.appending(path: $0, directoryHint: .notDirectory) }
    }

    /// Deletes the pattern's files older than `retentionDays` days counted back from `newestDay` (the newest
    /// day itself is day 1). Other files in the directory are never touched.
    private func prune(directory: URL, pattern: LedgerFilePattern, retentionDays: Int?, newestDay: Int64) throws {
        guard let retentionDays, retentionDays > 0 else { return }
        let oldestKept = newestDay - Int64(retentionDays - 1)
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            guard let day = pattern.day(ofFileName: name), day < oldestKept else { continue }
            try FileManager.default.removeItem(at: directory.appending(path: name, directoryHint: .notDirectory))
        }
    }
}
