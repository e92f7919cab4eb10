/// The last success and failure of one channel, turned into an ``AlertChannelHealth`` on request.
///
/// Built-in channels keep one of these in their isolated state; a success clears the remembered error,
/// as the reference channels do.
struct ChannelHealthTracker: Sendable {
    private(set) var lastSuccess: Int64?
    private(set) var lastFailure: Int64?
    private(set) var lastError: String?

    mutating func recordSuccess(at time: Int64) {
        lastSuccess = time
        lastFailure = nil
        lastError = nil
    }

    mutating func recordFailure(_ reason: String, at time: Int64) {
        lastFailure = time
        lastError = reason
    }

    func health(details: [String: String] = [:]) -> AlertChannelHealth {
        AlertChannelHealth(
            status: lastError == nil ? .ok : .error, lastSuccess: lastSuccess, lastFailure: lastFailure,
            lastError: lastError, details: details)
    }
}
