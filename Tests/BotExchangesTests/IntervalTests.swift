import BotExchanges
import Foundation
import TestSupport
import Testing

@Suite("Interval")
struct IntervalTests {
    /// Milliseconds of a UTC date, computed by Foundation's Gregorian calendar (an independent reference).
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        return Int64((calendar.date(from: components)!.timeIntervalSince1970 * 1000).rounded())
    }

    static func components(_ time: Int64) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: Double(time) / 1000)
        return calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .nanosecond, .weekday], from: date)
    }


    /// Times between 1900 and 2200, including negative ones.
    static func sampleTimes(count: Int, seed: UInt64) -> [Int64] {
        var generator = SeededGenerator(seed: seed)
        let low = utc(1900, 1, 1)
        let high = utc(2200, 1, 1)
        return (0..<count).map { _ in Int64.random(in: low..<high, using: &generator) }
    }

    static let spellings: [(String, String)] = [
        ("1m", "1m"), ("3m", "3m"), ("5m", "5m"), ("15m", "15m"), ("30m", "30m"), ("1h", "1h"), ("2h", "2h"),
        ("4h", "4h"), ("6h", "6h"), ("8h", "8h"), ("12h", "12h"), ("1d", "1d"), ("3d", "3d"), ("1w", "1w"),
        ("1M", "1M"), ("M1", "1m"), ("M5", "5m"), ("M15", "15m"), ("M30", "30m"), ("H1", "1h"), ("H4", "4h"),
        ("D1", "1d"), ("W1", "1w"), ("MN1", "1M"), ("mn1", "1M"), ("h4", "4h"), ("d10", "10d"), (" 1d ", "1d"),
        ("01h", "1h"), ("90m", "90m"),
    ]

    @Test("every spelling parses to its canonical form", arguments: spellings)
    func spelling(_ text: String, _ canonical: String) throws {
        let interval = try Interval(parsing: text)
        #expect(interval.description == canonical)
        #expect(try Interval(parsing: interval.description) == interval)
    }

    @Test("1m is a minute and 1M a calendar month")
    func minuteAndMonth() throws {
        #expect(try Interval(parsing: "1m") == .oneMinute)
        #expect(try Interval(parsing: "1M") == .oneMonth)
        #expect(Interval.oneMinute.fixedMilliseconds == 60_000)
        #expect(Interval.oneMonth.fixedMilliseconds == nil)
        #expect(Interval.oneMonth.approximateMinutes == 43_200)
    }

    @Test("the standard table has the reference lengths in minutes")
    func standardTable() throws {
        #expect(
            Interval.standard.map(\.description)
                == "1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M".split(separator: " ").map(String.init))
        #expect(
            Interval.standard.map(\.approximateMinutes) == [
                1, 3, 5, 15, 30, 60, 120, 240, 360, 480, 720, 1440, 4320, 10080, 43200,
            ])
        #expect(Interval.standard == Interval.standard.sorted())
        #expect(Interval.oneDay.isStandard)
        #expect(!(try Interval(parsing: "7m")).isStandard)
    }

    @Test(
        "bad tokens are refused with a message naming the token and the accepted spellings",
        arguments: [
            ("", IntervalError.empty), ("   ", .empty), ("15", .missingUnit("15")),
            ("1H", .unknownUnit("1H", unit: "H")), ("1s", .unknownUnit("1s", unit: "s")),
            ("1x", .unknownUnit("1x", unit: "x")), ("daily", .malformed("daily")), ("1hh", .malformed("1hh")),
            ("1m5", .malformed("1m5")), ("0m", .notPositive("0m")), ("H0", .notPositive("H0")),
            ("X5", .unknownUnit("X5", unit: "X")), ("-1m", .malformed("-1m")),
            ("99999999999999999999d", .tooLarge("99999999999999999999d")), ("2000000m", .tooLarge("2000000m")),
        ])
    func refused(_ text: String, _ expected: IntervalError) {
        #expect(throws: expected) { try Interval(parsing: text) }
        #expect(Interval(text) == nil)
        #expect(expected.description.contains("1m 15m 1h 4h 1d 1w 1M"))
        if case .unknownUnit(let token, _) = expected { #expect(expected.description.contains("'\(token)'")) }
    }

    @Test("upper-case H, D, W suggest the lower-case spelling")
    func upperCaseHint() {
        #expect(IntervalError.unknownUnit("1H", unit: "H").description.contains("write '1h'"))
    }

    @Test("Codable writes the canonical spelling and reads any spelling")
    func codable() throws {
        let encoded = try JSONEncoder().encode([Interval.oneDay, try Interval(parsing: "H4")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["1d","4h"]"#)
        let decoded = try JSONDecoder().decode([Interval].self, from: Data(#"["D1","1M","15m"]"#.utf8))
        #expect(decoded.map(\.description) == ["1d", "1M", "15m"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Interval].self, from: Data(#"["1x"]"#.utf8)) }
    }

    @Test(
        "buckets of fixed intervals contain the time, are aligned, and follow each other",
        arguments: ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "7m"])
    func fixedBuckets(_ text: String) throws {
        let interval = try Interval(parsing: text)
        let length = try #require(interval.fixedMilliseconds)
        for time in Self.sampleTimes(count: 300, seed: UInt64(length)) {
            let start = interval.start(ofBucketContaining: time)
            let next = interval.next(after: time)
            #expect(start <= time && time < next)
            #expect(next - start == length)
            #expect(interval.isAligned(start) && interval.isAligned(next))
            #expect(interval.start(ofBucketContaining: next - 1) == start)
            #expect(interval.advance(start, by: 5) == start + 5 * length)
            #expect(interval.advance(start, by: -3) == start - 3 * length)
            if interval.unit == .week {
                #expect(Self.components(start).weekday == 2)  // Monday
            } else {
                #expect(start % length == 0)
            }
        }
    }

    @Test("month buckets open at 00:00 UTC on the first of the month", arguments: ["1M", "3M", "MN1"])
    func monthBuckets(_ text: String) throws {
        let interval = try Interval(parsing: text)
        for time in Self.sampleTimes(count: 400, seed: 77) {
            let start = interval.start(ofBucketContaining: time)
            let next = interval.next(after: time)
            #expect(start <= time && time < next)
            let opened = Self.components(start)
            #expect(opened.day == 1 && opened.hour == 0 && opened.minute == 0 && opened.second == 0)
            #expect(((opened.month! - 1) % interval.count) == 0)
            let closed = Self.components(next)
            let months = (closed.year! - opened.year!) * 12 + closed.month! - opened.month!
            #expect(months == interval.count && closed.day == 1)
            #expect(interval.advance(start, by: -1) == interval.start(ofBucketContaining: start - 1))
        }
    }

    @Test("month lengths follow the Gregorian leap-year rules")
    func leapYears() {
        let month = Interval.oneMonth
        let day: Int64 = 86_400_000
        for (year, february) in [(2023, 28), (2024, 29), (1900, 28), (2000, 29), (2100, 28), (1968, 29)] {
            let first = Self.utc(year, 2, 1)
            #expect(month.next(after: first) - first == Int64(february) * day)
            #expect(month.start(ofBucketContaining: Self.utc(year, 2, 28, 23, 59)) == first)
        }
        #expect(month.next(after: Self.utc(2024, 12, 31, 23, 59)) == Self.utc(2025, 1, 1))
        #expect(month.start(ofBucketContaining: Self.utc(2024, 3, 1) - 1) == Self.utc(2024, 2, 1))
        #expect(month.advance(Self.utc(2024, 1, 1), by: 13) == Self.utc(2025, 2, 1))
        #expect(month.advance(Self.utc(1970, 1, 1), by: -1) == Self.utc(1969, 12, 1))
    }

    @Test("open times in a range step through calendar months and fixed lengths")
    func openTimes() throws {
        let months = Interval.oneMonth.openTimes(in: Self.utc(2024, 1, 15)..<Self.utc(2024, 5, 1))
        #expect(months == [Self.utc(2024, 2, 1), Self.utc(2024, 3, 1), Self.utc(2024, 4, 1)])
        let hours = Interval.oneHour.openTimes(in: Self.utc(2024, 1, 1)..<Self.utc(2024, 1, 1, 3))
        #expect(hours == [Self.utc(2024, 1, 1), Self.utc(2024, 1, 1, 1), Self.utc(2024, 1, 1, 2)])
    }

    @Test("weeks open on Monday: 2024-01-01 was one")
    func weekAlignment() {
        #expect(Interval.oneWeek.start(ofBucketContaining: Self.utc(2024, 1, 7, 23, 59)) == Self.utc(2024, 1, 1))
        #expect(Interval.oneWeek.start(ofBucketContaining: 0) == Self.utc(1969, 12, 29))
    }
}
