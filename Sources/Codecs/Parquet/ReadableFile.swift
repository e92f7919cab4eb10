#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Fills `buffer` from `offset`; the caller has checked the range lies within ``size``.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ParquetError) {
        var done = 0
        while done < buffer.count {
            let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                throw FileIO.error("read", path)
            }
            if result == 0 { throw .notParquet(path: path, reason: "the file shrank while being read") }
            done += result
        }
    }

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
