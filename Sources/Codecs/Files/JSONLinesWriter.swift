import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends records to a JSON Lines file (journals, audit logs), one JSON value per line.
///
/// Each record reaches the file in a single `write(2)` on a descriptor opened with `O_APPEND`, so
/// concurrent appenders never interleave within a line, and a crash leaves at most one incomplete final
/// line. By default every append is flushed to disk before it returns; with ``Durability/onFlush`` the
/// caller batches appends and calls ``flush()``.
///
/// Not `Sendable`: one owner (usually an actor) appends. The file stays open until ``close()`` or deinit.
public final class JSONLinesWriter {
    /// When appended records are flushed to the device with `fsync(2)`.
    public enum Durability: Sendable {
        /// After every append (the default): a record that was appended survives a power failure.
        case eachAppend
        /// Only on ``JSONLinesWriter/flush()``: faster for batches; unflushed records may be lost.
        case onFlush
    }

    /// The file being appended to.
    public let url: URL
    /// The bytes of an incomplete final line that were removed on open (left by a crash mid-append), or 0.
    public let discardedPartialLineBytes: Int

    private let durability: Durability
    private let encoder: JSONEncoder
    private var file: FileDescriptor?
    private var needsSync = false

    /// Opens `url` for appending, creating it with permission bits `mode` (and its missing parent folders)
    /// when absent.
    ///
    /// If the file ends in an incomplete line (an append interrupted by a crash), that line is completed
    /// with a newline when it is valid JSON and removed otherwise, so later appends start on a fresh line.
    /// - Parameter mode: ``FileMode/ownerOnly`` for files that may hold operator data.
    public init(url: URL, mode: FileMode = .readableByAll, durability: Durability = .eachAppend)
        throws(JSONLinesError)
    {
        self.url = url
        self.durability = durability
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
        let path = url.path
        do {
            try FileDescriptor.createFolders(url.deletingLastPathComponent().path)
            let existed = access(path, F_OK) == 0
            let file = try FileDescriptor(path: path, flags: O_RDWR | O_CREAT | O_APPEND, mode: mode.systemValue)
            if !existed {
                // open's mode is filtered by the umask; the caller asked for exact bits.
                try file.setMode(mode.systemValue)
                try FileDescriptor.syncFolder(url.deletingLastPathComponent().path)
            }
            // Under the lock, so a concurrent writer's in-flight line is never mistaken for a crash leftover.
            try file.lockExclusively()
            defer { file.unlock() }
            self.discardedPartialLineBytes = try Self.repairPartialLine(of: file)
            self.file = file
        } catch {
            throw JSONLinesError(error)
        }
    }

    deinit {
        if needsSync, let file { try? file.sync() }
    }

    /// Appends `value` as one line of JSON with sorted keys.
    public func append(_ value: some Encodable) throws(JSONLinesError) {
        var line: Data
        do {
            line = try encoder.encode(value)
        } catch {
            throw .encoding(path: url.path, reason: String(describing: error))
        }
        line.append(0x0A)
        try line.withUnsafeBytes { buffer in
            Result { () throws(JSONLinesError) in try appendLine(buffer) }
        }.get()
    }

    /// Appends a record the caller already rendered as compact JSON (no line breaks); a newline is added.
    public func append(json: String) throws(JSONLinesError) {
        var line = Array(json.utf8)
        guard !line.contains(0x0A), !line.contains(0x0D) else { throw .lineBreakInRecord(path: url.path) }
        line.append(0x0A)
        try line.withUnsafeBytes { buffer in
            Result { () throws(JSONLinesError) in try appendLine(buffer) }
        }.get()
    }

    /// Flushes appended records to the device; needed only with ``Durability/onFlush``.
    public func flush() throws(JSONLinesError) {
        guard let file else { throw .closed(path: url.path) }
        guard needsSync else { return }
        do {
            try file.sync()
        } catch {
            throw JSONLinesError(error)
        }
        needsSync = false
    }

    /// Flushes and closes the file. Further appends throw ``JSONLinesError/closed(path:)``.
    public func close() throws(JSONLinesError) {
        guard let file else { return }
        try flush()
        self.file = nil
        do {
            try file.close()
        } catch {
            throw JSONLinesError(error)
        }
    }

    private func appendLine(_ line: UnsafeRawBufferPointer) throws(JSONLinesError) {
        guard let file else { throw .closed(path: url.path) }
        do {
            try file.lockExclusively()
            defer { file.unlock() }
            try file.write(line)
            needsSync = true
            if durability == .eachAppend {
                try file.sync()
                needsSync = false
            }
        } catch {
            throw JSONLinesError(error)
        }
    }

    /// Completes or removes an unterminated final line; returns how many bytes were removed.
    private static func repairPartialLine(of file: FileDescriptor) throws(SystemCallError) -> Int {
        let size = try file.size()
        guard size > 0, try file.read(count: 1, at: size - 1) != [0x0A] else { return 0 }
        // Look back for the last newline in bounded steps; a record is rarely longer than a few KiB.
        let step: Int64 = 64 * 1024
        var start = size
        var tail: [UInt8] = []
        while start > 0 {
            let from = max(0, start - step)
            let chunk = try file.read(count: Int(start - from), at: from)
            if let newline = chunk.lastIndex(of: 0x0A) {
                tail = Array(chunk[(newline + 1)...]) + tail
                start = from + Int64(newline) + 1
                break
            }
            tail = chunk + tail
            start = from
        }
        if (try? JSONSerialization.jsonObject(with: Data(tail), options: [.fragmentsAllowed])) != nil {
            try file.write([0x0A])
            try file.sync()
            return 0
        }
        try file.truncate(to: start)
        try file.sync()
        return tail.count
    }
}
