/// How urgent an alert is; ordered from ``info`` to ``critical``.
///
/// The reference treats severity as free text but only ever sends these four values (the data side sends
/// `info`, `warning` and `critical`; runtime failures send `error`). A closed set lets channels and metrics
/// switch over it; decoding an unknown value fails instead of creating a fifth spelling.
public enum AlertSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    /// Something worth knowing: a recovery, a finished run.
    case info
    /// Something that needs attention soon: a data gap, a skipped order.
    case warning
    /// An operation failed and was not retried.
    case error
    /// Someone must act now: an open data incident, a risk limit hit, trading stopped.
    case critical

    /// Parses a severity case-insensitively (`"CRITICAL"` is ``critical``); nil for anything else.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased())
    }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        lhs.rank < rhs.rank
    }

    public var description: String { rawValue }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        case .critical: 3
        }
    }
}
