import BotNet
import Foundation

/// Which failures ``ExecutionRetrying`` tries again, how often, and how long it waits in between.
///
/// Before retry *n* (n = 1 after the first failure) the wait ceiling is `min(maxDelay, baseDelay ×
/// multiplierⁿ⁻¹)`; ``Jitter`` then spreads it, so several bots that failed together do not hammer the
/// venue together. Only errors ``isTransient`` accepts are retried; the rest fail at once.
public struct ExecutionRetryPolicy: Sendable {
    /// How the wait ceiling is randomised: the same choices as the HTTP client's policy.
    public typealias Jitter = RetryPolicy.Jitter

    /// Attempts in total, the first one included; 1 disables retries.
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var multiplier: Double
    public var maxDelay: Duration
    public var jitter: Jitter
    /// Whether an error is worth another attempt.
    public var isTransient: @Sendable (any Error) -> Bool

    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), multiplier: Double = 2,
        maxDelay: Duration = .seconds(10), jitter: Jitter = .full,
        isTransient: @escaping @Sendable (any Error) -> Bool = ExecutionRetryPolicy.isTransientByDefault
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.multiplier = multiplier
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.isTransient = isTransient
    }

    /// One attempt, no retries.
    public static let never = ExecutionRetryPolicy(maxAttempts: 1)

    /// Transient are errors that say so through ``TransientClassifiable`` (``ExecutionError/venueUnavailable(reason:)``,
    /// adapters' timeouts, 429s and 5xx) and Foundation's timeouts and lost connections. Cancellation never is.
    public static func isTransientByDefault(_ error: any Error) -> Bool {
        if error is CancellationError { return false }
        if let classified = error as? any TransientClassifiable { return classified.isTransient }
        if let urlError = error as? URLError {
            return [.timedOut, .networkConnectionLost, .cannotConnectToHost, .notConnectedToInternet]
                .contains(urlError.code)
        }
        return false
    }

    /// The wait before retry number `retry` (1 for the first retry), given a random number in [0, 1);
    /// computed exactly as the HTTP client's ``RetryPolicy`` computes it.
    public func delay(beforeRetry retry: Int, random: Double) -> Duration {
        RetryPolicy(
            maxAttempts: maxAttempts, baseDelay: baseDelay, multiplier: multiplier, maxDelay: maxDelay, jitter: jitter
        ).delay(beforeRetry: retry, random: random)
    }
}
