/// One entry of `environments`: an exchange account in one mode, with its secrets' names, data folder,
/// risk profile, alert channels and defaults.
public struct EnvironmentConfig: Sendable, Equatable {
    /// The map key (`binance_paper`).
    public let name: String
    /// `exchange`: the exchange id (`binance_spot`), also the key in instruments' `exchanges`.
    public let exchange: String
    /// `environment`: live, paper or testnet.
    public let kind: EnvironmentKind
    /// `keychain_key`: the secret-store entry holding the API credentials (a name, never a secret).
    public let keychainKey: String
    /// `keychain_user`: read by older tooling only; kept so such files load without a warning.
    public let keychainUser: String?
    /// `credential_purpose`, default `trading`: the purpose the secret manager checks.
    public let credentialPurpose: String
    /// `data_cache_path`: root of this environment's local data (cache, manifest, audit, risk state).
    public let dataCachePath: String
    /// `risk_profile`: the name of a `risk_profiles` entry.
    public let riskProfile: String
    /// `instrument_universe`: the name of an `instrument_universes` entry, if any.
    public let instrumentUniverse: String?
    /// `alert_channels`: `"<type>:<key>"` references into `alerts`.
    public let alertChannels: [String]
    /// `ip_allowlist`: addresses passed to the adapter's network configuration.
    public let ipAllowlist: [String]
    /// `required_permissions`, lower-cased: API key permissions that must be present.
    public let requiredPermissions: [String]
    /// `forbidden_permissions`, lower-cased: API key permissions that must be absent.
    public let forbiddenPermissions: [String]
    /// `compliance_confirmed`, default false: compliance has signed off trading this account live. One of
    /// the live gates (``LiveTradingGate``); it has no effect on paper and testnet environments.
    public let complianceConfirmed: Bool
    /// `default_strategy` (empty means none).
    public let defaultStrategy: String?
    /// `default_controller` (empty means none).
    public let defaultController: String?
    /// `adapter_settings`: exchange and paper-simulator settings.
    public let adapterSettings: AdapterSettings
    /// `alert_throttle`.
    public let alertThrottle: AlertThrottleConfig?
    /// `alert_audit`.
    public let alertAudit: AuditLogConfig?
    /// `decision_journal` (`backend: disabled` or `none` gives nil).
    public let decisionJournal: AuditLogConfig?
    /// `data_quality`: the environment's own block, or a copy of its risk profile's when it has none
    /// (`spec/reference-data.md` §1.6.3; an own block is not merged field by field).
    public let dataQuality: DataQualityConfig?
}

/// `environments.<name>.environment`: what kind of account an environment trades on.
public enum EnvironmentKind: String, Sendable, Equatable, CaseIterable {
    /// Real money.
    case live
    /// Simulated fills against real market data.
    case paper
    /// The exchange's test network.
    case testnet
}
