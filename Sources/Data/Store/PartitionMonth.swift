/// One calendar month, UTC: the unit of partitioning (`year=YYYY/month=MM`).
public struct PartitionMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year (4 digits in the folder name).
    public let year: Int
    /// The month, 1–12.
    public let month: Int

    private static let dayMilliseconds: Int64 = 86_400_000

    /// The month `year`-`month`; nil when `month` is not 1–12.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The UTC month holding `time` (epoch milliseconds).
    public init(containing time: Int64) {
        let days = time >= 0 ? time / Self.dayMilliseconds : (time + 1) / Self.dayMilliseconds - 1
        // Civil-from-days over 400-year eras whose years start in March, so leap days come last.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        self.month = Int(month)
    }

    /// 00:00 UTC on the first day of the month, epoch milliseconds.
    public var startTime: Int64 {
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((Int64(month) + 9) % 12) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * Self.dayMilliseconds
    }

    /// The month after this one.
    public var next: PartitionMonth {
        month == 12 ? PartitionMonth(year: year + 1, month: 1)! : PartitionMonth(year: year, month: month + 1)!
    }

    /// 00:00 UTC on the first day of the next month: the month's open times are `startTime..<endTime`.
    public var endTime: Int64 { next.startTime }

    /// `YYYY-MM`.
    public var description: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))" }

    /// `year=YYYY/month=MM`, the Hive-style folders of the partition.
    public var folderName: String { "year=\(Self.pad(year, 4))/month=\(Self.pad(month, 2))" }

    public static func < (left: PartitionMonth, right: PartitionMonth) -> Bool {
        (left.year, left.month) < (right.year, right.month)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
