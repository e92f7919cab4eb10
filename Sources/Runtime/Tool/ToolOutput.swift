import Foundation

/// Where a tool writes text: standard output, standard error, or a test's buffer.
public protocol ToolOutput: Sendable {
    /// Writes `text` as is (add the newline yourself).
    func write(_ text: String)
}

/// The process's standard output or standard error.
public struct StandardStream: ToolOutput {
    private let isError: Bool

    /// Standard output.
    public static let output = StandardStream(isError: false)
    /// Standard error.
    public static let error = StandardStream(isError: true)

    public func write(_ text: String) {
        let handle = isError ? FileHandle.standardError : FileHandle.standardOutput
        // A closed pipe (`tool | head`) must not crash the tool; there is nowhere left to report it.
        try? handle.write(contentsOf: Data(text.utf8))
    }
}

/// Collects everything written, for tests.
public final class CapturedOutput: ToolOutput, @unchecked Sendable {
    // Safety: `captured` is only touched while holding `lock`.
    private let lock = NSLock()
    private var captured = ""

    /// An empty buffer.
    public init() {}

    public func write(_ text: String) {
        lock.withLock { captured += text }
    }

    /// Everything written so far.
    public var text: String {
        lock.withLock { captured }
    }
}
