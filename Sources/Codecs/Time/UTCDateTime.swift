/// A moment in UTC split into calendar fields, for turning epoch milliseconds (DESIGN.md §4.1) into text
/// and back without Foundation's locale- and time-zone-dependent formatters.
///
/// Proleptic Gregorian calendar; day arithmetic after Howard Hinnant's `days_from_civil` and
/// `civil_from_days`, valid far beyond any candle's lifetime in both directions.
public struct UTCDateTime: Sendable, Hashable, CustomStringConvertible {
    public static let millisecondsPerDay: Int64 = 86_400_000

    public let year: Int64
    public let month: Int64
    public let day: Int64
    public let hour: Int64
    public let minute: Int64
    public let second: Int64
    public let millisecond: Int64

    /// The calendar fields of `milliseconds` since the epoch.
    public init(milliseconds: Int64) {
        let (days, inDay) = Self.floorDivision(milliseconds, Self.millisecondsPerDay)
        (year, month, day) = Self.civil(fromDays: days)
        hour = inDay / 3_600_000
        minute = inDay / 60_000 % 60
        second = inDay / 1000 % 60
        millisecond = inDay % 1000
    }

    /// Milliseconds since the epoch.
    public var milliseconds: Int64 {
        Self.days(fromYear: year, month: month, day: day) * Self.millisecondsPerDay
            + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
    }

    /// `2024-01-31T12:00:30.250Z`: fixed width, always with milliseconds (log lines, JSON outputs).
    public var iso8601: String {
        "\(dateText)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(millisecond, 3))Z"
    }

    /// Python's `datetime.isoformat()` of an aware UTC time, as the reference's files and reports write it:
    /// `2024-01-01T00:00:00+00:00`, with a six-digit fraction only when the milliseconds are not zero.
    public var pythonISOFormat: String {
        let fraction = millisecond == 0 ? "" : ".\(pad(millisecond * 1000, 6))"
        return "\(dateText)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))\(fraction)+00:00"
    }

    /// `2024-01-31`.
    public var dateText: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    public var description: String { iso8601 }

    // MARK: - Parsing

    /// Parses `YYYY-MM-DD`, optionally followed by `T` (or a space), `HH:MM`, `:SS`, a fraction of 1–9
    /// digits (truncated to milliseconds) and a zone: `Z`, `+HH:MM` or `-HH:MM` (converted to UTC; no zone
    /// means UTC). Nil for anything else or an impossible date.
    public static func milliseconds(parsing text: some StringProtocol) -> Int64? {
        var bytes = Array(text.utf8)
        var offsetMilliseconds: Int64 = 0
        if bytes.last == UInt8(ascii: "Z") {
            bytes.removeLast()
        } else if bytes.count > 16, bytes[bytes.count - 3] == UInt8(ascii: ":"),
            bytes[bytes.count - 6] == UInt8(ascii: "+") || bytes[bytes.count - 6] == UInt8(ascii: "-")
        {
            guard let hours = number(bytes, bytes.count - 5..<bytes.count - 3),
                let minutes = number(bytes, bytes.count - 2..<bytes.count), hours < 24, minutes < 60
            else { return nil }
            let sign: Int64 = bytes[bytes.count - 6] == UInt8(ascii: "+") ? 1 : -1
            offsetMilliseconds = sign * (hours * 3_600_000 + minutes * 60_000)
            bytes.removeLast(6)
        }
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: character)
        }
        guard bytes.count >= 10, byte(4, is: "-"), byte(7, is: "-"),
            let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var result = days(fromYear: year, month: month, day: day) * millisecondsPerDay - offsetMilliseconds
        if bytes.count == 10 { return result }
        guard byte(10, is: "T") || byte(10, is: " "), byte(13, is: ":"),
            let hour = number(bytes, 11..<13), let minute = number(bytes, 14..<16), hour < 24, minute < 60
        else { return nil }
        result += hour * 3_600_000 + minute * 60_000
        if bytes.count == 16 { return result }
        guard byte(16, is: ":"), let second = number(bytes, 17..<19), second < 60 else { return nil }
        result += second * 1000
        if bytes.count == 19 { return result }
        guard byte(19, is: "."), bytes.count > 20, bytes.count <= 29, let fraction = number(bytes, 20..<bytes.count)
        else { return nil }
        var scaled = fraction
        var digits = bytes.count - 20
        while digits > 3 {
            scaled /= 10
            digits -= 1
        }
        while digits < 3 {
            scaled *= 10
            digits += 1
        }
        return result + scaled
    }

    // MARK: - Calendar arithmetic

    /// Days since 1970-01-01 of a civil date.
    public static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivision(shiftedYear, 400).quotient
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The number of days in `month` (1–12) of `year`.
    public static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The UTC day number (days since 1970-01-01) that `milliseconds` falls on.
    public static func day(ofMilliseconds milliseconds: Int64) -> Int64 {
        floorDivision(milliseconds, millisecondsPerDay).quotient
    }

    /// Division rounding towards negative infinity, with a remainder that is never negative.
    static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func number(_ bytes: [UInt8], _ range: Range<Int>) -> Int64? {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in bytes[range] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
