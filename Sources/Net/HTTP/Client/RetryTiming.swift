import Foundation

/// The clock, sleep and randomness that ``HTTPClient`` retries with; tests inject their own so retries
/// run instantly and deterministically.
public struct RetryTiming: Sendable {
    /// Monotonic time since an arbitrary origin; measures the deadline.
    public var now: @Sendable () -> Duration
    /// Waits; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in [0, 1) for jitter.
    public var random: @Sendable () -> Double
    /// The wall-clock time, to turn an HTTP-date `Retry-After` into a wait.
    public var currentDate: @Sendable () -> Date

    public init(
        now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void,
        random: @escaping @Sendable () -> Double, currentDate: @escaping @Sendable () -> Date
    ) {
        self.now = now
        self.sleep = sleep
        self.random = random
        self.currentDate = currentDate
    }

    /// The real clocks and the system random generator.
    public static var live: RetryTiming {
        let clock = ContinuousClock()
        let origin = clock.now
        return RetryTiming(
            now: { origin.duration(to: clock.now) },
            sleep: { try await clock.sleep(for: $0) },
            random: { Double.random(in: 0..<1) },
            currentDate: { Date.now })
    }
}
