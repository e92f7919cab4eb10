/// A ZIP entry timestamp in MS-DOS format: local-time fields with two-second resolution, years
/// 1980–2107. ZIP stores no time zone; the archives written here use UTC.
public struct DOSDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The packed date: `(year - 1980) << 9 | month << 5 | day`.
    public let date: UInt16
    /// The packed time: `hour << 11 | minute << 5 | second / 2`.
    public let time: UInt16

    /// Wraps packed fields as read from an archive.
    public init(date: UInt16, time: UInt16) {
        self.date = date
        self.time = time
    }

    /// The given wall-clock time, or nil when a field is out of range or the year is outside 1980–2107.
    /// Odd seconds are rounded down (the format stores seconds / 2).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1980...2107).contains(year), (1...12).contains(month), (1...31).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        date = UInt16((year - 1980) << 9 | month << 5 | day)
        time = UInt16(hour << 11 | minute << 5 | second / 2)
    }

    /// The UTC wall-clock time of `milliseconds` since the Unix epoch, or nil outside 1980–2107.
    public init?(millisecondsSinceEpoch milliseconds: Int64) {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        // Civil date from a day count (Howard Hinnant's algorithm, proleptic Gregorian).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        self.init(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60)
    }

    /// 1980-01-01 00:00:00, the earliest representable time; the default for reproducible archives.
    public static let zipEpoch = DOSDateTime(date: 0x21, time: 0)

    public var year: Int { Int(date >> 9) + 1980 }
    public var month: Int { Int(date >> 5 & 0x0F) }
    public var day: Int { Int(date & 0x1F) }
    public var hour: Int { Int(time >> 11) }
    public var minute: Int { Int(time >> 5 & 0x3F) }
    public var second: Int { Int(time & 0x1F) * 2 }

    public var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second))"
    }
}
