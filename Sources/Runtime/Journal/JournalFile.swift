import BotCodecs
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The open file of one journal day and the lines not yet written to it.
///
/// Not `Sendable`: owned by ``JSONLDecisionJournal``. Lines are buffered and written in chunks with one
/// `write(2)` each on an `O_APPEND` descriptor, so a chunk never interleaves with another appender's
/// writes; pending lines are written when the owner goes away.
final class JournalFile {
    /// Rendered lines (each ending in `\n`) not yet written.
    var buffer: [UInt8] = []
    /// How many events ``buffer`` holds.
    var pendingEvents = 0
    private(set) var day: Int64?
    private(set) var url: URL?
    private var descriptor: Int32 = -1

    init() { buffer.reserveCapacity(Self.chunkBytes + 4096) }

    /// Buffered bytes past which the owner writes them out.
    static let chunkBytes = 256 * 1024

    deinit {
        try? writePending()
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    /// Writes what is pending to the current file, then opens `url` as day `day`'s file, creating it (and
    /// its folders) when absent. With `durable`, a new file's folder entry is flushed to the device too.
    func open(_ url: URL, day: Int64, durable: Bool) throws(DecisionJournalError) {
        try writePending()
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
        self.day = nil
        self.url = nil
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let existed = access(path, F_OK) == 0
        if existed {
            // The shared writer completes or removes a line a crash left unterminated, so the chunked
            // appends below start on a fresh line.
            do {
                let repair = try JSONLinesWriter(url: url, durability: .onFlush)
                try repair.close()
            } catch {
                throw .cannotOpen(path: path, reason: error.description)
            }
        } else if let failure = Self.createFolders(folder) {
            throw .cannotOpen(path: path, reason: failure)
        }
        let opened = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw .cannotOpen(path: path, reason: Self.reason(errno)) }
        descriptor = opened
        self.day = day
        self.url = url
        if durable && !existed {
            // A replay opens one file per day, so the folder is synced only when durability was asked for.
            let folderDescriptor = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folderDescriptor >= 0 else { throw .syncFailed(path: folder, reason: Self.reason(errno)) }
            defer { _ = Glibc.close(folderDescriptor) }
            guard fsync(folderDescriptor) == 0 else { throw .syncFailed(path: folder, reason: Self.reason(errno)) }
        }
    }

    /// Creates `folder` and its missing parents; returns why it failed, naming the folder, or nil.
    static func createFolders(_ folder: String) -> String? {
        var prefix = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                return "cannot create folder \(prefix): \(reason(errno))"
            }
        }
        var status = stat()
        guard stat(folder, &status) == 0 else { return "cannot use folder \(folder): \(reason(errno))" }
        guard status.st_mode & S_IFMT == S_IFDIR else { return "\(folder) is not a folder" }
        return nil
    }

    /// Writes the buffered lines; on failure they are dropped (and reported) so memory stays bounded.
    func writePending() throws(DecisionJournalError) {
        guard !buffer.isEmpty else { return }
        let events = pendingEvents
        defer {
            buffer.removeAll(keepingCapacity: true)
            pendingEvents = 0
        }
        let path = url?.path ?? "(no file open)"
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: "the file is not open", events: events) }
        let failure: Int32? = buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .writeFailed(path: path, reason: Self.reason(failure), events: events) }
    }

    /// Flushes written lines to the device.
    func sync() throws(DecisionJournalError) {
        guard descriptor >= 0, let url else { return }
        guard fsync(descriptor) == 0 else { throw .syncFailed(path: url.path, reason: Self.reason(errno)) }
    }

    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}
