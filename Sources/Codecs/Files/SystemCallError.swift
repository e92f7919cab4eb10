#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call on a path, with its `errno`. Each file format wraps it in its own error enum at
/// the public boundary, so callers only ever see `ZIPError`, `CSVError`, `JSONLinesError` or
/// `AtomicFileError`.
struct SystemCallError: Error, Sendable, Equatable {
    /// The call or step that failed, in words ("open", "write", "fsync").
    let operation: String
    let path: String
    let code: Int32

    /// The C library's text for `code`, e.g. "No space left on device".
    var reason: String { Self.reason(for: code) }

    static func reason(for code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }

    /// What an operator can do about `code`.
    static func advice(for code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: "free space and re-run"
        case EACCES, EPERM: "check the permissions of the file and its folder"
        case EROFS: "the file system is read-only; write somewhere else"
        case ENOENT, ENOTDIR: "check that the folder exists and is a folder"
        case EISDIR: "the path is a folder; pass a file path"
        case EMFILE, ENFILE: "too many open files; raise the limit (ulimit -n) or close other programs"
        case EIO: "the disk reported an I/O error; check the device"
        default: "fix the cause and re-run"
        }
    }
}
