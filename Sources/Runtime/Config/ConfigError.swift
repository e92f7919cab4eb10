/// Why a configuration could not be used.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read (missing, a folder, no permission).
    case unreadable(path: String, reason: String)
    /// The file was read but has errors; each names its line and key.
    case invalid(path: String, errors: [ConfigIssue])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read configuration \(path): \(reason). Check the path given with --config."
        case .invalid(let path, let errors):
            let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
            return
                ([
                    "configuration \(path) has \(count); run 'validate-config --config \(path)' for the full report"
                ] + errors.map { "  \($0)" }).joined(separator: "\n")
        }
    }
}
