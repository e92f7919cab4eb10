import BotAlerts
import Synchronization

/// A channel whose send and health check wait on a continuation nothing resumes, until the task is
/// cancelled: a network call that never answers.
struct HangingChannel: AlertChannel {
    let name: String

    func send(_ message: AlertMessage) async throws {
        try await Self.waitForCancellation()
        throw CancellationError()
    }

    func healthCheck() async -> AlertChannelHealth {
        try? await Self.waitForCancellation()
        return AlertChannelHealth(status: .ok)
    }

    private static func waitForCancellation() async throws {
        let waiter = Waiter()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in waiter.park(continuation) }
        } onCancel: {
            waiter.cancel()
        }
    }

    /// Holds the continuation so cancellation can resume it, whichever of the two comes first.
    private final class Waiter: Sendable {
        private enum State {
            case idle
            case parked(CheckedContinuation<Void, any Error>)
            case cancelled
        }

        private let state = Mutex(State.idle)

        func park(_ continuation: CheckedContinuation<Void, any Error>) {
            let cancelled = state.withLock { state -> Bool in
                if case .cancelled = state { return true }
                state = .parked(continuation)
                return false
            }
            if cancelled { continuation.resume(throwing: CancellationError()) }
        }

        func cancel() {
            let parked = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                defer { state = .cancelled }
                if case .parked(let continuation) = state { return continuation }
                return nil
            }
            parked?.resume(throwing: CancellationError())
        }
    }
}
