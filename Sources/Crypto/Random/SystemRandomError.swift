import Foundation

/// The operating system could not supply random bytes.
public enum SystemRandomError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `source` failed with `errno`.
    case unavailable(source: String, errno: Int32)

    public var description: String {
        switch self {
        case .unavailable(let source, let code):
            "The system random generator (\(source)) failed with errno \(code); nothing was encrypted. "
                + "Check that the kernel entropy source is available (e.g. /dev/urandom inside containers)."
        }
    }
}
