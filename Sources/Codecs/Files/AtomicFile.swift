import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file replacement that readers observe as all-or-nothing: they see the old file or the new one,
/// never a partial write, even across a crash or power failure.
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically with permission bits `mode`.
    ///
    /// The bytes go to a temporary file in the same folder, which is flushed to disk and renamed over the
    /// target; then the folder is flushed so the rename itself is durable. On any failure before the
    /// rename the temporary file is removed and the previous file is left as it was.
    /// - Parameter createFolders: create missing parent folders (mode 0755) first.
    public static func write(
        _ bytes: UnsafeRawBufferPointer, to url: URL, mode: FileMode = .readableByAll, createFolders: Bool = false
    ) throws(AtomicFileError) {
        try write(
            bytes, to: url, mode: mode, createFolders: createFolders, beforeStep: { _ throws(SystemCallError) in })
    }

    /// The write with a hook that runs before each step after the temporary file exists; tests make it
    /// throw to simulate a failing disk (as root, permissions cannot be used to make a step fail).
    static func write(
        _ bytes: UnsafeRawBufferPointer, to url: URL, mode: FileMode, createFolders: Bool,
        beforeStep: (AtomicFileError.Step) throws(SystemCallError) -> Void
    ) throws(AtomicFileError) {
        let target = url.path
        let folder = url.deletingLastPathComponent().path
        if createFolders {
            do {
                try FileDescriptor.createFolders(folder)
            } catch {
                throw .failed(step: .createFolder, target: target, path: error.path, code: error.code)
            }
        }
        let temporary = temporaryPath(for: url)
        let file: FileDescriptor
        do {
            file = try FileDescriptor(path: temporary, flags: O_WRONLY | O_CREAT | O_EXCL, mode: 0o600)
        } catch {
            throw .failed(step: .createTemporaryFile, target: target, path: temporary, code: error.code)
        }
        var step = AtomicFileError.Step.setPermissions
        do throws(SystemCallError) {
            try beforeStep(step)
            try file.setMode(mode.systemValue)
            step = .write
            try beforeStep(step)
            try file.write(bytes)
            step = .sync
            try beforeStep(step)
            try file.sync()
            step = .close
            try beforeStep(step)
            try file.close()
            step = .rename
            try beforeStep(step)
            guard rename(temporary, target) == 0 else {
                throw SystemCallError(operation: "rename", path: target, code: errno)
            }
        } catch {
            try? file.close()
            unlink(temporary)
            throw .failed(step: step, target: target, path: step == .rename ? target : temporary, code: error.code)
        }
        do {
            try FileDescriptor.syncFolder(folder)
        } catch {
            throw .failed(step: .syncFolder, target: target, path: folder, code: error.code)
        }
    }

    /// Writes `bytes` to `url` atomically; see ``write(_:to:mode:createFolders:)-(UnsafeRawBufferPointer,_,_,_)``.
    public static func write(
        _ bytes: some ContiguousBytes, to url: URL, mode: FileMode = .readableByAll, createFolders: Bool = false
    ) throws(AtomicFileError) {
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(AtomicFileError) in
                try write(buffer, to: url, mode: mode, createFolders: createFolders)
            }
        }.get()
    }

    /// A sibling name that is hidden, unique per call and recognisable as ours if a crash leaves it.
    /// The name is shortened when needed so a target with a long (but legal) name still gets a legal one.
    static func temporaryPath(for url: URL) -> String {
        let suffix = ".tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        var stem = Substring(url.lastPathComponent)
        // NAME_MAX is 255 bytes on Linux and macOS file systems.
        while 1 + stem.utf8.count + suffix.utf8.count > 255 { stem = stem.dropLast() }
        return url.deletingLastPathComponent().appendingPathComponent("." + stem + suffix).path
    }
}
