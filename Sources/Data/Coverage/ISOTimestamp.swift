/// Epoch milliseconds as the ISO text the reports and the gap audit print (reference-data §0).
///
/// Python `isoformat()` of an aware UTC time: `2024-01-01T00:00:00+00:00`, with a six-digit fraction only
/// when the milliseconds are not zero (`2025-11-26T19:12:10.684000+00:00`). Proleptic Gregorian calendar.
public enum ISOTimestamp {
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// The ISO text of `milliseconds` since the epoch, UTC.
    public static func string(fromMilliseconds milliseconds: Int64) -> String {
        let remainder = milliseconds % millisecondsPerDay
        let days = milliseconds / millisecondsPerDay - (remainder < 0 ? 1 : 0)
        let inDay = remainder < 0 ? remainder + millisecondsPerDay : remainder
        let (year, month, day) = civil(fromDays: days)
        var text =
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(inDay / 3_600_000, 2)):"
            + "\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2))"
        if inDay % 1000 != 0 { text += ".\(pad(inDay % 1000 * 1000, 6))" }
        return text + "+00:00"
    }

    /// Civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
