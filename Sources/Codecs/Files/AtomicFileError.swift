/// Why ``AtomicFile`` could not replace a file. Until the rename step the previous file is untouched.
public enum AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step named failed with `errno` `code`; `path` is the file the step worked on (the target, its
    /// temporary sibling or the folder).
    case failed(step: Step, target: String, path: String, code: Int32)

    /// The steps of an atomic write, in order.
    public enum Step: String, Sendable, Equatable {
        case createFolder = "creating the folder"
        case createTemporaryFile = "creating a temporary file"
        case setPermissions = "setting the permissions of"
        case write = "writing"
        case sync = "flushing to disk"
        case close = "closing"
        case rename = "renaming into place"
        case syncFolder = "flushing the folder of"
    }

    public var description: String {
        switch self {
        case .failed(let step, let target, let path, let code):
            let reason = SystemCallError.reason(for: code).lowercased()
            let advice = SystemCallError.advice(for: code)
            let outcome =
                switch step {
                case .syncFolder:
                    "the new file is in place but may not survive a power failure"
                default:
                    "the previous file is unchanged"
                }
            return "cannot write \(target): \(reason) while \(step.rawValue) \(path); \(advice); \(outcome)"
        }
    }
}
