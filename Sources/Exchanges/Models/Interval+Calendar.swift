import BotCodecs

extension Interval {
    private static let dayMilliseconds: Int64 = 86_400_000
    /// 1970-01-05, the first Monday after the epoch (a Thursday): weekly buckets start on Mondays.
    private static let mondayOffset: Int64 = 4 * dayMilliseconds

    /// The open time of the bucket that holds `time` (milliseconds since the epoch, UTC).
    ///
    /// For `4h` that is the last multiple of four hours since the epoch at or before `time`; for `1w` the
    /// Monday 00:00 UTC; for `1M` 00:00 UTC on the first of the month; for `3M` the first of January, April,
    /// July or October (months are counted from January 1970). Times before 1970 work the same way.
    public func start(ofBucketContaining time: Int64) -> Int64 {
        switch unit {
        case .minute, .hour, .day:
            let length = approximateMilliseconds
            return Self.floorDivide(time, length) * length
        case .week:
            let length = approximateMilliseconds
            return Self.floorDivide(time - Self.mondayOffset, length) * length + Self.mondayOffset
        case .month:
            let months = Self.monthIndex(of: time)
            return Self.time(ofMonthIndex: Self.floorDivide(months, Int64(count)) * Int64(count))
        }
    }

    /// The open time of the bucket after the one holding `openTime`.
    public func next(after openTime: Int64) -> Int64 {
        advance(openTime, by: 1)
    }

    /// The open time `steps` buckets after (or, when negative, before) the bucket holding `openTime`.
    ///
    /// For fixed-length intervals an aligned `openTime` moves by `steps` lengths; month intervals step
    /// through calendar months (January 31 is never involved: buckets open on the first).
    public func advance(_ openTime: Int64, by steps: Int) -> Int64 {
        let start = start(ofBucketContaining: openTime)
        if let length = fixedMilliseconds { return start + Int64(steps) * length }
        return Self.time(ofMonthIndex: Self.monthIndex(of: start) + Int64(steps) * Int64(count))
    }

    /// Whether `time` is the open time of a bucket.
    public func isAligned(_ time: Int64) -> Bool {
        start(ofBucketContaining: time) == time
    }

    /// The open times of every bucket that starts in `range` (half-open), in order.
    public func openTimes(in range: Range<Int64>) -> [Int64] {
        var times: [Int64] = []
        var time = start(ofBucketContaining: range.lowerBound)
        if time < range.lowerBound { time = next(after: time) }
        while time < range.upperBound {
            times.append(time)
            time = next(after: time)
        }
        return times
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, UTC)

    /// Months since January 1970 of the month holding `time`.
    static func monthIndex(of time: Int64) -> Int64 {
        let (year, month, _) = UTCDateTime.civil(fromDays: floorDivide(time, dayMilliseconds))
        return (year - 1970) * 12 + (month - 1)
    }

    /// 00:00 UTC on the first day of the month `index` months after January 1970.
    static func time(ofMonthIndex index: Int64) -> Int64 {
        let year = 1970 + floorDivide(index, 12)
        let month = index - floorDivide(index, 12) * 12 + 1
        return UTCDateTime.days(fromYear: year, month: month, day: 1) * dayMilliseconds
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
