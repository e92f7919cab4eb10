import BotCodecs
import BotExchanges

/// The result of a coverage check over many series: entries, summary, threshold verdict and gap
/// statistics, rendered as the reference's `check_data_coverage` JSON (§2.3).
public struct CoverageReport: Sendable {
    /// The exit status when every series is complete and fresh and every threshold holds.
    public static let exitOK: Int32 = 0
    /// The exit status when the check found problems (DESIGN.md §4.7).
    public static let exitProblemsFound: Int32 = 2

    public let asOf: Int64
    /// The series, sorted by symbol then interval spelling (plain string order, as the reference prints).
    public let entries: [SeriesCoverage]
    public let summary: CoverageSummary
    /// The evaluation, nil when no threshold is set.
    public let thresholdEvaluation: ThresholdEvaluation?
    public let gapStatistics: GapStatistics
    /// Statistics per interval spelling, sorted.
    public let gapStatisticsByInterval: [(interval: String, statistics: GapStatistics)]

    /// Summarises `entries` and holds them to `thresholds`.
    public init(entries: [SeriesCoverage], asOf: Int64, thresholds: CoverageThresholds = CoverageThresholds()) {
        self.asOf = asOf
        let sorted = entries.sorted {
            ($0.symbol, $0.interval.description) < ($1.symbol, $1.interval.description)
        }
        self.entries = sorted
        summary = CoverageSummary(sorted)
        thresholdEvaluation = thresholds.isEmpty ? nil : thresholds.evaluate(summary)
        gapStatistics = GapStatistics(sorted)
        let intervals = Set(sorted.map(\.interval.description)).sorted()
        gapStatisticsByInterval = intervals.map { interval in
            (interval, GapStatistics(sorted.filter { $0.interval.description == interval }))
        }
    }

    /// `"<SYMBOL>/<INTERVAL>: <issue>"` for every issue of every series (reference `summarize_issues`).
    public var issues: [String] {
        entries.flatMap { entry in entry.issues.map { "\(entry.symbol)/\(entry.interval): \($0)" } }
    }

    /// The threshold findings (empty without thresholds).
    public var thresholdIssues: [String] { thresholdEvaluation?.issues ?? [] }

    /// `error` when a threshold is broken, else the summary's status.
    public var status: CoverageStatus {
        thresholdIssues.isEmpty ? summary.status : .error
    }

    /// 0 when everything is `ok`, 2 when the check found a problem (stale, missing, incomplete or a threshold).
    public var exitStatus: Int32 {
        status == .ok ? Self.exitOK : Self.exitProblemsFound
    }

    /// The report in the reference's key order (§2.3); the caller supplies what it knows about the run.
    public func json(environment: String, exchange: String, manifestPath: String) -> ReportJSON {
        var members: [(String, ReportJSON)] = [
            ("environment", .string(environment)), ("exchange", .string(exchange)),
            ("manifest_path", .string(manifestPath)), ("as_of", .string(UTCDateTime(milliseconds: asOf).pythonISOFormat)),
            ("entries", .array(entries.map(\.json))), ("issues", .array(issues.map(ReportJSON.string))),
            ("summary", summary.json), ("status", .string(status.rawValue)),
            ("threshold_issues", .array(thresholdIssues.map(ReportJSON.string))),
        ]
        if let thresholdEvaluation { members.append(("threshold_evaluation", thresholdEvaluation.json)) }
        members.append(("gap_statistics", gapStatistics.json))
        if !entries.isEmpty {
            members.append(
                (
                    "gap_statistics_by_interval",
                    .object(gapStatisticsByInterval.map { ($0.interval, $0.statistics.json) })
                ))
        }
        return .object(members)
    }
}
