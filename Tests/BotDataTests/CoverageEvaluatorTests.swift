import BotData
import BotExchanges
import Foundation
import Testing

@Suite struct CoverageEvaluatorTests {
    static let day: Int64 = 86_400_000
    static let hour: Int64 = 3_600_000
    static let may1: Int64 = 1_714_521_600_000  // 2024-05-01T00:00:00Z

    private let evaluator = CoverageEvaluator()

    private func daily(_ count: Int, from start: Int64 = may1) -> [Int64] {
        (0..<Int64(count)).map { start + $0 * Self.day }
    }

    // Reference test_check_data_coverage_script: 40 daily rows, 30-day window, as of the last row → ok.
    @Test func fortyDailyRowsAsOfTheLastRowAreOK() {
        let times = daily(40)
        let result = evaluator.evaluate(
            exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneDay, openTimes: times, lookbackDays: 30,
            asOf: times.last!)
        #expect(result.status == .ok && result.state == .ok && result.issues.isEmpty)
        #expect(result.requiredRows == 30 && result.rowCount == 30 && result.totalRows == 40)
        #expect(result.gapMinutes == 0 && result.ageMinutes == 0 && result.gapCount == 0)
        let report = CoverageReport(entries: [result], asOf: times.last!)
        #expect(report.exitStatus == 0 && report.status == .ok)
        #expect(report.summary.total == 1 && report.summary.ok == 1 && report.summary.staleEntries == 0)
        #expect(report.summary.issueCounts.isEmpty && report.summary.issueExamples.isEmpty)
    }

    // Reference: 5 daily rows with a 60-day requirement → error, insufficient_rows:5<60.
    @Test func fiveDailyRowsAgainstSixtyDaysAreInsufficient() {
        let times = daily(5)
        let asOf = times.last! + Self.day + Self.hour  // just after the last candle closed, within its grace
        let result = evaluator.evaluate(
            exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneDay, openTimes: times, lookbackDays: 60,
            asOf: asOf)
        #expect(result.issues == ["insufficient_rows:5<60"])
        #expect(result.state == .incomplete && result.status == .error && result.missingRows == 55)
        let report = CoverageReport(entries: [result], asOf: asOf)
        #expect(report.exitStatus == 2 && report.status == .error)
        #expect(report.summary.error == 1 && report.summary.issueCounts.map(\.code) == ["insufficient_rows"])
        #expect(report.summary.issueExamples.first?.example == "insufficient_rows:5<60")
        #expect(report.issues == ["BTCUSDT/1d: insufficient_rows:5<60"])
    }

    // Reference test_manifest_report: last candle 2024-05-01, as of 2024-05-10 → stale. The reference measures
    // 12960 min from the open; only closed candles are stored here, so the age runs from the close.
    @Test func aSeriesThatStoppedIsStaleWithItsAge() {
        let asOf = Self.may1 + 9 * Self.day
        let result = evaluator.evaluate(
            exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneDay, openTimes: [Self.may1], lookbackDays: nil,
            asOf: asOf)
        #expect(result.ageMinutes == 11_520)
        #expect(result.issues == ["stale:11520.0>1500.0"])
        #expect(result.state == .stale && result.status == .warning)
        #expect(result.gapMinutes == 10_080)  // from the close on 05-02 to the last required open (05-09)
        let report = CoverageReport(entries: [result], asOf: asOf)
        #expect(report.summary.status == .warning && report.summary.staleEntries == 1 && report.exitStatus == 2)
    }

    @Test func freshnessLimitsFollowSeed004() throws {
        let expected: [(String, Double)] = [
            ("1m", 6), ("5m", 30), ("15m", 60), ("1h", 120), ("4h", 300), ("1d", 1500), ("1w", 10_080), ("D1", 1500),
            ("30m", 60), ("1M", 86_400),
        ]
        for (spelling, minutes) in expected {
            #expect(evaluator.freshnessLimit(for: try Interval(parsing: spelling)) == minutes, "\(spelling)")
        }
        let custom = CoverageEvaluator(freshnessLimits: [.oneDay: 60])
        #expect(custom.freshnessLimit(for: .oneDay) == 60 && custom.freshnessLimit(for: .oneHour) == 120)
    }

    @Test func freshnessIsJudgedAtTheLimitBoundary() throws {
        let interval = try Interval(parsing: "1h")
        let times = (0..<Int64(48)).map { Self.may1 + $0 * Self.hour }
        let close = times.last! + Self.hour
        let atLimit = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: interval, openTimes: times, lookbackDays: 1,
            asOf: close + 120 * 60_000)
        #expect(atLimit.state == .ok, "an age equal to the limit is still fresh")
        let past = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: interval, openTimes: times, lookbackDays: 1,
            asOf: close + 120 * 60_000 + 1)
        #expect(past.state == .stale && past.status == .warning && past.issues.count == 1)
    }

    @Test func findsHolesAndListsTheLargestFirst() {
        var times = daily(100)
        times.removeSubrange(10..<13)  // 3 days
        times.removeSubrange(50..<51)  // 1 day
        times.removeSubrange(70..<75)  // 5 days
        let asOf = Self.may1 + 100 * Self.day + Self.hour
        let result = CoverageEvaluator(largestGapsKept: 2).evaluate(
            exchange: "x", symbol: "BTCUSDT", interval: .oneDay, openTimes: times, lookbackDays: 100, asOf: asOf)
        #expect(result.gapCount == 3)
        #expect(result.largestGaps.map(\.missingCandles) == [5, 3])
        #expect(result.largestGaps[1].start == Self.may1 + 10 * Self.day)
        #expect(result.largestGaps[1].end == Self.may1 + 13 * Self.day)
        #expect(result.largestGapMinutes == 7200 && result.gapMinutes == 7200)
        #expect(result.missingRows == 9 && result.rowCount == 91 && result.requiredRows == 100)
        #expect(result.issues == ["insufficient_rows:91<100", "gaps:3"])
        #expect(result.state == .incomplete)
    }

    @Test func missingDataWinsOverEverythingElse() {
        let result = evaluator.evaluate(
            exchange: "x", symbol: "ETHUSDT", interval: .oneHour, openTimes: [], lookbackDays: 2, asOf: Self.may1)
        #expect(result.state == .missing && result.status == .error)
        #expect(result.issues == ["missing_data", "insufficient_rows:0<48"])
        #expect(result.gapMinutes == nil && result.ageMinutes == nil && result.firstOpenTime == nil)
    }

    @Test func staleAndIncompleteIsAnErrorReportedAsStale() {
        let times = daily(10)
        let asOf = Self.may1 + 40 * Self.day
        let result = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: .oneDay, openTimes: times, lookbackDays: 40, asOf: asOf)
        #expect(result.state == .stale && result.status == .error)
        #expect(result.issues.map { String($0.prefix { $0 != ":" }) } == ["stale", "insufficient_rows"])
        let longGone = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: .oneDay, openTimes: times, lookbackDays: 5, asOf: asOf)
        #expect(longGone.state == .stale && longGone.status == .error && longGone.rowCount == 0)
        #expect(longGone.issues.last == "insufficient_rows:0<5")
    }

    @Test func ignoresDuplicatesAndCandlesBeforeTheWindow() {
        let times = daily(10) + daily(10).map { $0 + 20 * Self.day }
        let withDuplicates = times.flatMap { [$0, $0] }
        let asOf = Self.may1 + 30 * Self.day
        let result = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: .oneDay, openTimes: withDuplicates, lookbackDays: 5, asOf: asOf)
        #expect(result.totalRows == 20 && result.rowCount == 5 && result.gapCount == 0 && result.state == .ok)
        let wide = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: .oneDay, openTimes: times, lookbackDays: 25, asOf: asOf)
        #expect(wide.gapCount == 1 && wide.largestGaps.first?.missingCandles == 10)
        #expect(wide.issues == ["insufficient_rows:15<25", "gaps:1"])
    }

    @Test func worksForCalendarMonths() throws {
        let month = try Interval(parsing: "1M")
        var times: [Int64] = []
        var time = month.start(ofBucketContaining: Self.may1 - 400 * Self.day)
        while time < Self.may1 {
            times.append(time)
            time = month.next(after: time)
        }
        times.remove(at: 3)
        let result = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: month, openTimes: times, lookbackDays: nil, asOf: Self.may1 + Self.day
        )
        #expect(result.gapCount == 1 && result.largestGaps.first?.missingCandles == 1)
        #expect(result.state == .incomplete)
    }

    @Test func scansAYearOfMinuteCandlesInOnePass() {
        let start = Self.may1
        let count: Int64 = 525_600
        let times = (0..<count).lazy.filter { $0 % 100_000 != 7 }.map { start + $0 * 60_000 }
        let asOf = start + count * 60_000
        let result = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: .oneMinute, openTimes: times, lookbackDays: 365, asOf: asOf)
        #expect(result.totalRows == count - 6 && result.gapCount == 6 && result.requiredRows == count)
        #expect(result.largestGaps.count == 5 && result.largestGaps.allSatisfy { $0.missingCandles == 1 })
    }

    // Reference test_manifest_report: a last candle at as-of counts as ok.
    @Test func aLastCandleAtAsOfIsOK() {
        let times = daily(3)
        let result = evaluator.evaluate(
            exchange: "x", symbol: "BTCUSDT", interval: .oneDay, openTimes: times, lookbackDays: nil,
            asOf: times.last!)
        #expect(result.state == .ok && result.ageMinutes == 0 && result.gapMinutes == 0)
        #expect(CoverageSummary([result]).stateCounts.map(\.state) == [.ok])
    }

    @Test func acceptsAnExplicitRequiredStartAndMetaTraderSpellings() throws {
        let times = daily(10)
        let asOf = Self.may1 + 10 * Self.day + Self.hour
        let result = evaluator.evaluate(
            exchange: "x", symbol: "S", interval: try Interval(parsing: "D1"), openTimes: times,
            requiredStart: Self.may1 - 2 * Self.day + 5, asOf: asOf)
        #expect(result.interval == .oneDay && result.requiredRows == 12 && result.rowCount == 10)
        #expect(result.windowStart == Self.may1 - 2 * Self.day)
        #expect(result.issues == ["insufficient_rows:10<12"])
    }
}
