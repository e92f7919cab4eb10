import BotCodecs

/// The time texts of the audit files: ISO text in the reference's spelling (Python `isoformat()` of an
/// aware UTC time) and the compact `YYYYMMDD` day of the daily file names.
enum AlertTimestamp {
    /// `2024-01-01T00:00:00+00:00` or `2024-01-01T00:00:00.250000+00:00`.
    static func isoString(fromMilliseconds milliseconds: Int64) -> String {
        UTCDateTime(milliseconds: milliseconds).pythonISOFormat
    }

    /// Parses the audit file's ISO text (also `Z` and other UTC spellings); nil for anything else.
    static func milliseconds(parsingISO text: String) -> Int64? {
        UTCDateTime.milliseconds(parsing: text)
    }

    /// The UTC day (days since 1970-01-01) that `milliseconds` falls on.
    static func day(ofMilliseconds milliseconds: Int64) -> Int64 {
        UTCDateTime.day(ofMilliseconds: milliseconds)
    }

    /// `20240131` for the given UTC day number.
    static func compactDate(ofDay day: Int64) -> String {
        String(UTCDateTime(milliseconds: day * UTCDateTime.millisecondsPerDay).dateText.filter { $0 != "-" })
    }

    /// The day number of an eight-digit `YYYYMMDD`, or nil when it is not one.
    static func day(parsingCompactDate text: Substring) -> Int64? {
        guard text.count == 8, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let milliseconds = UTCDateTime.milliseconds(
                parsing: "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))")
        else { return nil }
        return UTCDateTime.day(ofMilliseconds: milliseconds)
    }
}
