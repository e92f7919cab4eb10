import Foundation

/// When and how often ``HTTPClient`` tries a request again.
///
/// Waits grow exponentially: before retry *n* (n = 1 after the first failure) the ceiling is
/// `min(cap, base × multiplierⁿ⁻¹)`, then ``Jitter`` spreads it so many clients that failed together do
/// not retry together. A `Retry-After` header on a retryable answer replaces the computed wait; a wait
/// longer than ``retryAfterLimit`` is not honoured by waiting, the client gives up at once instead
/// (retrying earlier than the server asked only earns another 429, or on Binance a 418 ban).
public struct RetryPolicy: Sendable, Equatable {
    /// How the computed wait is randomised. `r` is the injected random number in [0, 1).
    public enum Jitter: Sendable, Equatable {
        /// Exactly the exponential wait.
        case none
        /// `wait × r`: anywhere from zero to the wait; spreads a crowd best (the default).
        case full
        /// `wait / 2 + wait / 2 × r`: at least half the wait.
        case equal
    }

    /// Attempts in total, the first one included; 1 disables retries.
    public var maxAttempts: Int
    /// The wait ceiling before the first retry.
    public var baseDelay: Duration
    /// How much the ceiling grows per retry.
    public var multiplier: Double
    /// The largest ceiling, however many retries came before.
    public var maxDelay: Duration
    public var jitter: Jitter
    /// Statuses worth another attempt.
    public var retryableStatuses: Set<Int>
    /// Whether timeouts and connection failures are retried.
    public var retriesTransportFailures: Bool
    /// Whether a non-idempotent request (POST, PATCH) is retried after a failure that may have reached
    /// the server (a timeout, a lost connection, a 5xx). Off by default: an order must not be placed
    /// twice. Refused connections and 429 answers are always safe to retry.
    public var retriesNonIdempotentRequests: Bool
    /// The longest `Retry-After` the client waits for.
    public var retryAfterLimit: Duration
    /// The longest the whole call may take, waits included; nil for no limit beyond the attempts. Each
    /// attempt's timeout is shortened to what is left.
    public var deadline: Duration?

    public init(
        maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), multiplier: Double = 2,
        maxDelay: Duration = .seconds(10), jitter: Jitter = .full,
        retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504], retriesTransportFailures: Bool = true,
        retriesNonIdempotentRequests: Bool = false, retryAfterLimit: Duration = .seconds(60),
        deadline: Duration? = .seconds(120)
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.multiplier = multiplier
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.retryableStatuses = retryableStatuses
        self.retriesTransportFailures = retriesTransportFailures
        self.retriesNonIdempotentRequests = retriesNonIdempotentRequests
        self.retryAfterLimit = retryAfterLimit
        self.deadline = deadline
    }

    /// One attempt, no retries.
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The wait before retry number `retry` (1 for the first retry), given a random number in [0, 1).
    public func delay(beforeRetry retry: Int, random: Double) -> Duration {
        let exponent = Double(max(0, retry - 1))
        let ceiling = min(baseDelay.seconds * pow(multiplier, exponent), maxDelay.seconds)
        let r = min(max(random, 0), 1)
        let wait =
            switch jitter {
            case .none: ceiling
            case .full: ceiling * r
            case .equal: ceiling / 2 + ceiling / 2 * r
            }
        // Whole nanoseconds, so equal inputs give equal Durations however the Double rounded.
        guard wait.isFinite, wait > 0 else { return .zero }
        return .nanoseconds(Int64((min(wait, 1e9) * 1e9).rounded()))
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
