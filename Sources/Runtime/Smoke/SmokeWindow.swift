import BotCodecs

/// The time window a smoke test traded over, in epoch milliseconds (UTC), both ends inclusive.
public struct SmokeWindow: Sendable, Hashable {
    public var start: Int64
    public var end: Int64

    /// A window from `start` to `end` (epoch milliseconds, UTC).
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// `start` as ISO 8601 text in the reference's style (`2026-10-12T00:00:00+00:00`).
    public var startText: String { UTCDateTime(milliseconds: start).pythonISOFormat }
    /// `end` as ISO 8601 text in the reference's style (`2026-11-20T23:59:59.999000+00:00`).
    public var endText: String { UTCDateTime(milliseconds: end).pythonISOFormat }
}
