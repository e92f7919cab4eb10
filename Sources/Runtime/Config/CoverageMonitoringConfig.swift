/// `coverage_monitoring`: which environments the coverage alert runner checks.
public struct CoverageMonitoringConfig: Sendable, Equatable {
    /// `enabled`, default true.
    public let enabled: Bool
    /// `default_dispatch`, default true: whether alerts are sent.
    public let defaultDispatch: Bool
    /// `default_category`, default `data.ohlcv`.
    public let defaultCategory: String
    /// `targets` (entries without `environment` are skipped).
    public let targets: [CoverageTarget]
}

/// One `coverage_monitoring.targets` entry.
public struct CoverageTarget: Sendable, Equatable {
    /// `environment`.
    public let environment: String
    /// `dispatch`, overriding `default_dispatch`.
    public let dispatch: Bool?
    /// `category`, overriding `default_category`.
    public let category: String?
    /// `severity_override`.
    public let severityOverride: String?
}
