/// The sleep and randomness ``ExecutionRetrying`` waits with; tests inject their own so retries run
/// instantly and deterministically.
public struct ExecutionRetryTiming: Sendable {
    /// Waits; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in [0, 1) for jitter.
    public var random: @Sendable () -> Double

    public init(sleep: @escaping @Sendable (Duration) async throws -> Void, random: @escaping @Sendable () -> Double) {
        self.sleep = sleep
        self.random = random
    }

    /// The continuous clock and the system random generator.
    public static var live: ExecutionRetryTiming {
        ExecutionRetryTiming(
            sleep: { try await ContinuousClock().sleep(for: $0) }, random: { Double.random(in: 0..<1) })
    }
}
