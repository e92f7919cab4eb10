/// The data-quality limits a check is held to (`data_quality.max_gap_minutes` / `min_ok_ratio` of the
/// environment, each falling back to its risk profile's; the caller resolves that).
public struct CoverageThresholds: Sendable, Hashable {
    /// The longest gap tolerated in any series, in minutes.
    public let maxGapMinutes: Double?
    /// The smallest share of series that must be `ok`, 0…1.
    public let minOkRatio: Double?

    public init(maxGapMinutes: Double? = nil, minOkRatio: Double? = nil) {
        self.maxGapMinutes = maxGapMinutes
        self.minOkRatio = minOkRatio
    }

    /// Whether no limit is set (then no threshold evaluation is reported).
    public var isEmpty: Bool { maxGapMinutes == nil && minOkRatio == nil }

    /// Holds `summary` to these limits (reference `evaluate_summary_thresholds`, §7.5).
    public func evaluate(_ summary: CoverageSummary) -> ThresholdEvaluation {
        let worst = summary.worstGap?.gapMinutes
        var issues: [String] = []
        if let maxGapMinutes, let worst, worst > maxGapMinutes {
            issues.append("max_gap_exceeded:\(PythonFloat.repr(worst))>\(PythonFloat.repr(maxGapMinutes))")
        }
        if let minOkRatio {
            if let ratio = summary.okRatio {
                if ratio < minOkRatio {
                    issues.append("ok_ratio_below_threshold:\(PythonFloat.repr(ratio))<\(PythonFloat.repr(minOkRatio))")
                }
            } else {
                issues.append("ok_ratio_missing")
            }
        }
        return ThresholdEvaluation(
            issues: issues, thresholds: self, observedWorstGapMinutes: worst, observedOkRatio: summary.okRatio)
    }
}

/// The outcome of holding a summary to ``CoverageThresholds``.
public struct ThresholdEvaluation: Sendable, Hashable {
    /// `max_gap_exceeded:4320.0>100.0`, `ok_ratio_below_threshold:0.0<0.9`, `ok_ratio_missing`.
    public let issues: [String]
    public let thresholds: CoverageThresholds
    public let observedWorstGapMinutes: Double?
    public let observedOkRatio: Double?

    /// `{"issues", "thresholds" (only the set ones), "observed": {"worst_gap_minutes", "ok_ratio"}}`.
    public var json: ReportJSON {
        var limits: [(String, ReportJSON)] = []
        if let value = thresholds.maxGapMinutes { limits.append(("max_gap_minutes", .number(value))) }
        if let value = thresholds.minOkRatio { limits.append(("min_ok_ratio", .number(value))) }
        return .object([
            ("issues", .array(issues.map(ReportJSON.string))),
            ("thresholds", .object(limits)),
            (
                "observed",
                .object([
                    ("worst_gap_minutes", .number(observedWorstGapMinutes)), ("ok_ratio", .number(observedOkRatio)),
                ])
            ),
        ])
    }
}
