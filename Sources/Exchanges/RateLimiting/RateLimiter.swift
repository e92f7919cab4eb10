import BotNet
import Foundation

/// Spends one venue's request-weight budget: ``acquire(weight:)`` waits until a request fits into the
/// current window, ``record(_:)`` adopts the weight the venue reports as used (so other processes on the
/// same IP are accounted for), ``pause(forSeconds:)`` honours a `Retry-After`, and after ``ban(forSeconds:)``
/// every acquire fails at once until the ban ends.
///
/// One limiter per venue and IP; share it between everything that calls that venue.
public actor RateLimiter {
    /// The venue whose budget this is (for error messages).
    public nonisolated let venue: Venue
    /// The budget.
    public nonisolated let limit: RateLimit
    private let clock: RateLimitClock
    private var windowStart: Int64 = .min
    private var used = 0
    private var pausedUntil: Int64?
    private var bannedUntil: Int64?
    private var unknownBan = false

    public init(venue: Venue, limit: RateLimit, clock: RateLimitClock = .live) {
        self.venue = venue
        self.limit = limit
        self.clock = clock
    }

    /// The weight spent (or reported used) in the current window.
    public var usedWeight: Int {
        roll(to: clock.now())
        return used
    }

    /// Waits until `weight` fits into the budget, spends it and returns how long it waited. A request
    /// heavier than the whole usable budget goes alone at the start of a window.
    ///
    /// - Throws: ``MarketDataError/banned(venue:retryAfterSeconds:)`` during a ban (without waiting), or
    ///   ``MarketDataError/cancelled(venue:path:)`` when the task is cancelled while waiting.
    @discardableResult
    public func acquire(weight: Int, path: String = "") async throws(MarketDataError) -> Duration {
        var waited = Duration.zero
        while true {
            let now = clock.now()
            if unknownBan { throw .banned(venue: venue, retryAfterSeconds: nil) }
            if let bannedUntil, now < bannedUntil {
                throw .banned(venue: venue, retryAfterSeconds: (bannedUntil - now + 999) / 1000)
            }
            let wait: Int64
            if let pausedUntil, now < pausedUntil {
                wait = pausedUntil - now
            } else {
                roll(to: now)
                if used == 0 || used + max(0, weight) <= limit.usable {
                    used += max(0, weight)
                    return waited
                }
                wait = windowStart + limit.windowMilliseconds - now
            }
            do {
                try await clock.sleep(.milliseconds(wait))
            } catch {
                throw .cancelled(venue: venue, path: path)
            }
            waited += .milliseconds(wait)
        }
    }

    /// Adopts the venue's report of the weight used in the current window when it exceeds the local
    /// count: a report at or above the usable budget makes the next acquire wait for the next window.
    public func record(usedWeight reported: Int) {
        roll(to: clock.now())
        used = max(used, reported)
    }

    /// Reads ``RateLimit/usedWeightHeader`` from a response's headers, when the venue sends it.
    public func record(_ headers: HTTPHeaders) {
        guard let name = limit.usedWeightHeader, let text = headers[name],
            let reported = Int(text.trimmingCharacters(in: .whitespaces))
        else { return }
        record(usedWeight: reported)
    }

    /// Sends nothing for `seconds` (a 429's `Retry-After`).
    public func pause(forSeconds seconds: Int64) {
        let until = clock.now() + max(0, seconds) * 1000
        pausedUntil = max(pausedUntil ?? until, until)
    }

    /// Refuses every request for `seconds`, or until the process restarts when the ban's length is
    /// unknown (nil).
    public func ban(forSeconds seconds: Int64?) {
        guard let seconds else {
            unknownBan = true
            return
        }
        let until = clock.now() + max(0, seconds) * 1000
        bannedUntil = max(bannedUntil ?? until, until)
    }

    private func roll(to now: Int64) {
        let start = Self.floorDivide(now, limit.windowMilliseconds) * limit.windowMilliseconds
        if start != windowStart {
            windowStart = start
            used = 0
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }
}
