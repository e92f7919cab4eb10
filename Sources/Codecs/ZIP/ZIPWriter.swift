import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a ZIP archive (PKWARE APPNOTE, without ZIP64) entry by entry, streaming to disk.
///
/// Entries are deflated, or stored when deflate does not make them smaller; names are UTF-8 (flag bit
/// 11); no extra fields, a fixed "version made by" and fixed Unix attributes are written, so the bytes
/// depend only on the entries (see ``Options``). The archive is written to a temporary file next to the
/// target and renamed into place by ``finish()``, so the target is never a half-written archive.
///
/// Not `Sendable`: one owner adds entries. A writer that is dropped without ``finish()`` removes its
/// temporary file.
public final class ZIPWriter {
    /// The archive being written.
    public let url: URL
    private let options: Options
    private let limits: Limits
    private let temporaryPath: String
    private var file: FileDescriptor?
    private var offset: Int64 = 0
    private var headers: [ZIPHeader] = []
    private var names: Set<String> = []
    private var readBuffer: [UInt8] = []

    /// Starts an archive at `url` (replacing any file there when ``finish()`` succeeds).
    public convenience init(url: URL, options: Options = Options()) throws(ZIPError) {
        try self.init(url: url, options: options, limits: .classic)
    }

    init(url: URL, options: Options, limits: Limits) throws(ZIPError) {
        self.url = url
        self.options = options
        self.limits = limits
        temporaryPath = AtomicFile.temporaryPath(for: url)
        do {
            let file = try FileDescriptor(path: temporaryPath, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
            try file.setMode(options.archiveMode.systemValue)
            self.file = file
        } catch {
            unlink(temporaryPath)
            throw ZIPError(error)
        }
    }

    deinit {
        if file != nil { unlink(temporaryPath) }
    }

    /// Writes `entries` to a new archive at `url`, in the given order or sorted by name when
    /// ``Options/sortsEntriesByName`` is set.
    public static func write(_ entries: [Entry], to url: URL, options: Options = Options()) throws(ZIPError) {
        try write(entries, to: url, options: options, limits: .classic)
    }

    static func write(_ entries: [Entry], to url: URL, options: Options, limits: Limits) throws(ZIPError) {
        let ordered =
            options.sortsEntriesByName
            ? entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) } : entries
        let writer = try ZIPWriter(url: url, options: options, limits: limits)
        for entry in ordered { try writer.add(entry) }
        try writer.finish()
    }

    /// Adds one entry.
    public func add(_ entry: Entry) throws(ZIPError) {
        switch entry.source {
        case .bytes(let bytes): try addFile(named: entry.name, bytes: bytes, date: entry.date)
        case .file(let source): try addFile(named: entry.name, contentsOf: source, date: entry.date)
        }
    }

    /// Adds an entry holding `bytes`.
    public func addFile(named name: String, bytes: [UInt8], date: DOSDateTime? = nil) throws(ZIPError) {
        var header = try prepare(name: name, date: date)
        guard Int64(bytes.count) <= limits.maxFieldValue else {
            throw .entryNeedsZIP64(entry: name, size: Int64(bytes.count))
        }
        let crc = Zlib.crc32(bytes)
        let compressed: [UInt8]
        do {
            compressed = try Zlib.compress(bytes, format: .raw, level: options.compressionLevel)
        } catch {
            throw .compression(entry: name, reason: error.description)
        }
        let deflated = compressed.count < bytes.count
        header.method = deflated ? .deflated : .stored
        header.crc32 = crc
        header.compressedSize = UInt32(deflated ? compressed.count : bytes.count)
        header.uncompressedSize = UInt32(bytes.count)
        try writingSystemCalls { () throws(SystemCallError) in
            try output().write(header.encodedLocal(), at: offset)
            try output().write(deflated ? compressed : bytes, at: offset + Int64(header.localSize))
        }
        commit(header)
    }

    /// Adds an entry holding the contents of the file at `source`, read in chunks.
    public func addFile(named name: String, contentsOf source: URL, date: DOSDateTime? = nil) throws(ZIPError) {
        var header = try prepare(name: name, date: date)
        let input: FileDescriptor
        do {
            input = try FileDescriptor.reading(source.path)
        } catch {
            throw ZIPError(error)
        }
        let size: Int64
        do {
            size = try input.size()
        } catch {
            throw ZIPError(error)
        }
        guard size <= limits.maxFieldValue else { throw .entryNeedsZIP64(entry: name, size: size) }
        let dataStart = offset + Int64(header.localSize)
        try writing { () throws(ZIPError) in
            // First pass: deflate while copying; stop as soon as deflate stops paying off.
            let deflater: DeflateStream
            do throws(ZlibError) {
                deflater = try DeflateStream(level: options.compressionLevel)
            } catch {
                throw .compression(entry: name, reason: error.description)
            }
            var crc: UInt32 = 0
            var total: Int64 = 0
            var written: Int64 = 0
            var compressed: [UInt8] = []
            var deflated = true
            var readToEnd = false
            while true {
                let count = try read(from: input, at: total)
                crc = readBuffer.withUnsafeBytes {
                    Zlib.crc32(UnsafeRawBufferPointer(rebasing: $0[..<count]), initial: crc)
                }
                total += Int64(count)
                guard total <= limits.maxFieldValue else { throw .entryNeedsZIP64(entry: name, size: total) }
                compressed.removeAll(keepingCapacity: true)
                do throws(ZlibError) {
                    try readBuffer.withUnsafeBytes { buffer in
                        Result { () throws(ZlibError) in
                            try deflater.compress(
                                UnsafeRawBufferPointer(rebasing: buffer[..<count]), finish: count == 0,
                                into: &compressed)
                        }
                    }.get()
                } catch {
                    throw .compression(entry: name, reason: error.description)
                }
                do throws(SystemCallError) {
                    try output().write(compressed, at: dataStart + written)
                } catch {
                    throw ZIPError(error)
                }
                written += Int64(compressed.count)
                readToEnd = count == 0
                // Deflate lost: it already exceeds the whole file, or ended no smaller than it.
                if written > size || (readToEnd && written >= total) {
                    deflated = false
                    break
                }
                if readToEnd { break }
            }
            if deflated {
                header.method = .deflated
                header.compressedSize = UInt32(written)
            } else {
                // Second pass: store the bytes as they are, checking the file did not change in between.
                let (storedCRC, storedTotal) = try copy(from: input, to: dataStart, expectedSize: size)
                if readToEnd {
                    guard storedCRC == crc, storedTotal == total else { throw .sourceChanged(path: source.path) }
                }
                crc = storedCRC
                total = storedTotal
                header.method = .stored
                header.compressedSize = UInt32(total)
            }
            guard total == size else { throw .sourceChanged(path: source.path) }
            header.crc32 = crc
            header.uncompressedSize = UInt32(total)
            do throws(SystemCallError) {
                try output().write(header.encodedLocal(), at: offset)
            } catch {
                throw ZIPError(error)
            }
        }
        commit(header)
    }

    /// Writes the central directory and end record, flushes the archive to disk and renames it into place.
    public func finish() throws(ZIPError) {
        let directoryOffset = offset
        try writing { () throws(ZIPError) in
            guard directoryOffset <= limits.maxFieldValue else {
                throw .offsetNeedsZIP64(entry: "the central directory", offset: directoryOffset)
            }
            var central = ZIPBytes()
            for header in headers { header.appendCentral(to: &central) }
            var directory = central.bytes
            guard Int64(directory.count) <= limits.maxFieldValue else {
                throw .offsetNeedsZIP64(entry: "the end record", offset: directoryOffset + Int64(directory.count))
            }
            directory += ZIPHeader.encodedEnd(
                entryCount: UInt16(headers.count), directorySize: UInt32(directory.count),
                directoryOffset: UInt32(directoryOffset))
            do throws(SystemCallError) {
                let file = try output()
                try file.write(directory, at: directoryOffset)
                try file.sync()
                try file.close()
                self.file = nil
                guard rename(temporaryPath, url.path) == 0 else {
                    throw SystemCallError(operation: "rename", path: url.path, code: errno)
                }
                try FileDescriptor.syncFolder(url.deletingLastPathComponent().path)
            } catch {
                throw ZIPError(error)
            }
        }
    }

    // MARK: - Steps

    /// Checks the name and the entry count, before anything is written.
    private func prepare(name: String, date: DOSDateTime?) throws(ZIPError) -> ZIPHeader {
        guard file != nil else { throw .writerClosed(path: url.path) }
        try Self.validate(name: name)
        guard !names.contains(name) else { throw .duplicateName(name) }
        guard headers.count < limits.maxEntryCount else { throw .tooManyEntries(limit: limits.maxEntryCount) }
        guard offset <= limits.maxFieldValue else { throw .offsetNeedsZIP64(entry: name, offset: offset) }
        return ZIPHeader(
            name: Array(name.utf8), method: .stored, date: date ?? options.fixedDate,
            localHeaderOffset: UInt32(offset), unixMode: options.entryMode.rawValue)
    }

    private func commit(_ header: ZIPHeader) {
        headers.append(header)
        names.insert(String(decoding: header.name, as: UTF8.self))
        offset += Int64(header.localSize) + Int64(header.compressedSize)
    }

    /// Runs a step that writes to the archive; any failure abandons the archive (the temporary file is
    /// removed and the writer closed), because the file no longer matches the recorded entries.
    private func writing(_ body: () throws(ZIPError) -> Void) throws(ZIPError) {
        do {
            try body()
        } catch {
            abandon()
            throw error
        }
    }

    private func writingSystemCalls(_ body: () throws(SystemCallError) -> Void) throws(ZIPError) {
        try writing { () throws(ZIPError) in
            do throws(SystemCallError) { try body() } catch { throw ZIPError(error) }
        }
    }

    private func abandon() {
        if let file {
            try? file.close()
            unlink(temporaryPath)
        }
        file = nil
    }

    private func output() throws(SystemCallError) -> FileDescriptor {
        guard let file else { throw SystemCallError(operation: "write", path: temporaryPath, code: EBADF) }
        return file
    }

    /// Reads the next chunk of `input` at `position` into `readBuffer`; 0 at end of file.
    private func read(from input: FileDescriptor, at position: Int64) throws(ZIPError) -> Int {
        if readBuffer.isEmpty { readBuffer = [UInt8](repeating: 0, count: 256 * 1024) }
        do {
            return try readBuffer.withUnsafeMutableBytes { buffer in
                Result { () throws(SystemCallError) in try input.read(into: buffer, at: position) }
            }.get()
        } catch {
            throw ZIPError(error)
        }
    }

    /// Copies `input` unchanged to the archive at `destination`; returns its CRC-32 and size, which must
    /// be `expectedSize`.
    private func copy(
        from input: FileDescriptor, to destination: Int64, expectedSize: Int64
    ) throws(ZIPError) -> (crc: UInt32, size: Int64) {
        var crc: UInt32 = 0
        var total: Int64 = 0
        do {
            try output().truncate(to: destination)
        } catch {
            throw ZIPError(error)
        }
        while true {
            let count = try read(from: input, at: total)
            if count == 0 { break }
            total += Int64(count)
            guard total <= expectedSize else { throw .sourceChanged(path: input.path) }
            do {
                try readBuffer.withUnsafeBytes { buffer in
                    let chunk = UnsafeRawBufferPointer(rebasing: buffer[..<count])
                    crc = Zlib.crc32(chunk, initial: crc)
                    return Result { () throws(SystemCallError) in
                        try output().write(chunk, at: destination + total - Int64(count))
                    }
                }.get()
            } catch {
                throw ZIPError(error)
            }
        }
        guard total == expectedSize else { throw .sourceChanged(path: input.path) }
        return (crc, total)
    }
}
