/// Suppresses repeats of the same alert within a time window (reference `AlertThrottle`, §5.3).
///
/// Two alerts are the same when category and severity (case-insensitive), title and body (whitespace runs
/// collapsed) and context are equal. An alert is allowed when it was never recorded or its last recording
/// is at least ``window`` old. Alerts whose severity or category is exempt (by default every `critical`)
/// are always allowed and never recorded.
///
/// A value type driven by explicit times: the owner (the router) reads its clock and passes `now`, so the
/// throttle is deterministic. Differences from the reference, on purpose: keys cannot collide through a
/// `|` in the text; a clock that steps backwards ends the suppression instead of extending it; over
/// ``maxEntries`` expired keys are dropped first and then the oldest, so a recent alert is never forgotten
/// while an expired one is kept.
public struct AlertThrottle: Sendable {
    /// How long a repeat stays suppressed, in milliseconds.
    public let window: Int64
    /// Severities that are never throttled.
    public let exemptSeverities: Set<AlertSeverity>
    /// Categories (lower-cased) that are never throttled.
    public let exemptCategories: Set<String>
    /// How many distinct alerts are remembered at most; the oldest are forgotten first.
    public let maxEntries: Int

    private var lastSent: [AlertThrottleKey: Int64] = [:]
    private var lastPruned: Int64?

    /// A throttle suppressing repeats for `window` milliseconds.
    ///
    /// - Parameters:
    ///   - exemptSeverities: never throttled; by default `critical`, so an operator hears every critical alert.
    ///   - exemptCategories: never throttled; compared case-insensitively.
    ///   - maxEntries: how many distinct alerts are remembered (reference default 2048).
    public init(
        window: Int64, exemptSeverities: Set<AlertSeverity> = [.critical], exemptCategories: Set<String> = [],
        maxEntries: Int = 2048
    ) throws(AlertThrottleError) {
        guard window > 0 else { throw .nonPositiveWindow(milliseconds: window) }
        guard maxEntries > 0 else { throw .nonPositiveMaxEntries(maxEntries) }
        self.window = window
        self.exemptSeverities = exemptSeverities
        self.exemptCategories = Set(exemptCategories.map { $0.lowercased() })
        self.maxEntries = maxEntries
    }

    /// How many distinct alerts are currently remembered.
    public var entryCount: Int { lastSent.count }

    /// Whether `message` is exempt from throttling by its severity or category.
    public func isExempt(_ message: AlertMessage) -> Bool {
        exemptSeverities.contains(message.severity) || exemptCategories.contains(message.category.lowercased())
    }

    /// Whether `message` may be delivered at `now` (epoch milliseconds).
    public func allows(_ message: AlertMessage, at now: Int64) -> Bool {
        remainingMilliseconds(for: message, at: now) == 0
    }

    /// How long `message` stays suppressed after `now`: 0 when it is allowed (exempt, unknown, or old enough).
    public func remainingMilliseconds(for message: AlertMessage, at now: Int64) -> Int64 {
        guard !isExempt(message), let last = lastSent[AlertThrottleKey(message)] else { return 0 }
        let elapsed = now - last
        // A clock stepping backwards must not stretch a suppression beyond one window.
        guard elapsed >= 0 else { return 0 }
        return max(0, window - elapsed)
    }

    /// Remembers that `message` was delivered at `now`; exempt messages are not remembered.
    public mutating func record(_ message: AlertMessage, at now: Int64) {
        guard !isExempt(message) else { return }
        lastSent[AlertThrottleKey(message)] = now
        prune(at: now)
    }

    /// Forgets every recorded alert.
    public mutating func reset() {
        lastSent.removeAll()
    }

    /// Keeps memory bounded without sorting: expired keys go at most once per window (they would be allowed
    /// anyway), and over the limit the oldest key goes, one per new key, so a flood of distinct alerts costs
    /// one linear scan per record.
    private mutating func prune(at now: Int64) {
        let horizon = now - window
        if lastSent.count > maxEntries, let oldest = lastSent.min(by: { $0.value < $1.value }) {
            if oldest.value <= horizon {
                removeExpired(before: horizon, at: now)
            }
            if lastSent.count > maxEntries {
                lastSent.removeValue(forKey: oldest.key)
            }
        } else if lastPruned.map({ now < $0 || now - $0 >= window }) ?? true {
            removeExpired(before: horizon, at: now)
        }
    }

    private mutating func removeExpired(before horizon: Int64, at now: Int64) {
        lastSent = lastSent.filter { $0.value > horizon }
        lastPruned = now
    }
}
