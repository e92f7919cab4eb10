import BotCodecs

/// One problem found in a configuration file: an error (the file cannot be used) or a warning (it can,
/// but something looks wrong, such as an unknown key).
///
/// `description` is the compiler-style line `config/core.yaml:42:19: error: environments.binance_paper.risk_profile:
/// unknown risk profile 'balancd' (known: conservative, balanced, aggressive, manual)`.
public struct ConfigIssue: Sendable, Equatable, CustomStringConvertible {
    /// How serious an issue is.
    public enum Severity: String, Sendable, Equatable {
        /// The configuration cannot be used.
        case error
        /// The configuration can be used, but something looks wrong.
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// The dotted key path (`environments.binance_paper.risk_profile`, `…backfill[1].interval`); empty for
    /// the whole file.
    public let path: String
    /// Where in the file: the offending value, or the key when the key itself is the problem.
    public let mark: YAMLMark
    /// What is wrong and, where it helps, what to write instead.
    public let message: String

    /// An issue at `mark`.
    public init(severity: Severity, path: String, mark: YAMLMark, message: String) {
        self.severity = severity
        self.path = path
        self.mark = mark
        self.message = message
    }

    public var description: String {
        path.isEmpty
            ? "\(mark): \(severity.rawValue): \(message)" : "\(mark): \(severity.rawValue): \(path): \(message)"
    }
}
