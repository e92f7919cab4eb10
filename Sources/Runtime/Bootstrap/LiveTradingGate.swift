import BotCodecs

/// The demo → paper → live gates: a `live` environment trades only when every gate holds
/// (docs/trading-modes.md). Paper and testnet environments have no live gates.
///
/// ```swift
/// let failures = LiveTradingGate.evaluate(selection, request: LiveGateRequest(allowLive: true, now: now))
/// try LiveTradingGate.enforce(selection, request: request)   // throws BootstrapError.liveRefused
/// ```
public enum LiveTradingGate {
    /// Every live gate that does not hold for `selection`, in ``LiveGate`` order; empty when the
    /// environment is not `live` or when all gates hold. Each gate is checked, so an operator sees every
    /// missing step at once.
    public static func evaluate(_ selection: TradingSelection, request: LiveGateRequest) -> [LiveGateFailure] {
        let environment = selection.environment
        guard environment.kind == .live else { return [] }
        let config = selection.config
        let file = selection.configPath
        let path = "environments".child(environment.name)
        func at(_ key: String) -> String { "\(config.positions.mark(of: key))" }
        var failures: [LiveGateFailure] = []

        if !request.allowLive {
            failures.append(
                LiveGateFailure(
                    gate: .allowLiveFlag,
                    reason: "--allow-live was not given; pass it to confirm that this run trades real money"))
        }
        if !environment.complianceConfirmed {
            let key = path.child("compliance_confirmed")
            failures.append(
                LiveGateFailure(
                    gate: .complianceConfirmed,
                    reason: "\(at(key)): \(key) is not true; set it to true in \(file) only after compliance has "
                        + "signed off this account for live trading (paper reports, security review)"))
        }
        if config.runtime.requireDemoMode {
            let key = "runtime.require_demo_mode"
            failures.append(
                LiveGateFailure(
                    gate: .demoModeReleased,
                    reason: "\(at(key)): \(key) is true\(config.positions.contains(key) ? "" : " (the default)"), "
                        + "which locks the platform to demo, paper and testnet; "
                        + "set 'runtime.require_demo_mode: false' in \(file) once the live checklist is complete"))
        }

        let credentialIssues = credentialIssues(environment, positions: config.positions)
        let allowlistPath = path.child("ip_allowlist")
        let allowlistIssues = credentialIssues.filter { $0.path.hasPrefix(allowlistPath) }
        let keyIssues = credentialIssues.filter { !$0.path.hasPrefix(allowlistPath) }
        if !allowlistIssues.isEmpty {
            failures.append(LiveGateFailure(gate: .ipAllowlist, reason: joined(allowlistIssues, file: file)))
        }
        if !keyIssues.isEmpty {
            failures.append(LiveGateFailure(gate: .credentials, reason: joined(keyIssues, file: file)))
        }

        if let failure = paperEvidenceFailure(selection, request: request) {
            failures.append(failure)
        }

        let profile = selection.riskProfile
        let limits: [(String, Double)] = [
            ("max_daily_loss_pct", profile.maxDailyLossPct), ("hard_drawdown_pct", profile.hardDrawdownPct),
            ("max_position_pct", profile.maxPositionPct),
        ]
        let unset = limits.filter { !($0.1 > 0) }.map(\.0)
        if !unset.isEmpty {
            let key = "risk_profiles".child(profile.name)
            failures.append(
                LiveGateFailure(
                    gate: .riskProfileLimits,
                    reason: "\(at(key)): risk profile '\(profile.name)' has no "
                        + unset.joined(separator: ", ") + " limit (0); live trading needs a daily loss, drawdown "
                        + "and position limit above 0: set them in '\(key)' in \(file) or choose another profile "
                        + "with --risk-profile or 'environments.\(environment.name).risk_profile'"))
        }
        return failures
    }

    /// Throws when ``evaluate(_:request:)`` finds any failure.
    ///
    /// - Throws: ``BootstrapError/liveRefused(environment:failures:)`` listing every failed gate.
    public static func enforce(_ selection: TradingSelection, request: LiveGateRequest) throws(BootstrapError) {
        let failures = evaluate(selection, request: request)
        guard failures.isEmpty else { throw .liveRefused(environment: selection.environment.name, failures: failures) }
    }

    /// `file:line:col: key: message` for each issue, joined.
    private static func joined(_ issues: [ConfigIssue], file: String) -> String {
        issues.map { "\($0.mark): \($0.path): \($0.message)" }.joined(separator: "; ")
    }
}
