import BotCodecs
import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

@Suite struct CoverageReportTests {
    static let day: Int64 = 86_400_000
    static let hour: Int64 = 3_600_000
    static let may1: Int64 = 1_714_521_600_000
    let evaluator = CoverageEvaluator()

    private func entry(_ symbol: String, _ days: Int, lookback: Int?, asOf: Int64, interval: Interval = .oneDay)
        -> SeriesCoverage
    {
        let times = (0..<Int64(days)).map { Self.may1 + $0 * interval.approximateMilliseconds }
        return evaluator.evaluate(
            exchange: "binance_spot", symbol: symbol, interval: interval, openTimes: times, lookbackDays: lookback,
            asOf: asOf)
    }

    // Reference test_ohlcv_coverage_summary: one ok, one stale with insufficient rows, one missing.
    @Test func summarisesMixedEntries() {
        let asOf = Self.may1 + 30 * Self.day + Self.hour
        let entries = [
            entry("BTCUSDT", 30, lookback: 30, asOf: asOf),
            entry("ETHUSDT", 20, lookback: 30, asOf: asOf),
            entry("SOLUSDT", 0, lookback: 30, asOf: asOf),
        ]
        let summary = CoverageSummary(entries)
        // Stale without missing history is a warning here (the reference called every finding an error).
        #expect(summary.total == 3 && summary.ok == 1 && summary.error == 1 && summary.warning == 1)
        #expect(summary.staleEntries == 1 && summary.okRatio == 1.0 / 3 && summary.status == .error)
        #expect(summary.stateCounts.map(\.state) == [.ok, .missing, .stale])
        #expect(summary.issueCounts.map(\.code) == ["stale", "missing_data", "insufficient_rows"])
        #expect(summary.issueCounts.map(\.count) == [1, 1, 1])
        #expect(CoverageSummary(Array(entries.prefix(2))).status == .warning)
        #expect(summary.issueExamples.first { $0.code == "missing_data" }?.example == "missing_data")
        #expect(summary.worstGap?.symbol == "ETHUSDT" && summary.worstGap?.gapMinutes == 14_400)
        #expect(summary.worstGap?.lastTimestampISO == "2024-05-20T00:00:00+00:00")
        #expect(summary.byInterval.map(\.key) == ["1d"] && summary.byInterval[0].counts.total == 3)
        #expect(summary.bySymbol.map(\.key) == ["BTCUSDT", "ETHUSDT", "SOLUSDT"])
    }

    @Test func summarisesNothingAsOK() {
        let summary = CoverageSummary([])
        #expect(summary.status == .ok && summary.total == 0 && summary.okRatio == nil && summary.worstGap == nil)
        #expect(summary.issueCounts.isEmpty && summary.stateCounts.isEmpty)
        let report = CoverageReport(entries: [], asOf: Self.may1, thresholds: CoverageThresholds(minOkRatio: 0.9))
        #expect(report.thresholdIssues == ["ok_ratio_missing"] && report.exitStatus == 2)
        #expect(report.json(environment: "e", exchange: "x", manifestPath: "m")["gap_statistics_by_interval"] == nil)
    }

    // Reference §7.5 issue texts, with Python float repr.
    @Test func evaluatesThresholdsWithPythonFloatText() {
        let asOf = Self.may1 + 10 * Self.day
        let stale = entry("BTCUSDT", 1, lookback: nil, asOf: asOf)  // 8 days missing at the end
        let report = CoverageReport(
            entries: [stale], asOf: asOf, thresholds: CoverageThresholds(maxGapMinutes: 100, minOkRatio: 0.9))
        #expect(report.thresholdIssues == ["max_gap_exceeded:11520.0>100.0", "ok_ratio_below_threshold:0.0<0.9"])
        #expect(report.status == .error && report.exitStatus == 2)
        let evaluation = try! #require(report.thresholdEvaluation)
        #expect(
            evaluation.json.compact == "{\"issues\": [\"max_gap_exceeded:11520.0>100.0\", "
                + "\"ok_ratio_below_threshold:0.0<0.9\"], \"thresholds\": {\"max_gap_minutes\": 100.0, \"min_ok_ratio\": 0.9}, "
                + "\"observed\": {\"worst_gap_minutes\": 11520.0, \"ok_ratio\": 0.0}}")
        let loose = CoverageThresholds(maxGapMinutes: 20_000).evaluate(report.summary)
        #expect(loose.issues.isEmpty)
        #expect(CoverageThresholds(maxGapMinutes: 11_520).evaluate(report.summary).issues.isEmpty)
    }

    @Test func gapStatisticsInterpolate() {
        let stats = GapStatistics(gaps: [4, nil, 1, 3, 2, .nan])
        #expect(stats.totalEntries == 6 && stats.withGapMeasurement == 4)
        #expect(stats.minimum == 1 && stats.maximum == 4 && stats.median == 2.5)
        #expect(stats.percentile95 == 3.8499999999999996 && stats.percentile99 == 3.9699999999999998)
        let single = GapStatistics(gaps: [7])
        #expect(single.median == 7 && single.percentile99 == 7)
        let none = GapStatistics(gaps: [nil])
        #expect(none.median == nil && none.maximum == nil)
    }

    @Test func rendersTheReferenceKeyOrder() throws {
        let asOf = Self.may1 + 30 * Self.day + Self.hour
        let entries = [
            entry("ETHUSDT", 30, lookback: 30, asOf: asOf),
            entry("BTCUSDT", 30 * 24, lookback: 30, asOf: asOf, interval: .oneHour),
            entry("BTCUSDT", 30, lookback: 30, asOf: asOf),
        ]
        let report = CoverageReport(entries: entries, asOf: asOf, thresholds: CoverageThresholds(maxGapMinutes: 240))
        #expect(report.entries.map { "\($0.symbol)/\($0.interval)" } == ["BTCUSDT/1d", "BTCUSDT/1h", "ETHUSDT/1d"])
        let json = report.json(environment: "binance_paper", exchange: "binance_spot", manifestPath: "/m.sqlite")
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        #expect(
            members.map(\.0) == [
                "environment", "exchange", "manifest_path", "as_of", "entries", "issues", "summary", "status",
                "threshold_issues", "threshold_evaluation", "gap_statistics", "gap_statistics_by_interval",
            ])
        guard case .object(let entry) = json["entries"].flatMap({ if case .array(let a) = $0 { a[0] } else { nil } })
        else {
            Issue.record("no entry")
            return
        }
        #expect(
            Array(entry.map(\.0).prefix(9)) == [
                "symbol", "interval", "status", "issues", "required_rows", "row_count", "gap_minutes",
                "threshold_minutes", "last_timestamp_iso",
            ])
        guard case .object(let summary) = json["summary"] else {
            Issue.record("no summary")
            return
        }
        #expect(
            summary.map(\.0) == [
                "status", "total", "ok", "warning", "error", "ok_ratio", "state_counts", "issue_counts",
                "issue_examples", "stale_entries", "worst_gap", "by_interval", "by_symbol",
            ])
        #expect(json["as_of"] == .string("2024-05-31T01:00:00+00:00") && json["status"] == .string("ok"))
        let text = json.rendered()
        #expect(text.hasPrefix("{\n  \"environment\": \"binance_paper\",\n  \"exchange\": \"binance_spot\","))
        #expect(text.contains("\"ok_ratio\": 1.0,") && text.contains("\"by_symbol\": {\n      \"BTCUSDT\": {"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((parsed?["summary"] as? [String: Any])?["total"] as? Int == 3)
    }

    @Test func escapesTextLikePythonJSON() {
        let value = ReportJSON.object([("k", .string("a\"b\\c\n\u{01}ł")), ("e", .array([])), ("o", .object([]))])
        #expect(value.compact == "{\"k\": \"a\\\"b\\\\c\\n\\u0001ł\", \"e\": [], \"o\": {}}")
        #expect(value.rendered() == "{\n  \"k\": \"a\\\"b\\\\c\\n\\u0001ł\",\n  \"e\": [],\n  \"o\": {}\n}")
    }

    @Test func isoTimestampsMatchPythonIsoformat() {
        #expect(UTCDateTime(milliseconds: 1_704_067_200_000).pythonISOFormat == "2024-01-01T00:00:00+00:00")
        #expect(UTCDateTime(milliseconds: 1_764_184_330_684).pythonISOFormat == "2025-11-26T19:12:10.684000+00:00")
        #expect(UTCDateTime(milliseconds: -1).pythonISOFormat == "1969-12-31T23:59:59.999000+00:00")
    }

    // Python's json.dumps(indent=2) reproduces our text byte for byte: same layout, same float text.
    @Test func rendersExactlyAsPythonJSONDumps() throws {
        let asOf = Self.may1 + 30 * Self.day + Self.hour
        var times = (0..<Int64(30 * 24)).map { Self.may1 + $0 * 3_600_000 }
        times.removeSubrange(100..<107)
        let entries = [
            evaluator.evaluate(
                exchange: "zonda_spot", symbol: "BTC-PLN", interval: .oneHour, openTimes: times, lookbackDays: 30,
                asOf: asOf),
            entry("ETHUSDT", 3, lookback: 30, asOf: asOf), entry("SOLUSDT", 0, lookback: 30, asOf: asOf),
        ]
        let report = CoverageReport(
            entries: entries, asOf: asOf, thresholds: CoverageThresholds(maxGapMinutes: 240, minOkRatio: 0.95))
        let text = report.json(environment: "zonda_paper", exchange: "zonda_spot", manifestPath: "/tmp/ł.sqlite")
            .rendered()
        let result = try Oracle.python("coverage_json_dumps.py", input: Data(text.utf8))
        #expect(result.outputText == text)
    }
}
