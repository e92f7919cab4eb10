import Foundation

/// Parsing of the `Retry-After` response header (RFC 9110 §10.2.3): either delay-seconds or an
/// HTTP-date.
enum RetryAfter {
    /// The wait the header asks for, or nil when it is absent or unreadable. A date in the past is zero.
    static func wait(in headers: HTTPHeaders, now: Date) -> Duration? {
        guard let raw = headers["Retry-After"] else { return nil }
        let value = raw.trimmingCharacters(in: .whitespaces)
        if !value.isEmpty, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            // Huge values saturate; the policy's limit decides what happens to them.
            return .seconds(Int64(value) ?? Int64.max / 1_000_000_000_000)
        }
        guard let date = httpDate(value) else { return nil }
        let seconds = date - now.timeIntervalSince1970
        guard seconds > 0 else { return .zero }
        return .seconds(Int64(min(seconds.rounded(.up), 1e12)))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Seconds since the epoch of an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") or the obsolete
    /// RFC 850 form ("Sunday, 06-Nov-94 08:49:37 GMT"). Parsed by hand: no locale, no formatter cost.
    static func httpDate(_ text: String) -> Double? {
        guard let comma = text.firstIndex(of: ",") else { return nil }
        let rest = text[text.index(after: comma)...].split(whereSeparator: { $0 == " " || $0 == "-" })
        guard rest.count == 5, rest[4] == "GMT" else { return nil }
        guard let day = Int(rest[0]), let month = months.firstIndex(of: String(rest[1])), var year = Int(rest[2])
        else { return nil }
        if rest[2].count == 2 { year += year < 70 ? 2000 : 1900 }
        let time = rest[3].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
            (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (1...9999).contains(year)
        else { return nil }
        let days = daysFromCivil(year: year, month: month + 1, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
