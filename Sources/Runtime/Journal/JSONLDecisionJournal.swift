import BotCodecs
import BotExecution
import Foundation

/// A decision journal in daily JSON Lines files: `decisions-20240101.jsonl` holds the events whose
/// timestamp falls on 2024-01-01 UTC, one ``DecisionEvent/jsonLine`` per line.
///
/// Events are buffered and written in chunks of about 256 KiB, at ``flush()``, when the day changes and
/// when the journal is released; with `fsync` every event is written and flushed to the device before
/// ``record(_:)`` returns. When a day's file is opened, files of the pattern older than `retentionDays`
/// days (counting that day as day 1) are deleted; other files in the folder are never touched.
///
/// ``record(_:)`` never throws; see ``failureCount()`` and ``lastError()``.
public actor JSONLDecisionJournal: DecisionJournal {
    public nonisolated let directory: URL
    public nonisolated let filenamePattern: String
    public nonisolated let retentionDays: Int?
    public nonisolated let fsync: Bool

    private let pattern: LedgerFilePattern?
    private let file = JournalFile()
    private var newestDay: Int64?
    private var failures = 0
    private var lastFailure: DecisionJournalError?

    /// - Parameters:
    ///   - filenamePattern: strftime's `%Y`, `%m`, `%d` (all three) and `%%`; anything else makes every
    ///     ``record(_:)`` fail with ``DecisionJournalError/invalidPattern(_:)``. Check it up front with
    ///     ``isValidPattern(_:)``.
    ///   - retentionDays: nil or 0 keeps every file.
    public init(
        directory: URL, filenamePattern: String = "decisions-%Y%m%d.jsonl", retentionDays: Int? = 730,
        fsync: Bool = false
    ) {
        self.directory = directory
        self.filenamePattern = filenamePattern
        self.retentionDays = retentionDays
        self.fsync = fsync
        self.pattern = LedgerFilePattern(filenamePattern)
    }

    /// Whether `pattern` names one file per day (`%Y`, `%m`, `%d`, `%%` only, no `/`).
    public static func isValidPattern(_ pattern: String) -> Bool { LedgerFilePattern(pattern) != nil }

    public func record(_ event: DecisionEvent) {
        guard let pattern else {
            fail(.invalidPattern(filenamePattern), events: 1)
            return
        }
        let day = UTCDateTime.day(ofMilliseconds: event.timestamp)
        if file.day != day {
            let url = directory.appending(path: pattern.fileName(forDay: day), directoryHint: .notDirectory)
            do {
                try file.open(url, day: day, durable: fsync)
            } catch {
                // The lines of the previous day that could not be written were dropped with the error.
                fail(error, events: 1)
                return
            }
            if day > newestDay ?? .min {
                newestDay = day
                prune(pattern: pattern, newestDay: day)
            }
        }
        event.appendJSON(to: &file.buffer)
        file.buffer.append(0x0A)
        file.pendingEvents += 1
        do {
            if fsync {
                try file.writePending()
                try file.sync()
            } else if file.buffer.count >= JournalFile.chunkBytes {
                try file.writePending()
            }
        } catch {
            fail(error, events: 0)
        }
    }

    /// Records `events` in order with one hop onto the journal: cheaper than one ``record(_:)`` per event
    /// when a cycle produces several.
    public func record(contentsOf events: [DecisionEvent]) {
        for event in events { record(event) }
    }

    /// Writes buffered events to the file and, with `fsync`, to the device.
    public func flush() throws(DecisionJournalError) {
        do {
            try file.writePending()
            if fsync { try file.sync() }
        } catch {
            fail(error, events: 0)
            throw error
        }
    }

    public func failureCount() -> Int { failures }

    public func lastError() -> DecisionJournalError? { lastFailure }

    /// Every line of every journal file in the folder, files in name order (which is date order for the
    /// default pattern), after writing what is buffered. Blank lines are skipped.
    public func export() throws(DecisionJournalError) -> [String] {
        try flush()
        var lines: [String] = []
        for url in files() {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .cannotRead(path: url.path, reason: error.localizedDescription)
            }
            for line in data.split(separator: 0x0A) where !line.isEmpty {
                lines.append(String(decoding: line, as: UTF8.self))
            }
        }
        return lines
    }

    /// The folder's files that the pattern names, sorted by name.
    public func files() -> [URL] {
        guard let pattern else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { pattern.day(ofFileName: $0) != nil }.sorted()
            .map { directory.appending(path: $0, directoryHint: .notDirectory) }
    }

    private func prune(pattern: LedgerFilePattern, newestDay: Int64) {
        guard let retentionDays, retentionDays > 0 else { return }
        let oldestKept = newestDay - Int64(retentionDays - 1)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names {
            guard let day = pattern.day(ofFileName: name), day < oldestKept else { continue }
            let url = directory.appending(path: name, directoryHint: .notDirectory)
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                fail(.cannotPrune(path: url.path, reason: error.localizedDescription), events: 0)
            }
        }
    }

    private func fail(_ error: DecisionJournalError, events: Int) {
        failures += events
        if case .writeFailed(_, _, let lost) = error { failures += lost }
        lastFailure = error
    }
}
