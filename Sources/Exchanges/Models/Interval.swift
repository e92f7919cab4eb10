/// A candle interval: a positive count of minutes, hours, days, weeks or calendar months.
///
/// One type reads every spelling the configuration, the exchanges and the operators use:
/// the suffix form `1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M` (any positive count, units
/// `m h d w M`, case-sensitive so that `1m` is one minute and `1M` one calendar month) and the
/// MetaTrader form `M1 M5 M15 M30 H1 H4 D1 W1 MN1` (letter first, either case, `M` is minutes there
/// and `MN` months). ``description`` is the canonical suffix spelling (`1d`), used in file paths,
/// cache keys and messages, and is what `Codable` writes.
///
/// Time is milliseconds since the epoch, UTC (DESIGN.md §4.1). Minute, hour and day buckets start at
/// multiples of their length since the epoch; week buckets start on Monday 00:00 UTC (as exchanges
/// open weekly candles); month buckets start at 00:00 UTC on the first day of a month, counted from
/// January 1970, so a month interval has no fixed length: use ``start(ofBucketContaining:)``,
/// ``next(after:)`` and ``advance(_:by:)`` rather than adding ``approximateMilliseconds``.
///
/// Equality is by spelling: `60m` and `1h` have the same length but are different intervals (and
/// `7d` and `1w` differ in alignment).
public struct Interval: Sendable, Hashable {
    /// The unit an interval counts.
    public enum Unit: Sendable, Hashable, CaseIterable {
        case minute
        case hour
        case day
        case week
        case month

        /// The suffix letter of the canonical spelling (`m`, `h`, `d`, `w`, `M`).
        public var suffix: Character {
            switch self {
            case .minute: "m"
            case .hour: "h"
            case .day: "d"
            case .week: "w"
            case .month: "M"
            }
        }

        /// The unit's length in milliseconds; a month counts as 30 days, as the reference tables do.
        var approximateMilliseconds: Int64 {
            switch self {
            case .minute: 60_000
            case .hour: 3_600_000
            case .day: 86_400_000
            case .week: 604_800_000
            case .month: 2_592_000_000
            }
        }
    }

    /// How many units one interval spans (at least 1).
    public let count: Int
    /// The unit counted.
    public let unit: Unit

    /// The largest count accepted; keeps every length and every month index far inside `Int64`.
    public static let maximumCount = 1_000_000

    /// An interval of `count` units.
    ///
    /// - Throws: ``IntervalError/notPositive(_:)`` for a count below 1, ``IntervalError/tooLarge(_:)`` above
    ///   ``maximumCount``.
    public init(count: Int, unit: Unit) throws(IntervalError) {
        let spelling = "\(count)\(unit.suffix)"
        guard count >= 1 else { throw .notPositive(spelling) }
        guard count <= Self.maximumCount else { throw .tooLarge(spelling) }
        self.count = count
        self.unit = unit
    }

    private init(validCount count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// One minute (`1m`).
    public static let oneMinute = Interval(validCount: 1, unit: .minute)
    /// Fifteen minutes (`15m`).
    public static let fifteenMinutes = Interval(validCount: 15, unit: .minute)
    /// One hour (`1h`).
    public static let oneHour = Interval(validCount: 1, unit: .hour)
    /// One day (`1d`).
    public static let oneDay = Interval(validCount: 1, unit: .day)
    /// One week, Monday to Monday (`1w`).
    public static let oneWeek = Interval(validCount: 1, unit: .week)
    /// One calendar month (`1M`).
    public static let oneMonth = Interval(validCount: 1, unit: .month)

    /// The intervals the exchanges and the data services know (the reference's standard table), shortest
    /// first: `1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M`.
    public static let standard: [Interval] = {
        let minutes: [Interval] = [1, 3, 5, 15, 30].map { Interval(validCount: $0, unit: .minute) }
        let hours: [Interval] = [1, 2, 4, 6, 8, 12].map { Interval(validCount: $0, unit: .hour) }
        let days: [Interval] = [1, 3].map { Interval(validCount: $0, unit: .day) }
        return minutes + hours + days + [oneWeek, oneMonth]
    }()

    /// Whether the interval is in ``standard``.
    public var isStandard: Bool { Self.standard.contains(self) }

    /// The length in milliseconds, or nil for month intervals, whose length depends on the month.
    public var fixedMilliseconds: Int64? {
        unit == .month ? nil : Int64(count) * unit.approximateMilliseconds
    }

    /// The length in milliseconds with a month counted as 30 days (`1M` = 43 200 minutes, as the reference's
    /// tables have it); for thresholds and estimates, never for stepping through time.
    public var approximateMilliseconds: Int64 { Int64(count) * unit.approximateMilliseconds }

    /// The length in whole minutes, months counted as 30 days.
    public var approximateMinutes: Int64 { approximateMilliseconds / 60_000 }
}

extension Interval: CustomStringConvertible, LosslessStringConvertible {
    /// The canonical spelling: count then suffix letter (`15m`, `4h`, `1d`, `1w`, `1M`).
    public var description: String { "\(count)\(unit.suffix)" }

    /// Parses any accepted spelling; nil when `description` is not one.
    public init?(_ description: String) {
        guard let interval = try? Interval(parsing: description) else { return nil }
        self = interval
    }
}

extension Interval: Comparable {
    /// Orders by length (months as 30 days), then by unit, so `60m` sorts before `1h`.
    public static func < (left: Interval, right: Interval) -> Bool {
        let (leftLength, rightLength) = (left.approximateMilliseconds, right.approximateMilliseconds)
        if leftLength != rightLength { return leftLength < rightLength }
        return left.unitRank < right.unitRank
    }

    private var unitRank: Int { Unit.allCases.firstIndex(of: unit) ?? 0 }
}
