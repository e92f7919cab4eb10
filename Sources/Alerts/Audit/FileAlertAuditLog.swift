import BotCodecs
import Foundation

/// Appends audit records as JSON lines to one file per UTC day, `alerts-YYYYMMDD.jsonl`, and deletes
/// files older than the retention.
///
/// Files are created with mode 0600 and every record is flushed to disk (`fsync`) before ``append(_:)``
/// returns. The day is the record's ``AlertAuditRecord/createdAt`` (the write time), so a file holds what
/// was written that day even when an alert carries an old timestamp. When a record opens a new day's
/// file, files named `alerts-YYYYMMDD.jsonl` dated more than `retentionDays - 1` days before it are
/// removed; other files in the folder are left alone.
public actor FileAlertAuditLog: AlertAuditLog {
    /// The folder holding the daily files.
    public nonisolated let directory: URL
    /// How many days of files are kept, the current one included.
    public nonisolated let retentionDays: Int
    private let redact: @Sendable (String) -> String
    private var writer: JSONLinesWriter?
    private var writerDay: Int64?

    private static let prefix = "alerts-"
    private static let suffix = ".jsonl"

    /// A log writing into `directory` (created on the first record), keeping `retentionDays` days
    /// (reference default 730) and applying `redact` to the free text of every record.
    public init(
        directory: URL, retentionDays: Int = 730, redact: @escaping @Sendable (String) -> String = { $0 }
    ) throws(AlertAuditError) {
        guard retentionDays > 0 else { throw .nonPositiveRetention(days: retentionDays) }
        self.directory = directory
        self.retentionDays = retentionDays
        self.redact = redact
    }

    /// The file that holds records written on the UTC day of `milliseconds`.
    public nonisolated func fileURL(forTime milliseconds: Int64) -> URL {
        fileURL(forDay: AlertTimestamp.day(ofMilliseconds: milliseconds))
    }

    public func append(_ record: AlertAuditRecord) throws(AlertAuditError) {
        let day = AlertTimestamp.day(ofMilliseconds: record.createdAt)
        let url = fileURL(forDay: day)
        let line = record.redacted(redact).jsonLine
        let opensNewDay = writerDay != day
        do {
            if opensNewDay {
                try writer?.close()
                writer = nil
                writer = try JSONLinesWriter(url: url, mode: .ownerOnly, durability: .eachAppend)
                writerDay = day
            }
            try writer?.append(json: line)
        } catch {
            // Reopen on the next record instead of writing to a descriptor in an unknown state.
            writer = nil
            writerDay = nil
            throw .writeFailed(path: url.path, reason: String(describing: error))
        }
        if opensNewDay { try removeExpiredFiles(before: day - Int64(retentionDays - 1)) }
    }

    /// Every record in every daily file, oldest file first and in file order within a file.
    ///
    /// A malformed complete line is an error naming the file and line; an incomplete final line (an append
    /// cut short by a crash) is skipped.
    public func records() throws(AlertAuditError) -> [AlertAuditRecord] {
        var records: [AlertAuditRecord] = []
        for (_, url) in try dailyFiles() {
            do {
                records += try JSONLinesReader.read(AlertAuditLine.self, from: url).records.map(\.record)
            } catch {
                throw .readFailed(path: url.path, reason: error.description)
            }
        }
        return records
    }

    /// Closes the current file; the next record reopens it.
    public func close() throws(AlertAuditError) {
        defer {
            writer = nil
            writerDay = nil
        }
        do {
            try writer?.close()
        } catch {
            throw .writeFailed(path: directory.path, reason: error.description)
        }
    }

    private nonisolated func fileURL(forDay day: Int64) -> URL {
        directory.appendingPathComponent(Self.prefix + AlertTimestamp.compactDate(ofDay: day) + Self.suffix)
    }

    /// The daily files in the folder, sorted by day; an absent folder has none.
    private func dailyFiles() throws(AlertAuditError) -> [(day: Int64, url: URL)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch {
            throw .readFailed(path: directory.path, reason: error.localizedDescription)
        }
        return names.compactMap { name -> (Int64, URL)? in
            guard name.hasPrefix(Self.prefix), name.hasSuffix(Self.suffix),
                let day = AlertTimestamp.day(
                    parsingCompactDate: name.dropFirst(Self.prefix.count).dropLast(Self.suffix.count))
            else { return nil }
            return (day, directory.appendingPathComponent(name))
        }.sorted { $0.0 < $1.0 }
    }

    private func removeExpiredFiles(before oldestKeptDay: Int64) throws(AlertAuditError) {
        for (day, url) in try dailyFiles() where day < oldestKeptDay {
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw .retentionFailed(path: url.path, reason: error.localizedDescription)
            }
        }
    }
}
