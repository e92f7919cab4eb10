import BotData

/// The coverage section of a pre-check: the cache judged as `check-data-coverage` judges it, as of the
/// pre-check's time, for the series the environment's strategy needs.
public struct PrecheckCoverage: Sendable {
    /// `error` when a required series is missing or incomplete, a threshold is broken or the selection names
    /// something the environment does not need; `warning` when a series is only stale.
    public let status: PrecheckStatus
    /// The findings: `BTCUSDT/1d: insufficient_rows:5<30`, threshold findings, `unknown_symbols:[…]`.
    public let issues: [String]
    /// The data layer's report; nil when the selection was refused before anything was read.
    public let report: CoverageReport?
    /// The limits in force (the environment's `data_quality`, overridden by the options).
    public let thresholds: CoverageThresholds

    /// `{status, issues, summary, thresholds, threshold_observed?, entries}`; `threshold_observed` only
    /// when a threshold is set.
    public var json: ReportJSON {
        var limits: [(String, ReportJSON)] = []
        if let value = thresholds.maxGapMinutes { limits.append(("max_gap_minutes", .number(value))) }
        if let value = thresholds.minOkRatio { limits.append(("min_ok_ratio", .number(value))) }
        var members: [(String, ReportJSON)] = [
            ("status", .string(status.rawValue)), ("issues", .array(issues.map(ReportJSON.string))),
            ("summary", report?.summary.json ?? .null), ("thresholds", .object(limits)),
        ]
        if let evaluation = report?.thresholdEvaluation {
            members.append(
                (
                    "threshold_observed",
                    .object([
                        ("worst_gap_minutes", .number(evaluation.observedWorstGapMinutes)),
                        ("ok_ratio", .number(evaluation.observedOkRatio)),
                    ])
                ))
        }
        members.append(("entries", .array(report?.entries.map(\.json) ?? [])))
        return .object(members)
    }
}
