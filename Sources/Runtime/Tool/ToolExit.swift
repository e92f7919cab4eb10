/// Ends a tool with a specific exit status, for the tool-specific codes the runbook documents (4 low disk
/// space, 6 required publish failed) and for a quiet failure whose output was already written.
public struct ToolExit: Error, Sendable, Equatable, CustomStringConvertible {
    /// The process exit status.
    public let code: Int32
    /// Printed on standard error as `error: <message>` when not nil.
    public let message: String?

    /// Exit with `code`, printing `message` (redacted) when given.
    public init(code: Int32, message: String? = nil) {
        self.code = code
        self.message = message
    }

    public var description: String { message ?? "exit status \(code)" }
}

/// An exit status a tool documents in its help.
public struct ToolExitCode: Sendable, Equatable {
    /// The status.
    public let code: Int32
    /// When the tool exits with it.
    public let meaning: String

    /// Documents that the tool exits with `code` when `meaning`.
    public init(_ code: Int32, _ meaning: String) {
        self.code = code
        self.meaning = meaning
    }

    /// The statuses every tool shares (DESIGN.md §4.7).
    public static let standard: [ToolExitCode] = [
        ToolExitCode(0, "success"),
        ToolExitCode(1, "failed (the message says why)"),
        ToolExitCode(2, "the check found problems (each is listed)"),
        ToolExitCode(64, "usage error (unknown option, missing or invalid value)"),
        ToolExitCode(130, "interrupted"),
    ]
}
