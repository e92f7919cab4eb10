import BotAlerts

/// A channel that remembers what it was sent, and fails every send when built with a failure reason.
actor RecordingChannel: AlertChannel {
    nonisolated let name: String
    private let failure: String?
    private(set) var received: [AlertMessage] = []

    init(_ name: String, failingWith failure: String? = nil) {
        self.name = name
        self.failure = failure
    }

    func send(_ message: AlertMessage) async throws {
        if let failure { throw AlertDeliveryError.failed(channel: name, reason: failure) }
        received.append(message)
    }

    func healthCheck() async -> AlertChannelHealth {
        AlertChannelHealth(status: failure == nil ? .ok : .error, lastError: failure)
    }
}
