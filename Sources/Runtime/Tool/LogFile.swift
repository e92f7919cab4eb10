import Foundation

/// A file log lines are appended to (`--log-file PATH`), shared by every copy of a ``Logger``.
public final class LogFile: @unchecked Sendable {
    // Safety: `handle` is written only while holding `lock`, so lines from concurrent tasks never interleave.
    private let lock = NSLock()
    private let handle: FileHandle
    /// The file's path.
    public let path: String

    /// Opens `path` for appending, creating it (mode 0644) and its missing parent folders.
    ///
    /// - Throws: ``LoggingError/cannotOpenLogFile(path:reason:)``.
    public init(path: String) throws(LoggingError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !manager.fileExists(atPath: path) {
                guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]) else {
                    throw LoggingError.cannotOpenLogFile(path: path, reason: "the file could not be created")
                }
            }
            handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
        } catch let error as LoggingError {
            throw error
        } catch {
            throw LoggingError.cannotOpenLogFile(path: path, reason: error.localizedDescription)
        }
    }

    deinit {
        try? handle.close()
    }

    /// Appends `text`; a failing write is dropped, because the log is the place failures would be reported.
    func append(_ text: String) {
        lock.withLock {
            try? handle.write(contentsOf: Data(text.utf8))
        }
    }
}

/// Why logging could not be set up.
public enum LoggingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--log-file` path cannot be created or opened for appending.
    case cannotOpenLogFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpenLogFile(let path, let reason):
            "cannot open log file \(path): \(reason). Check that the folder is writable, or pass another --log-file."
        }
    }
}
