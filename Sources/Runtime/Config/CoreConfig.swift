/// The whole of `config/core.yaml`: risk profiles, runtime controllers, strategies, instrument universes,
/// environments, reporting, alert channels and coverage monitoring (`spec/reference-data.md` §1).
///
/// Load it with ``CoreConfigLoader``; check it with ``validate()``. Named sections keep the file's order,
/// so checks and listings run in the order the operator wrote them.
public struct CoreConfig: Sendable {
    /// `risk_profiles`, in file order.
    public let riskProfiles: [RiskProfileConfig]
    /// `runtime.controllers`, in file order.
    public let controllers: [ControllerConfig]
    /// `runtime.require_demo_mode` and `runtime.live_paper_evidence_max_age_days`.
    public let runtime: RuntimeSettings
    /// `strategies` with a supported engine, in file order (others are skipped with a warning).
    public let strategies: [StrategyConfig]
    /// `instrument_universes`, in file order.
    public let instrumentUniverses: [InstrumentUniverseConfig]
    /// `environments`, in file order, with `data_quality` already inherited from the risk profile.
    public let environments: [EnvironmentConfig]
    /// `reporting` (all fields nil when the section is absent).
    public let reporting: ReportingConfig
    /// `alerts`: the channel definitions environments refer to.
    public let alerts: AlertsConfig
    /// `coverage_monitoring`, nil when absent or empty.
    public let coverageMonitoring: CoverageMonitoringConfig?
    /// Where every key was written, for messages.
    public let positions: ConfigPositions

    /// The risk profile called `name`.
    public func riskProfile(named name: String) -> RiskProfileConfig? { riskProfiles.first { $0.name == name } }
    /// The runtime controller called `name`.
    public func controller(named name: String) -> ControllerConfig? { controllers.first { $0.name == name } }
    /// The strategy called `name`.
    public func strategy(named name: String) -> StrategyConfig? { strategies.first { $0.name == name } }
    /// The instrument universe called `name`.
    public func instrumentUniverse(named name: String) -> InstrumentUniverseConfig? {
        instrumentUniverses.first { $0.name == name }
    }
    /// The environment called `name`.
    public func environment(named name: String) -> EnvironmentConfig? { environments.first { $0.name == name } }
}
