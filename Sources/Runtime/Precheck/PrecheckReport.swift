import BotCodecs
import BotData

/// What a ``PaperPrecheck`` found: the configuration's errors and warnings, the cache's coverage and the
/// risk profile's sanity, each with a status, and the overall verdict.
public struct PrecheckReport: Sendable {
    /// The environment checked, as requested.
    public let environment: String
    /// When the cache was judged (epoch ms, UTC).
    public let asOf: Int64
    /// The manifest as shown to the operator; nil when the environment is unknown.
    public let manifestPath: String?
    /// Load and validation errors, compiler style (`config/core.yaml:42:19: error: …`).
    public let configErrors: [String]
    public let configWarnings: [String]
    /// The coverage section; nil when it was skipped.
    public let coverage: PrecheckCoverage?
    public let coverageStatus: PrecheckSectionStatus
    /// What kept coverage from being checked fully: `manifest_missing`, `environment_missing_universe`,
    /// `universe_not_defined`, `invalid_max_gap_in_config`, `invalid_min_ok_ratio_in_config`,
    /// `invalid_min_ok_ratio`, `environment_not_found`.
    public let coverageWarnings: [String]
    /// The risk section; nil when it was skipped.
    public let risk: PrecheckRisk?
    public let riskStatus: PrecheckSectionStatus
    /// Why the check stopped early (`environment_not_found`, `invalid_min_ok_ratio`), nil when it ran.
    public let errorReason: String?
    /// Whether the options asked for warnings to fail; ``exitCode`` uses it.
    public let failOnWarnings: Bool

    /// `error` when the configuration has errors.
    public var configStatus: PrecheckStatus {
        configErrors.isEmpty ? (configWarnings.isEmpty ? .ok : .warning) : .error
    }

    /// `error` when anything is an error, else `warning` when anything is a warning, else `ok`.
    public var status: PrecheckStatus {
        if errorReason != nil || !configErrors.isEmpty || coverageStatus == .error || riskStatus == .error {
            return .error
        }
        if !warnings.isEmpty || coverageStatus == .warning || riskStatus == .warning { return .warning }
        return .ok
    }

    /// Every warning, prefixed with its section (`config: …`, `coverage: manifest_missing`, `risk: …`).
    public var warnings: [String] {
        var all = configWarnings.map { "config: \($0)" } + coverageWarnings.map { "coverage: \($0)" }
        if coverageStatus == .warning { all += (coverage?.issues ?? []).map { "coverage: \($0)" } }
        all += (risk?.warnings ?? []).map { "risk: \($0)" }
        return all
    }

    /// Every error, prefixed with its section (`config: …`, `coverage: BTCUSDT/1d: insufficient_rows:5<30`,
    /// `risk: profile_not_defined`, `precheck: environment_not_found`).
    public var issues: [String] {
        var all = errorReason.map { ["precheck: \($0)"] } ?? []
        all += configErrors.map { "config: \($0)" }
        if coverageStatus == .error { all += (coverage?.issues ?? []).map { "coverage: \($0)" } }
        all += (risk?.issues ?? []).map { "risk: \($0)" }
        return all
    }

    /// 0 when the environment may trade: status `ok`, or `warning` without `failOnWarnings`; 2 otherwise
    /// (DESIGN.md §4.7: the check found problems).
    public func exitCode(failOnWarnings: Bool) -> Int32 {
        switch status {
        case .ok: 0
        case .warning: failOnWarnings ? 2 : 0
        case .error: 2
        }
    }

    /// ``exitCode(failOnWarnings:)`` with the options' `failOnWarnings`.
    public var exitCode: Int32 { exitCode(failOnWarnings: failOnWarnings) }

    /// The report in a fixed key order: `status, environment, as_of, manifest_path, config {valid, errors,
    /// warnings}, coverage, coverage_warnings, risk, coverage_status, risk_status` and `error_reason` when set.
    public var json: ReportJSON {
        var members: [(String, ReportJSON)] = [
            ("status", .string(status.rawValue)), ("environment", .string(environment)),
            ("as_of", .string(UTCDateTime(milliseconds: asOf).pythonISOFormat)),
            ("manifest_path", .string(manifestPath)),
            (
                "config",
                .object([
                    ("valid", .bool(configErrors.isEmpty)), ("errors", .array(configErrors.map(ReportJSON.string))),
                    ("warnings", .array(configWarnings.map(ReportJSON.string))),
                ])
            ),
            ("coverage", coverage?.json ?? .null),
            ("coverage_warnings", .array(coverageWarnings.map(ReportJSON.string))),
            ("risk", risk?.json ?? .null), ("coverage_status", .string(coverageStatus.rawValue)),
            ("risk_status", .string(riskStatus.rawValue)),
        ]
        if let errorReason { members.append(("error_reason", .string(errorReason))) }
        return .object(members)
    }

    /// ``json`` with `audit_record` appended when the report was kept: what `--json` prints and what the
    /// smoke test's `data_checks.paper_precheck` holds.
    public func json(auditRecord: PrecheckAuditRecord?) -> ReportJSON {
        guard let auditRecord, case .object(var members) = json else { return json }
        members.append(("audit_record", auditRecord.json))
        return .object(members)
    }

    /// The payload standing in for a pre-check that was not run (`--skip-paper-precheck`, reference §10.1
    /// step 5): `{"status": "skipped", "coverage_status": "skipped", "risk_status": "skipped", "skip_reason"}`.
    public static func skippedJSON(reason: String = "cli_flag") -> ReportJSON {
        .object([
            ("status", .string("skipped")), ("coverage_status", .string("skipped")),
            ("risk_status", .string("skipped")), ("skip_reason", .string(reason)),
        ])
    }
}
