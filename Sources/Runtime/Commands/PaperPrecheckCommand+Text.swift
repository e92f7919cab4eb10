import BotCodecs
import BotData
import BotRisk
import Foundation

extension PaperPrecheckCommand {
    /// The report for a terminal: a block per section, `⚠` for warnings and `✖` for errors, then the
    /// verdict and where the report was kept.
    func text(_ report: PrecheckReport, record: PrecheckAuditRecord?) -> String {
        var lines = [
            "Paper pre-check of \(report.environment) as of \(UTCDateTime(milliseconds: report.asOf).iso8601)"
        ]
        if let reason = report.errorReason { lines.append("Stopped early: \(reason)") }

        lines.append("Config: \(report.configStatus.label) (\(configPath))")
        lines += report.configErrors.map { "  ✖ \($0)" }
        lines += report.configWarnings.map { "  ⚠ \($0)" }

        lines.append(
            "Coverage: \(report.coverageStatus.rawValue.uppercased())"
                + (report.manifestPath.map { " (manifest \($0))" } ?? ""))
        if let coverage = report.coverage { lines += Self.coverageLines(coverage) }
        if !report.coverageWarnings.isEmpty {
            lines.append("Coverage warnings:")
            lines += report.coverageWarnings.map { "  ⚠ \($0)" }
        }

        if let risk = report.risk {
            let seen = risk.observations
            lines.append(
                "Risk: \(risk.status.label) (profile \(risk.profile); \(seen.symbol) at \(Self.number(seen.price)), "
                    + "ATR \(Self.number(seen.atr)), equity \(Self.number(seen.equity)))")
            lines += Self.riskLines(risk)
        } else {
            lines.append("Risk: SKIPPED" + (skipRiskCheck ? " (--skip-risk-check)" : ""))
        }

        lines.append("Status: \(report.status.label)")
        if let record {
            lines.append("Report: \(record.path)")
            lines.append("SHA-256: \(record.sha256)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func coverageLines(_ coverage: PrecheckCoverage) -> [String] {
        var lines: [String] = []
        if let report = coverage.report {
            let summary = report.summary
            let ratio = summary.okRatio.map { String(format: "%.4f", $0) } ?? "-"
            lines.append(
                "  series: \(summary.total) total, \(summary.ok) ok, \(summary.warning) warning, "
                    + "\(summary.error) error; ok_ratio \(ratio)")
            if !summary.stateCounts.isEmpty {
                let states = summary.stateCounts.map { "\($0.state.rawValue)=\($0.count)" }
                lines.append("  states: " + states.joined(separator: " "))
            }
            if let worst = summary.worstGap {
                lines.append(
                    "  worst gap: \(worst.symbol) \(worst.interval) \(PythonFloat.repr(worst.gapMinutes)) min "
                        + "(state \(worst.state.rawValue))")
            }
        }
        var limits: [String] = []
        if let value = coverage.thresholds.maxGapMinutes { limits.append("max_gap_minutes=\(PythonFloat.repr(value))") }
        if let value = coverage.thresholds.minOkRatio { limits.append("min_ok_ratio=\(PythonFloat.repr(value))") }
        if !limits.isEmpty { lines.append("  thresholds: " + limits.joined(separator: " ")) }
        let mark = coverage.status == .error ? "✖" : "⚠"
        lines += coverage.issues.map { "  \(mark) \($0)" }
        return lines
    }

    private static func riskLines(_ risk: PrecheckRisk) -> [String] {
        var lines: [String] = []
        let seen = risk.observations
        for trial in risk.trials {
            let outcome: String
            if let rejection = trial.decision.rejection {
                outcome =
                    "rejected by \(rejection.check.rawValue)"
                    + (rejection.maxQuantity.map { ", max quantity \(number($0))" } ?? "")
            } else {
                outcome = "accepted"
            }
            let expected: Bool? =
                switch trial.name {
                case "tight_stop": risk.checks.tightStopRejected
                case "wide_stop": risk.checks.wideStopAllowed
                default: risk.checks.oversizedBlocked
                }
            lines.append(
                "  \(expected == false ? "✖" : "✔") \(trial.name.replacingOccurrences(of: "_", with: " ")): buy "
                    + "\(number(trial.quantity)) with stop \(number(trial.stopMultiple)) × ATR → \(outcome)")
        }
        if let allowed = seen.allowedQuantity {
            lines.append(
                "  allowed quantity \(number(allowed)) (risk budget \(seen.riskBudgetQuantity.map(number) ?? "-"), "
                    + "position limit \(seen.positionLimitQuantity.map(number) ?? "-")); suggested for the oversized "
                    + "order: \(seen.maxQuantitySuggestion.map(number) ?? "-")")
        }
        lines += risk.issues.map { "  ✖ \($0)" }
        lines += risk.warnings.map { "  ⚠ \($0)" }
        return lines
    }

    /// Up to six decimals, without trailing zeros.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
