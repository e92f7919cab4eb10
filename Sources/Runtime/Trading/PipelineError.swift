/// Why the trading pipeline could not be built.
public enum PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The strategy's parameters are invalid.
    case invalidStrategy(name: String, reason: String)
    /// The candle cache could not be opened.
    case cacheUnavailable(path: String, reason: String)
    /// The persisted risk state could not be used.
    case riskState(reason: String)
    /// The environment's exchange has no paper markets with a usable quote asset.
    case noMarkets(environment: String)

    public var description: String {
        switch self {
        case .invalidStrategy(let name, let reason):
            "strategy '\(name)' has invalid parameters: \(reason); fix strategies.\(name).parameters in the config"
        case .cacheUnavailable(let path, let reason):
            "cannot open the candle cache at \(path): \(reason); run seed-paper-cache (offline) or backfill first"
        case .riskState(let reason):
            "cannot use the persisted risk state: \(reason)"
        case .noMarkets(let environment):
            "environment '\(environment)' has no market to trade: no universe instrument is listed on its exchange "
                + "with an allowed quote asset; check instrument_universe and adapter_settings.paper_trading.quote_assets"
        }
    }
}
