/// The command line was wrong: an unknown option, a missing or malformed value. `main` prints it with the
/// usage line and exits 64 (`EX_USAGE`).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the option (`missing value for option '--symbol <symbol>'`).
    public let message: String

    /// An error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
