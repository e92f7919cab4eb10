/// The router was configured in a way it cannot work with.
public enum AlertRouterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A channel with this name is already registered.
    case duplicateChannel(String)
    /// The per-channel timeout is zero or negative.
    case nonPositiveTimeout(milliseconds: Int64)

    public var description: String {
        switch self {
        case .duplicateChannel(let name):
            "alert channel '\(name)' is registered twice; give each entry of alert_channels a distinct key"
        case .nonPositiveTimeout(let milliseconds):
            "alert channel timeout must be greater than zero, got \(milliseconds) ms"
        }
    }
}
