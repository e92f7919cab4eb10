#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open POSIX file descriptor with the loops the raw calls need (`EINTR`, short reads and writes).
/// Not `Sendable`: one owner reads or writes it, and `deinit` closes it if `close()` was not called.
final class FileDescriptor {
    let path: String
    private var raw: Int32

    /// Opens `path` with `open(2)` flags; `O_CLOEXEC` is always added.
    init(path: String, flags: Int32, mode: mode_t = 0o644) throws(SystemCallError) {
        self.path = path
        var descriptor: Int32
        repeat {
            descriptor = open(path, flags | O_CLOEXEC, mode)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw SystemCallError(operation: "open", path: path, code: errno) }
        raw = descriptor
    }

    deinit {
        if raw >= 0 { _ = systemClose(raw) }
    }

    /// Opens an existing file for reading.
    static func reading(_ path: String) throws(SystemCallError) -> FileDescriptor {
        try FileDescriptor(path: path, flags: O_RDONLY)
    }

    /// Writes all of `buffer` at the current position (or at the end with `O_APPEND`).
    func write(_ buffer: UnsafeRawBufferPointer) throws(SystemCallError) {
        var done = 0
        while done < buffer.count {
            let written = systemWrite(raw, buffer.baseAddress! + done, buffer.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(operation: "write", path: path, code: errno)
            }
            done += written
        }
    }

    func write(_ bytes: [UInt8]) throws(SystemCallError) {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(SystemCallError) in try write(buffer) }
        }.get()
    }

    /// Writes all of `buffer` at `offset` without moving the file position.
    func write(_ buffer: UnsafeRawBufferPointer, at offset: Int64) throws(SystemCallError) {
        var done = 0
        while done < buffer.count {
            let written = pwrite(raw, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(operation: "write", path: path, code: errno)
            }
            done += written
        }
    }

    func write(_ bytes: [UInt8], at offset: Int64) throws(SystemCallError) {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(SystemCallError) in try write(buffer, at: offset) }
        }.get()
    }

    /// Reads up to `buffer.count` bytes at the current position; 0 means end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> Int {
        while true {
            let count = systemRead(raw, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw SystemCallError(operation: "read", path: path, code: errno) }
        }
    }

    /// Fills `buffer` from `offset` unless the file ends first; returns how many bytes were read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(SystemCallError) -> Int {
        var done = 0
        while done < buffer.count {
            let count = pread(raw, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(operation: "read", path: path, code: errno)
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Up to `count` bytes from `offset` (fewer when the file ends first).
    func read(count: Int, at offset: Int64) throws(SystemCallError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(SystemCallError) in try read(into: buffer, at: offset) }
        }.get()
        bytes.removeSubrange(got...)
        return bytes
    }

    /// The file's size from `fstat(2)`.
    func size() throws(SystemCallError) -> Int64 {
        var info = stat()
        guard fstat(raw, &info) == 0 else { throw SystemCallError(operation: "stat", path: path, code: errno) }
        return Int64(info.st_size)
    }

    /// Sets the permission bits exactly (the process umask does not apply, unlike `open`'s mode).
    func setMode(_ mode: mode_t) throws(SystemCallError) {
        guard fchmod(raw, mode) == 0 else { throw SystemCallError(operation: "chmod", path: path, code: errno) }
    }

    func truncate(to size: Int64) throws(SystemCallError) {
        guard ftruncate(raw, off_t(size)) == 0 else {
            throw SystemCallError(operation: "truncate", path: path, code: errno)
        }
    }

    /// Takes an exclusive advisory lock (`flock(2)`), waiting for other holders. Writers that share a file
    /// — in this process or another — hold it while appending, so none sees another's half-written line.
    func lockExclusively() throws(SystemCallError) {
        while flock(raw, LOCK_EX) != 0 {
            if errno != EINTR { throw SystemCallError(operation: "lock", path: path, code: errno) }
        }
    }

    /// Releases the lock taken by ``lockExclusively()``.
    func unlock() {
        _ = flock(raw, LOCK_UN)
    }

    /// Flushes the file's data and metadata to the device (`fsync(2)`).
    func sync() throws(SystemCallError) {
        while fsync(raw) != 0 {
            if errno != EINTR { throw SystemCallError(operation: "fsync", path: path, code: errno) }
        }
    }

    /// Closes the descriptor; a failed `close` can report a delayed write error, so it is surfaced.
    func close() throws(SystemCallError) {
        guard raw >= 0 else { return }
        let descriptor = raw
        raw = -1
        // Retrying close after EINTR can close a descriptor another thread just opened; don't.
        if systemClose(descriptor) != 0 && errno != EINTR {
            throw SystemCallError(operation: "close", path: path, code: errno)
        }
    }

    /// Makes a rename or create inside `folder` durable (`fsync` of the folder itself).
    static func syncFolder(_ folder: String) throws(SystemCallError) {
        let descriptor = try FileDescriptor(path: folder, flags: O_RDONLY | O_DIRECTORY)
        do {
            try descriptor.sync()
        } catch  where error.code == EINVAL {
            // Some file systems cannot fsync a folder; nothing more can be done there.
        }
        try descriptor.close()
    }

    /// Creates `path` and its missing parents with mode 0755, like `mkdir -p`.
    static func createFolders(_ path: String) throws(SystemCallError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) == 0 { continue }
            let code = errno
            var info = stat()
            if code == EEXIST && stat(current, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { continue }
            throw SystemCallError(operation: "mkdir", path: current, code: code == EEXIST ? ENOTDIR : code)
        }
    }
}

// The free functions `read`, `write` and `close` are shadowed by the methods above inside the class.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
private func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}
