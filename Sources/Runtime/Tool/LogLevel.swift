/// How important a log line is; lines below a logger's minimum level are dropped.
public enum LogLevel: String, Sendable, Comparable, CaseIterable {
    case debug
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .debug: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (left: LogLevel, right: LogLevel) -> Bool { left.rank < right.rank }

    /// The label in a log line (`INFO`).
    var label: String { rawValue.uppercased() }
}
