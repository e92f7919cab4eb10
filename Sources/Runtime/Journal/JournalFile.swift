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

    /// Writes what is pending to the current file, then opens `url` as day `day`'s file.
    func open(_ url: URL, day: Int64) throws(DecisionJournalError) {
        try writePending()
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
        self.day = nil
        self.url = nil
        do {
            // The shared writer creates the folders with the exact file mode and completes or removes a
            // line a crash left unterminated; the chunked appends below then start on a fresh line.
            let repair = try JSONLinesWriter(url: url, durability: .onFlush)
            try repair.close()
        } catch {
            throw .cannotOpen(path: url.path, reason: error.description)
        }
        let opened = Glibc.open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard opened >= 0 else { throw .cannotOpen(path: url.path, reason: Self.reason(errno)) }
        descriptor = opened
        self.day = day
        self.url = url
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
