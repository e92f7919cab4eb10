import BotExchanges

/// How well one stored series covers its required window (reference `CoverageStatus`, §7.2, extended with
/// the measurements the Parquet store makes possible: true counts and holes instead of manifest counters).
///
/// Times are epoch ms, UTC. The window is `windowStart..<windowEnd` in candle open times: it ends at the
/// newest candle that must have closed by `asOf`, allowing the freshness limit's grace for the last candle
/// to arrive, so a check right after a candle closes does not count it as missing yet.
public struct SeriesCoverage: Sendable, Hashable {
    public let exchange: String
    public let symbol: String
    public let interval: Interval
    /// When the check looked (epoch ms).
    public let asOf: Int64
    /// The first required open time; nil when no history is required (then the window starts at the first
    /// candle).
    public let windowStart: Int64?
    /// The first open time after the window.
    public let windowEnd: Int64
    /// The oldest and newest candles of the whole series (not only the window).
    public let firstOpenTime: Int64?
    public let lastOpenTime: Int64?
    /// Candles of the whole series (duplicates and out-of-order times ignored).
    public let totalRows: Int64
    /// Candles inside the window.
    public let rowCount: Int64
    /// Candles the window needs (nil without a history requirement).
    public let requiredRows: Int64?
    /// Required candles that are absent (leading history, holes and the late end).
    public let missingRows: Int64
    /// Minutes from the close of the newest candle to `asOf` (never negative); nil without candles.
    public let ageMinutes: Double?
    /// The freshness limit for this interval in minutes.
    public let freshnessLimitMinutes: Double
    /// Holes between candles inside the window.
    public let gapCount: Int
    /// The longest stretch of required candles missing, holes and the late end included, in minutes; nil
    /// without candles. This is what `max_gap_minutes` is compared with.
    public let gapMinutes: Double?
    /// The largest holes, longest first (at most the evaluator's `largestGapsKept`).
    public let largestGaps: [CoverageGap]
    /// The findings, as `code:detail` texts (`insufficient_rows:5<60`).
    public let issues: [String]
    public let state: CoverageState
    public let status: CoverageStatus

    /// The longest hole inside the window in minutes, or nil when there is none.
    public var largestGapMinutes: Double? { largestGaps.first?.minutes }

    /// Whether the newest candle is older than the freshness limit.
    public var isStale: Bool { ageMinutes.map { $0 > freshnessLimitMinutes } ?? false }
}
