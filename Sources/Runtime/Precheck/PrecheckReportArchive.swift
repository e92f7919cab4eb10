import BotCodecs
import BotCrypto
import BotData
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps pre-check reports as files for the audit trail: one JSON file per run, named by its UTC time and
/// environment, never overwriting an earlier one.
public enum PrecheckReportArchive {
    /// The default folder, relative to the working folder.
    public static let defaultDirectory = "audit/paper_precheck_reports"

    /// Writes `report` to `<directory>/<YYYYMMDDTHHMMSSZ>_<environment token>.json` (`_1`, `_2` … appended
    /// when that name is taken) and returns where it went with the SHA-256 and size of the file's bytes.
    ///
    /// The content is the report's JSON (two-space indent) plus a newline; the hash covers those exact bytes,
    /// so it equals `sha256sum`'s (the reference hashed the text without the newline, §13.19). The name is
    /// claimed with an exclusive create, so two processes writing in the same second get different files;
    /// the content then replaces the empty placeholder atomically.
    ///
    /// - Parameters:
    ///   - environment: names the file; characters outside `[A-Za-z0-9_.-]` become `_`, blank gives
    ///     `unknown_environment`.
    ///   - directory: created with its parents when missing.
    ///   - createdAt: epoch ms, UTC; milliseconds are dropped.
    /// - Throws: ``PrecheckError/archiveFailed(path:reason:)``.
    public static func persist(
        _ report: PrecheckReport, environment: String, directory: URL, createdAt: Int64
    ) throws(PrecheckError) -> PrecheckAuditRecord {
        let seconds = createdAt - ((createdAt % 1000) + 1000) % 1000
        let time = UTCDateTime(milliseconds: seconds)
        let stamp =
            time.dateText.replacingOccurrences(of: "-", with: "") + "T"
            + String(format: "%02d%02d%02dZ", Int(time.hour), Int(time.minute), Int(time.second))
        let stem = "\(stamp)_\(token(environment))"
        let bytes = Array((report.json.rendered() + "\n").utf8)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .archiveFailed(
                path: directory.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        let url = try claim(stem: stem, in: directory)
        do {
            try AtomicFile.write(bytes, to: url)
        } catch {
            unlink(url.path)
            throw .archiveFailed(path: url.path, reason: "\(error)")
        }
        return PrecheckAuditRecord(
            path: url.path, sha256: Hex.encode(SHA256.hash(bytes)), createdAt: time.pythonISOFormat,
            environment: environment, status: report.status.rawValue, sizeBytes: bytes.count)
    }

    /// The environment name as a file-name part.
    static func token(_ environment: String) -> String {
        let part = FileNamePart.sanitized(
            environment.trimmingCharacters(in: .whitespacesAndNewlines), collapsingRuns: true)
        return part.isEmpty ? "unknown_environment" : part
    }

    /// Creates the first free `<stem>.json`, `<stem>_1.json`, … exclusively and returns it.
    private static func claim(stem: String, in directory: URL) throws(PrecheckError) -> URL {
        var attempt = 0
        while true {
            let name = attempt == 0 ? "\(stem).json" : "\(stem)_\(attempt).json"
            let url = directory.appendingPathComponent(name)
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                close(descriptor)
                return url
            }
            let code = errno
            guard code == EEXIST, attempt < 10_000 else {
                throw .archiveFailed(path: url.path, reason: String(cString: strerror(code)))
            }
            attempt += 1
        }
    }
}
