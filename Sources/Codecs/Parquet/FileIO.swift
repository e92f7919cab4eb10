#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The POSIX file operations Parquet needs: positioned reads of an open file and atomic whole-file
/// writes. Failures carry the path and `strerror` text.
enum FileIO {
    /// Writes `bytes` to a temporary file next to `path`, flushes it, and renames it over `path`.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ParquetError) {
        let folderEnd = path.lastIndex(of: "/")
        let folder = folderEnd.map { String(path[..<$0]) } ?? "."
        let name = folderEnd.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = "\(folder.isEmpty ? "" : folder)/.\(name).tmp-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error("create", temporary) }
        var failure: ParquetError?
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = error("write", temporary)
                    return
                }
                written += result
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = error("fsync", temporary) }
        if close(descriptor) != 0, failure == nil { failure = error("close", temporary) }
        if failure == nil, rename(temporary, path) != 0 { failure = error("rename to \(path)", temporary) }
        if let failure {
            unlink(temporary)
            throw failure
        }
        // Persist the rename itself.
        let folderDescriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    static func error(_ operation: String, _ path: String) -> ParquetError {
        .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }
}

/// An open file read with `pread`, closed when released.
final class ReadableFile {
    let path: String
    let descriptor: Int32
    let size: Int

    init(path: String) throws(ParquetError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileIO.error("open", path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let failure = FileIO.error("stat", path)
            close(descriptor)
            throw failure
        }
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Reads `count` bytes at `offset`; the caller has checked the range lies within ``size``.
    func read(at offset: Int, count: Int) throws(ParquetError) -> [UInt8] {
        var failure: ParquetError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let result = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = FileIO.error("read", path)
                    return
                }
                if result == 0 {
                    failure = .notParquet(path: path, reason: "the file shrank while being read")
                    return
                }
                done += result
            }
            initialized = count
        }
        if let failure { throw failure }
        return bytes
    }
}
