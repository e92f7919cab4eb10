import BotExchanges

/// Measures how well stored candles cover a required window (reference `evaluate_coverage`, §7.2, with
/// seed 004's `ok / missing / stale / incomplete` and freshness limits).
///
/// One pass over the open times, constant memory apart from the few largest holes kept, so a series of
/// millions of minute candles is checked without copying it.
public struct CoverageEvaluator: Sendable {
    /// Seed 004's "maximum expected age" per interval, in minutes, measured from the close of the newest
    /// candle (only closed candles are stored): 1m 6 min, 5m 30 min, 15m 1 h, 1h 2 h, 4h 5 h, 1d 25 h,
    /// 1w 7 days. Other intervals get twice their length, the reference's default gap threshold.
    public static let defaultFreshnessLimits: [Interval: Double] = {
        var limits: [Interval: Double] = [:]
        let table: [(String, Double)] = [
            ("1m", 6), ("5m", 30), ("15m", 60), ("1h", 120), ("4h", 300), ("1d", 1500), ("1w", 10_080),
        ]
        for (spelling, minutes) in table { limits[Interval(spelling)!] = minutes }
        return limits
    }()

    /// Freshness limits in minutes by interval; intervals not listed get twice their length.
    public let freshnessLimits: [Interval: Double]
    /// How many of the largest holes each result lists.
    public let largestGapsKept: Int

    /// An evaluator with seed 004's freshness limits, optionally overridden per interval.
    public init(freshnessLimits: [Interval: Double] = [:], largestGapsKept: Int = 5) {
        self.freshnessLimits = Self.defaultFreshnessLimits.merging(freshnessLimits) { $1 }
        self.largestGapsKept = max(0, largestGapsKept)
    }

    /// The freshness limit for `interval` in minutes.
    public func freshnessLimit(for interval: Interval) -> Double {
        freshnessLimits[interval] ?? Double(2 * interval.approximateMinutes)
    }

    /// Checks one series.
    ///
    /// - Parameters:
    ///   - openTimes: the stored open times in ascending order; a time not greater than the one before it is
    ///     ignored (duplicates cannot make up for missing candles).
    ///   - lookbackDays: how many days of history must be held (the universe's backfill window), or nil when
    ///     the series has no requirement; the window then starts at the first candle.
    ///   - asOf: when to judge (epoch ms); usually now.
    public func evaluate(
        exchange: String, symbol: String, interval: Interval, openTimes: some Sequence<Int64>, lookbackDays: Int?,
        asOf: Int64
    ) -> SeriesCoverage {
        let windowEnd = windowEnd(for: interval, asOf: asOf)
        let windowStart = lookbackDays.map { days in
            Self.firstBucket(atOrAfter: windowEnd - Int64(max(0, days)) * 86_400_000, interval)
        }
        return evaluate(
            exchange: exchange, symbol: symbol, interval: interval, openTimes: openTimes, windowStart: windowStart,
            windowEnd: windowEnd, asOf: asOf)
    }

    /// Checks one series against an explicit start: every candle from the bucket holding `requiredStart` up
    /// to `asOf` must be present.
    public func evaluate(
        exchange: String, symbol: String, interval: Interval, openTimes: some Sequence<Int64>, requiredStart: Int64,
        asOf: Int64
    ) -> SeriesCoverage {
        evaluate(
            exchange: exchange, symbol: symbol, interval: interval, openTimes: openTimes,
            windowStart: interval.start(ofBucketContaining: requiredStart),
            windowEnd: windowEnd(for: interval, asOf: asOf), asOf: asOf)
    }

    /// The first open time after the window: the newest candle that must have closed by `asOf`, allowing
    /// it to be up to `limit − length` late before it counts as missing.
    private func windowEnd(for interval: Interval, asOf: Int64) -> Int64 {
        let grace = max(0, Int64(freshnessLimit(for: interval) * 60_000) - interval.approximateMilliseconds)
        return interval.start(ofBucketContaining: asOf - grace)
    }

    private func evaluate(
        exchange: String, symbol: String, interval: Interval, openTimes: some Sequence<Int64>, windowStart: Int64?,
        windowEnd: Int64, asOf: Int64
    ) -> SeriesCoverage {
        var scan = Scan(interval: interval, windowStart: windowStart, windowEnd: windowEnd, keep: largestGapsKept)
        for time in openTimes { scan.add(time) }
        return scan.finish(exchange: exchange, symbol: symbol, asOf: asOf, limit: freshnessLimit(for: interval))
    }

    static func firstBucket(atOrAfter time: Int64, _ interval: Interval) -> Int64 {
        let start = interval.start(ofBucketContaining: time)
        return start < time ? interval.next(after: start) : start
    }

    /// Candles of `interval` opening in `start..<end`.
    static func bucketCount(from start: Int64, to end: Int64, _ interval: Interval) -> Int64 {
        guard end > start else { return 0 }
        if let length = interval.fixedMilliseconds { return (end - start + length - 1) / length }
        var count: Int64 = 0
        var time = start
        while time < end {
            count += 1
            time = interval.next(after: time)
        }
        return count
    }

    /// The running state of one pass over the open times.
    private struct Scan {
        let interval: Interval
        let windowStart: Int64?
        let windowEnd: Int64
        let keep: Int
        var first: Int64?
        var last: Int64?
        var total: Int64 = 0
        var inWindow: Int64 = 0
        var gapCount = 0
        var largest: [CoverageGap] = []
        var largestMinutes = 0.0

        /// The fixed length, or nil for months; read once, as `add` runs per candle.
        let length: Int64?
        /// The first open time a hole may start at (the window start, or no limit without one).
        let holeFloor: Int64

        init(interval: Interval, windowStart: Int64?, windowEnd: Int64, keep: Int) {
            self.interval = interval
            self.windowStart = windowStart
            self.windowEnd = windowEnd
            self.keep = keep
            length = interval.fixedMilliseconds
            holeFloor = windowStart ?? Int64.min
        }

        @inline(__always)
        mutating func add(_ time: Int64) {
            guard let previous = last else {
                first = time
                last = time
                total = 1
                if time < windowEnd, time >= holeFloor { inWindow = 1 }
                return
            }
            guard time > previous else { return }
            last = time
            total += 1
            // Candles before the window (previous < holeFloor) leave missing history, not a hole.
            guard time < windowEnd, time >= holeFloor else { return }
            inWindow += 1
            guard previous >= holeFloor else { return }
            let holeStart = length.map { previous + $0 } ?? interval.next(after: previous)
            if time > holeStart { record(start: holeStart, end: time) }
        }

        mutating func record(start: Int64, end: Int64) {
            gapCount += 1
            largestMinutes = max(largestMinutes, Double(end - start) / 60_000)
            guard keep > 0 else { return }
            let gap = CoverageGap(
                start: start, end: end, missingCandles: CoverageEvaluator.bucketCount(from: start, to: end, interval))
            // Longest first; on equal length the earlier gap stays ahead.
            guard largest.count < keep || gap.minutes > largest[largest.count - 1].minutes else { return }
            var index = largest.count
            while index > 0, largest[index - 1].minutes < gap.minutes { index -= 1 }
            largest.insert(gap, at: index)
            if largest.count > keep { largest.removeLast() }
        }

        func next(_ time: Int64) -> Int64 {
            length.map { time + $0 } ?? interval.next(after: time)
        }

        func finish(exchange: String, symbol: String, asOf: Int64, limit: Double) -> SeriesCoverage {
            let start = windowStart ?? first
            let required = windowStart.map { CoverageEvaluator.bucketCount(from: $0, to: windowEnd, interval) }
            let expected = start.map { CoverageEvaluator.bucketCount(from: $0, to: windowEnd, interval) } ?? 0
            let missing = max(0, expected - inWindow)
            var age: Double?
            var trailing: Int64 = 0
            var trailingMinutes = 0.0
            if let last {
                let close = next(last)
                age = Double(max(0, asOf - close)) / 60_000
                let from = max(close, start ?? close)
                if from < windowEnd {
                    trailing = CoverageEvaluator.bucketCount(from: from, to: windowEnd, interval)
                    trailingMinutes = Double(windowEnd - from) / 60_000
                }
            }
            let stale = age.map { $0 > limit } ?? false
            var issues: [String] = []
            if first == nil { issues.append("missing_data") }
            if let age, stale { issues.append("stale:\(PythonFloat.repr(age))>\(PythonFloat.repr(limit))") }
            // Candles that are only late are the staleness finding; history is short when more is missing, or
            // when not one candle falls in the window (a feed that stopped long ago is more than stale).
            if let required, required > 0, first == nil || inWindow == 0 || inWindow + trailing < required {
                issues.append("insufficient_rows:\(inWindow)<\(required)")
            }
            if gapCount > 0 { issues.append("gaps:\(gapCount)") }

            let state: CoverageState
            let status: CoverageStatus
            let incomplete = issues.contains { $0.hasPrefix("insufficient_rows:") || $0.hasPrefix("gaps:") }
            if first == nil {
                (state, status) = (.missing, .error)
            } else if stale {
                (state, status) = (.stale, incomplete ? .error : .warning)
            } else if incomplete {
                (state, status) = (.incomplete, .error)
            } else {
                (state, status) = (.ok, .ok)
            }
            return SeriesCoverage(
                exchange: exchange, symbol: symbol, interval: interval, asOf: asOf, windowStart: windowStart,
                windowEnd: windowEnd, firstOpenTime: first, lastOpenTime: last, totalRows: total, rowCount: inWindow,
                requiredRows: required, missingRows: missing, ageMinutes: age, freshnessLimitMinutes: limit,
                gapCount: gapCount, gapMinutes: first == nil ? nil : max(largestMinutes, trailingMinutes),
                largestGaps: largest, issues: issues, state: state, status: status)
        }
    }
}
