/// Epoch milliseconds to and from the ISO text the audit file uses, and UTC day numbers for file names.
///
/// The text matches the reference (Python `isoformat()` of an aware UTC time): `2024-01-01T00:00:00+00:00`,
/// with a six-digit fraction only when the milliseconds are not zero (`…T00:00:00.250000+00:00`).
/// Proleptic Gregorian calendar; day arithmetic after Howard Hinnant's `days_from_civil`.
enum AlertTimestamp {
    static let millisecondsPerDay: Int64 = 86_400_000

    /// `2024-01-01T00:00:00+00:00` or `2024-01-01T00:00:00.250000+00:00`.
    static func isoString(fromMilliseconds milliseconds: Int64) -> String {
        let (days, inDay) = floorDivision(milliseconds, millisecondsPerDay)
        let (year, month, day) = civil(fromDays: days)
        var text =
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(inDay / 3_600_000, 2)):"
            + "\(pad(inDay / 60_000 % 60, 2)):\(pad(inDay / 1000 % 60, 2))"
        if inDay % 1000 != 0 { text += ".\(pad(inDay % 1000 * 1000, 6))" }
        return text + "+00:00"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1–9 digits (truncated to milliseconds) and an
    /// optional `Z` or `+00:00`; nil for anything else, including other offsets.
    static func milliseconds(parsingISO text: String) -> Int64? {
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "Z") {
            bytes.removeLast()
        } else if bytes.count > 6, bytes.suffix(6).elementsEqual("+00:00".utf8) {
            bytes.removeLast(6)
        }
        func number(_ range: Range<Int>) -> Int64? {
            guard range.upperBound <= bytes.count, !range.isEmpty else { return nil }
            var value: Int64 = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return value
        }
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(ascii: character)
        }
        guard bytes.count >= 19, byte(4, is: "-"), byte(7, is: "-"), byte(10, is: "T") || byte(10, is: " "),
            byte(13, is: ":"), byte(16, is: ":"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        var result =
            days(fromYear: year, month: month, day: day) * millisecondsPerDay
            + hour * 3_600_000 + minute * 60_000 + second * 1000
        if bytes.count == 19 { return result }
        guard byte(19, is: "."), bytes.count <= 29, let fraction = number(20..<bytes.count) else { return nil }
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
        result += scaled
        return result
    }

    /// The UTC day (days since 1970-01-01) that `milliseconds` falls on.
    static func day(ofMilliseconds milliseconds: Int64) -> Int64 {
        floorDivision(milliseconds, millisecondsPerDay).quotient
    }

    /// `20240131` for the given UTC day number.
    static func compactDate(ofDay day: Int64) -> String {
        let (year, month, dayOfMonth) = civil(fromDays: day)
        return pad(year, 4) + pad(month, 2) + pad(dayOfMonth, 2)
    }

    /// The day number of an eight-digit `YYYYMMDD`, or nil when it is not one.
    static func day(parsingCompactDate text: Substring) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let value = bytes.reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
        let year = value / 10_000
        let month = value / 100 % 100
        let day = value % 100
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return days(fromYear: year, month: month, day: day)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

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

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
