import Foundation

/// The wall clock and the sleep a ``RateLimiter`` uses; tests inject a virtual pair so waits are instant
/// and exact.
public struct RateLimitClock: Sendable {
    /// Milliseconds since the epoch, UTC.
    public var now: @Sendable () -> Int64
    /// Waits; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(now: @escaping @Sendable () -> Int64, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The system clock and `Task.sleep`.
    public static var live: RateLimitClock {
        RateLimitClock(
            now: { Int64((Date.now.timeIntervalSince1970 * 1000).rounded(.down)) },
            sleep: { try await Task.sleep(for: $0) })
    }
}
