/// A check ran and found problems (gaps in the cache, a config that does not validate). `main` prints every
/// problem on standard error and exits 2.
public struct CheckFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line summing up what was checked (`coverage check found 3 problems in config/core.yaml`).
    public let summary: String
    /// Every problem found, one operator-readable sentence each.
    public let problems: [String]

    /// A failure listing `problems` under `summary`.
    public init(_ summary: String, problems: [String]) {
        self.summary = summary
        self.problems = problems
    }

    public var description: String {
        ([summary] + problems.map { "  - " + $0 }).joined(separator: "\n")
    }
}
