import BotCodecs
import BotCrypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Packs a smoke report folder into a ZIP archive for the audit vault (`--archive-smoke`).
public enum SmokeArchive {
    /// Writes `<directory>.zip` next to `directory`, holding the four report files (and the run's
    /// ``SmokeReportFiles/companionFileNames`` when present) at the archive root,
    /// deflated, sorted by name, with fixed timestamps and permissions: the same files always give the
    /// same archive bytes (and SHA-256), unlike the reference's directory-order archives.
    /// - Throws: ``SmokeReportError/missingReportFile(path:)`` when a report file is absent,
    ///   ``SmokeReportError/cannotWrite(path:reason:)`` or ``SmokeReportError/cannotRead(path:code:)``.
    public static func create(from directory: URL) throws -> SmokeArchiveResult {
        let folder = directory.standardizedFileURL
        let archiveURL = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".zip")
        var entries: [ZIPWriter.Entry] = []
        for name in SmokeReportFiles.fileNames {
            let file = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw SmokeReportError.missingReportFile(path: file.path)
            }
            entries.append(.file(file, named: name))
        }
        for name in SmokeReportFiles.companionFileNames
        where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            entries.append(.file(folder.appendingPathComponent(name), named: name))
        }
        do {
            try ZIPWriter.write(entries, to: archiveURL, options: ZIPWriter.Options(sortsEntriesByName: true))
        } catch {
            throw SmokeReportError.cannotWrite(path: archiveURL.path, reason: error.description)
        }
        let (sha, size) = try digest(of: archiveURL)
        return SmokeArchiveResult(url: archiveURL, sha256: sha, sizeBytes: size)
    }

    /// The SHA-256 and size of a file, read in chunks.
    static func digest(of url: URL) throws -> (sha256: String, size: Int64) {
        guard let handle = fopen(url.path, "rb") else { throw SmokeReportError.cannotRead(path: url.path, code: errno) }
        defer { fclose(handle) }
        var hash = SHA256()
        var size: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 {
                buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                size += Int64(count)
            }
            if count < buffer.count {
                if ferror(handle) != 0 { throw SmokeReportError.cannotRead(path: url.path, code: errno) }
                break
            }
        }
        return (Hex.encode(hash.finalize()), size)
    }
}
