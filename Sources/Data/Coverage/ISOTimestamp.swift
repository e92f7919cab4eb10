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

    /// Parses `YYYY-MM-DDTHH:MM:SS` with an optional fraction (truncated to milliseconds) and an optional
    /// `Z` or `±HH:MM` offset; a time without an offset is UTC, as the reference reads naive times. Nil for
    /// anything else.
    public static func milliseconds(parsing text: String) -> Int64? {
        var bytes = Array(text.utf8)
        var offset: Int64 = 0
        if bytes.last == UInt8(ascii: "Z") {
            bytes.removeLast()
        } else if bytes.count >= 25,
            bytes[bytes.count - 6] == UInt8(ascii: "+") || bytes[bytes.count - 6] == UInt8(ascii: "-")
        {
            let sign = bytes.count - 6
            let tail = Array(bytes[(sign + 1)...])
            guard tail[2] == UInt8(ascii: ":"), let hours = number(tail[0..<2]), let minutes = number(tail[3..<5]),
                hours < 24, minutes < 60
            else { return nil }
            offset = (hours * 60 + minutes) * 60_000 * (bytes[sign] == UInt8(ascii: "-") ? -1 : 1)
            bytes.removeSubrange(sign...)
        }
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: character)
        }
        guard bytes.count >= 19, byte(4, is: "-"), byte(7, is: "-"), byte(10, is: "T") || byte(10, is: " "),
            byte(13, is: ":"), byte(16, is: ":"), let year = number(bytes[0..<4]), let month = number(bytes[5..<7]),
            let day = number(bytes[8..<10]), let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
            let second = number(bytes[17..<19]), (1...12).contains(month), day >= 1,
            day <= daysIn(month: month, year: year), hour < 24,
            minute < 60, second < 60
        else { return nil }
        var fraction: Int64 = 0
        if bytes.count > 19 {
            guard byte(19, is: "."), bytes.count > 20, bytes.count <= 29, let digits = number(bytes[20...]) else {
                return nil
            }
            fraction = digits
            var count = bytes.count - 20
            while count > 3 {
                fraction /= 10
                count -= 1
            }
            while count < 3 {
                fraction *= 10
                count += 1
            }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        return days * millisecondsPerDay + hour * 3_600_000 + minute * 60_000 + second * 1000 + fraction - offset
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
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
