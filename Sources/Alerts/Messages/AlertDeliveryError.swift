/// A channel could not deliver an alert.
public enum AlertDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The channel tried and failed; `reason` says why (never a secret).
    case failed(channel: String, reason: String)
    /// The channel did not finish within the router's timeout and was cancelled.
    case timedOut(channel: String, milliseconds: Int64)

    public var description: String {
        switch self {
        case .failed(let channel, let reason):
            "alert channel '\(channel)' failed to deliver: \(reason)"
        case .timedOut(let channel, let milliseconds):
            "alert channel '\(channel)' did not deliver within \(milliseconds) ms and was cancelled; "
                + "check that its endpoint is reachable or raise the channel timeout"
        }
    }
}
