/// An ``AlertThrottle`` was configured with values it cannot work with.
public enum AlertThrottleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The window is zero or negative.
    case nonPositiveWindow(milliseconds: Int64)
    /// The entry limit is zero or negative.
    case nonPositiveMaxEntries(Int)

    public var description: String {
        switch self {
        case .nonPositiveWindow(let milliseconds):
            "alert throttle window must be greater than zero, got \(milliseconds) ms; "
                + "set alert_throttle.window_seconds to a positive number or remove the section"
        case .nonPositiveMaxEntries(let count):
            "alert throttle max_entries must be greater than zero, got \(count); "
                + "set alert_throttle.max_entries to a positive number (default 2048)"
        }
    }
}
