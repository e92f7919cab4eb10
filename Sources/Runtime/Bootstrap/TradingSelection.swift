import BotExchanges

/// What one run of the trading runtime trades: the validated configuration with the environment,
/// strategy, controller, risk profile, universe and markets chosen from it (`spec/reference-runtime.md`
/// §7.1 and §7.6).
///
/// Selection does not decide whether a `live` environment may trade; ``LiveTradingGate`` does, and the
/// caller runs it after resolving.
///
/// ```swift
/// let selection = try TradingSelection.resolve(
///     configPath: "config/core.yaml", environment: "binance_paper", strategy: nil, controller: nil,
///     riskProfile: nil)
/// try LiveTradingGate.enforce(selection, request: LiveGateRequest(allowLive: allowLive, now: now))
/// ```
public struct TradingSelection: Sendable {
    /// The whole configuration.
    public let config: CoreConfig
    /// The configuration file's path as given.
    public let configPath: String
    /// The selected environment.
    public let environment: EnvironmentConfig
    /// `--strategy`, else the environment's `default_strategy`.
    public let strategy: StrategyConfig
    /// `--controller`, else the environment's `default_controller`.
    public let controller: ControllerConfig
    /// The controller's candle interval.
    public let interval: Interval
    /// `--risk-profile`, else the environment's `risk_profile`.
    public let riskProfile: RiskProfileConfig
    /// The environment's `instrument_universe`.
    public let universe: InstrumentUniverseConfig
    /// The universe's instruments with a symbol on the exchange and an allowed quote asset, in universe order.
    public let markets: [TradedMarket]
    /// `adapter_settings.paper_trading`, or ``PaperTradingSettings/defaults(portfolioID:)`` when absent.
    public let paperSettings: PaperTradingSettings
    /// Warnings of loading, validation and the credential checks; they do not stop the run.
    public let warnings: [ConfigIssue]
}
