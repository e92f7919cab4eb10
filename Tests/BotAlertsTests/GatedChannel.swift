import BotAlerts

/// A channel whose delivery waits until the test opens its gate, and that announces when a delivery has
/// started: lets a test act while a dispatch is in flight, without sleeping.
struct GatedChannel: AlertChannel {
    let name: String
    /// Yields once for every delivery that has started.
    let started: AsyncStream<Void>
    private let startedContinuation: AsyncStream<Void>.Continuation
    private let gate: AsyncStream<Void>
    private let gateContinuation: AsyncStream<Void>.Continuation

    init(_ name: String) {
        self.name = name
        (started, startedContinuation) = AsyncStream.makeStream()
        (gate, gateContinuation) = AsyncStream.makeStream()
    }

    func send(_ message: AlertMessage) async throws {
        startedContinuation.yield()
        for await _ in gate { return }
        throw CancellationError()
    }

    func healthCheck() async -> AlertChannelHealth {
        AlertChannelHealth(status: .ok)
    }

    /// Lets one waiting delivery finish.
    func open() {
        gateContinuation.yield()
    }
}
