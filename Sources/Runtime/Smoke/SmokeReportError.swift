import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a smoke-test report artefact (report folder, file, archive or audit log) could not be written or read.
public enum SmokeReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report folder (or a parent) could not be created; `code` is the `errno`.
    case cannotCreateDirectory(path: String, code: Int32)
    /// A file could not be written; `reason` is the underlying operator message (it names the step and the fix).
    case cannotWrite(path: String, reason: String)
    /// A file could not be read; `code` is the `errno`.
    case cannotRead(path: String, code: Int32)
    /// A file the archive needs is missing from the report folder.
    case missingReportFile(path: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let code):
            "cannot create the smoke report folder \(path): \(Self.reason(code)); \(Self.advice(code))"
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason)"
        case .cannotRead(let path, let code):
            "cannot read \(path): \(Self.reason(code)); \(Self.advice(code))"
        case .missingReportFile(let path):
            "the smoke report file \(path) is missing; write the report (SmokeReportWriter) before archiving it"
        }
    }

    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text).lowercased()
    }

    /// What the operator can do about `code`.
    static func advice(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: "the disk is full; free space or pass another --smoke-output folder, then re-run"
        case EACCES, EPERM: "check the permissions of the folder or pass a writable --smoke-output folder"
        case EROFS: "the file system is read-only; pass a writable --smoke-output folder"
        case ENOENT, ENOTDIR: "check that the parent folder exists and is a folder"
        case EIO: "the disk reported an I/O error; check the device"
        default: "fix the cause and re-run"
        }
    }
}
