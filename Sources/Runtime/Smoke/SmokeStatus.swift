import BotAlerts

/// The overall outcome of a paper smoke test, written as the top-level `status` of `summary.json` and of
/// the structured smoke summary.
public enum SmokeStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Everything ran and nothing needs attention.
    case ok
    /// The run finished but something needs attention: storage is low (or unmeasured), or the pre-check warned.
    case warning
    /// Something failed: the pre-check or the data checks reported an error, or a step the run records
    /// in ``SmokeReport/failures`` failed.
    case error

    /// The severity of the run's `paper_smoke` alert for this outcome: `info`, `warning` or `error`.
    public var alertSeverity: AlertSeverity {
        switch self {
        case .ok: .info
        case .warning: .warning
        case .error: .error
        }
    }

    public static func < (left: SmokeStatus, right: SmokeStatus) -> Bool { left.rank < right.rank }

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .error: 2
        }
    }
}
