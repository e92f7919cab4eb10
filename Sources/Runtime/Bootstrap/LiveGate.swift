/// One of the conditions that must all hold before a `live` environment may trade
/// (docs/trading-modes.md). Raw values are the names used in messages and reports.
public enum LiveGate: String, Sendable, Equatable, Hashable, CaseIterable {
    /// The operator passed `--allow-live`.
    case allowLiveFlag = "allow_live_flag"
    /// `environments.<env>.compliance_confirmed: true`.
    case complianceConfirmed = "compliance_confirmed"
    /// `runtime.require_demo_mode: false`: the platform-wide demo lock is released.
    case demoModeReleased = "demo_mode_released"
    /// A non-empty `ip_allowlist` of valid addresses or CIDR ranges.
    case ipAllowlist = "ip_allowlist"
    /// A keychain entry and purpose, `read` and `trade` required, `withdraw` forbidden.
    case credentials
    /// A recent successful paper smoke record on the same exchange.
    case paperEvidence = "paper_evidence"
    /// The risk profile limits daily loss, drawdown and position size.
    case riskProfileLimits = "risk_profile_limits"
}
