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
