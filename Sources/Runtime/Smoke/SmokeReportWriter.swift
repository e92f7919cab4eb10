import BotCodecs
import BotCrypto
import BotData
import BotExecution
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the report folder of a paper smoke test: `ledger.jsonl`, `summary.json`, `summary.txt` and
/// `README.txt`, each atomically (a reader sees the old file or the complete new one).
public struct SmokeReportWriter {
    /// Writes `report` into `directory` (which must exist; see ``makeDirectory(in:now:)``) and returns the
    /// paths and the SHA-256 of `summary.json`, which `summary.txt` quotes on its last line.
    /// - Throws: ``SmokeReportError/cannotWrite(path:reason:)`` naming the file and the fix.
    public static func write(_ report: SmokeReport, to directory: URL) throws -> SmokeReportFiles {
        let ledgerURL = directory.appendingPathComponent("ledger.jsonl")
        let summaryURL = directory.appendingPathComponent("summary.json")
        let summaryTextURL = directory.appendingPathComponent("summary.txt")
        let readmeURL = directory.appendingPathComponent("README.txt")

        try writeFile(ledgerBytes(report.ledger), to: ledgerURL)
        let summary = Array((report.summaryJSON.rendered(indent: 2) + "\n").utf8)
        try writeFile(summary, to: summaryURL)
        let sha = Hex.encode(SHA256.hash(summary))
        let text = report.summaryLines(summarySHA256: sha).joined(separator: "\n") + "\n"
        try writeFile(Array(text.utf8), to: summaryTextURL)
        try writeFile(Array(readme.utf8), to: readmeURL)
        return SmokeReportFiles(
            directory: directory, summaryURL: summaryURL, summarySHA256: sha, summaryTextURL: summaryTextURL,
            readmeURL: readmeURL, ledgerURL: ledgerURL)
    }

    /// Creates a new, empty report folder `<prefix>_<YYYYMMDDTHHMMSSZ>_<6 random characters>` in `base`
    /// (created with its parents when missing); `now` is epoch milliseconds (UTC). The prefix is
    /// `daily_trend_smoke` for smoke tests and `daily_trend_session` for a continuous run's final report.
    ///
    /// The folder is created exclusively, so two runs in the same second never share a folder.
    /// - Throws: ``SmokeReportError/cannotCreateDirectory(path:code:)``.
    public static func makeDirectory(
        in base: URL, now: Int64, prefix: String = "daily_trend_smoke"
    ) throws -> URL {
        try createFolders(base)
        let stamp = compactTimestamp(now)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var lastCode: Int32 = EEXIST
        for _ in 0..<100 {
            let suffix = String((0..<6).map { _ in alphabet.randomElement()! })
            let url = base.appendingPathComponent("\(prefix)_\(stamp)_\(suffix)", isDirectory: true)
            if mkdir(url.path, 0o755) == 0 { return url }
            lastCode = errno
            guard lastCode == EEXIST else { break }
        }
        throw SmokeReportError.cannotCreateDirectory(path: base.path, code: lastCode)
    }

    /// Creates `folder` and its missing parents (mode 0755), keeping the failing `errno` for the message.
    static func createFolders(_ folder: URL) throws {
        var missing: [String] = []
        var path = folder.standardizedFileURL.path
        while !path.isEmpty, path != "/", access(path, F_OK) != 0 {
            missing.append(path)
            path = (path as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() where mkdir(path, 0o755) != 0 {
            let code = errno
            // Another run may have created it in the meantime.
            if code != EEXIST { throw SmokeReportError.cannotCreateDirectory(path: path, code: code) }
        }
    }

    /// `20261121T191326Z`.
    static func compactTimestamp(_ milliseconds: Int64) -> String {
        let time = UTCDateTime(milliseconds: milliseconds)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(time.year, 4) + pad(time.month, 2) + pad(time.day, 2) + "T" + pad(time.hour, 2)
            + pad(time.minute, 2) + pad(time.second, 2) + "Z"
    }

    /// One compact JSON object per record (keys in `LedgerRecord`'s declared order), each ending in a
    /// newline; empty without records.
    static func ledgerBytes(_ ledger: [LedgerRecord]) -> [UInt8] {
        var text = ""
        for record in ledger { text += record.reportJSON.compact + "\n" }
        return Array(text.utf8)
    }

    static func writeFile(_ bytes: [UInt8], to url: URL) throws {
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            throw SmokeReportError.cannotWrite(path: url.path, reason: error.description)
        }
    }

    /// The fixed audit instructions shipped in every report folder.
    static let readme: String = {
        let title = "Daily Trend – paper trading smoke test"
        return [
            title,
            String(repeating: "=", count: title.count),
            "",
            "This folder holds the artefacts of one `run-daily-trend --paper-smoke` run.",
            "",
            "Audit steps:",
            "1. Verify the SHA-256 of summary.json (`sha256sum summary.json`) against the hash in the run's log,",
            "   its alerts and the last line of summary.txt.",
            "2. Copy the content of summary.txt into docs/audit/paper_trading_log.md.",
            "3. Keep ledger.jsonl in the operations repository.",
            "4. Keep the ZIP archive of this folder in the audit vault for at least 24 months.",
        ].joined(separator: "\n") + "\n\n"
    }()
}
