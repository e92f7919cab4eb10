import BotData
import BotExchanges
import Foundation

/// The candle series an environment's cache must hold, read from `config/core.yaml`: what
/// `seed-paper-cache` writes and `check-data-coverage` checks, so the two always agree.
///
/// The series are every instrument of the environment's universe with a symbol on its exchange, in each
/// interval of the instrument's `backfill` windows (requiring the largest `lookback_days` given for it,
/// reference-data §7.2), plus the default controller's interval (`1d`), which the trading loop reads.
struct CachePlan: Sendable {
    /// One required series.
    struct Series: Sendable, Hashable {
        /// The universe's instrument name (`BTC_USDT`).
        let instrument: String
        /// The exchange-native symbol (`BTCUSDT`).
        let symbol: String
        /// The instrument's base asset (`BTC`), which picks the synthetic price.
        let baseAsset: String
        let interval: Interval
        /// Days of history required, nil when only the controller reads the interval.
        let lookbackDays: Int?
    }

    /// `--config` as given, for messages and suggested commands.
    let configPath: String
    let environment: EnvironmentConfig
    /// The cache folder (`data_cache_path`) resolved against the working folder.
    let cacheRoot: String
    /// Sorted by symbol, then interval spelling (the report's order).
    let series: [Series]
    /// `data_quality` of the environment, each unset field taken from its risk profile (reference §2.3).
    let thresholds: CoverageThresholds

    /// Loads `configPath` and plans the cache of `environmentName`.
    ///
    /// - Throws: ``UsageError`` for an unknown environment; ``ToolExit`` (1) when the configuration cannot be
    ///   read or the environment has no usable universe; `ConfigError` when the file does not load.
    static func load(configPath: String, environmentName: String, in context: ToolContext) throws -> CachePlan {
        let result = try CoreConfigLoader.load(path: context.resolve(configPath), displayName: configPath)
        // Only the environment and its universe matter; problems elsewhere in the file do not stop a check.
        let config = try result.config ?? result.validConfig()
        guard let environment = config.environment(named: environmentName) else {
            let known = config.environments.map(\.name).joined(separator: ", ")
            throw UsageError("--environment: no environment '\(environmentName)' in \(configPath) (known: \(known))")
        }
        do {
            return try plan(
                config: config, environment: environment, configPath: configPath,
                cacheRoot: URL(fileURLWithPath: context.resolve(environment.dataCachePath)).standardized.path)
        } catch {
            throw ToolExit(code: 1, message: error.description)
        }
    }

    /// Plans the cache of `environment` from an already loaded configuration; `cacheRoot` is its
    /// `data_cache_path` resolved by the caller.
    ///
    /// - Throws: ``CachePlanError`` when the environment has no usable universe.
    static func plan(
        config: CoreConfig, environment: EnvironmentConfig, configPath: String, cacheRoot: String
    ) throws(CachePlanError) -> CachePlan {
        let environmentName = environment.name
        guard let universeName = environment.instrumentUniverse else {
            throw .noUniverse(environment: environmentName, configPath: configPath)
        }
        guard let universe = config.instrumentUniverse(named: universeName) else {
            throw .unknownUniverse(universeName, environment: environmentName, configPath: configPath)
        }
        let controllerInterval = environment.defaultController.flatMap { config.controller(named: $0)?.interval }
        var lookbacks: [Series: Int?] = [:]
        var series: [Series] = []
        for instrument in universe.instruments(on: environment.exchange) {
            guard let symbol = instrument.exchangeSymbols[environment.exchange], !symbol.isEmpty else { continue }
            var needs: [(Interval, Int?)] = instrument.backfillWindows.compactMap { window in
                window.interval.map { ($0, window.lookbackDays) }
            }
            if let controllerInterval { needs.append((controllerInterval, nil)) }
            for (interval, days) in needs {
                let key = Series(
                    instrument: instrument.name, symbol: symbol, baseAsset: instrument.baseAsset, interval: interval,
                    lookbackDays: nil)
                if let known = lookbacks[key] {
                    // The largest window wins; a controller interval adds no requirement of its own.
                    lookbacks[key] = [known, days].compactMap { $0 }.max()
                } else {
                    lookbacks[key] = days
                    series.append(key)
                }
            }
        }
        guard !series.isEmpty else {
            throw .noSymbols(universe: universeName, exchange: environment.exchange, environment: environmentName)
        }
        let planned = series.map { key in
            Series(
                instrument: key.instrument, symbol: key.symbol, baseAsset: key.baseAsset, interval: key.interval,
                lookbackDays: lookbacks[key] ?? nil)
        }.sorted { ($0.symbol, $0.interval.description) < ($1.symbol, $1.interval.description) }
        let profile = config.riskProfile(named: environment.riskProfile)?.dataQuality
        let quality = (environment.dataQuality ?? DataQualityConfig(maxGapMinutes: nil, minOKRatio: nil))
            .filled(from: profile)
        return CachePlan(
            configPath: configPath, environment: environment, cacheRoot: cacheRoot, series: planned,
            thresholds: CoverageThresholds(maxGapMinutes: quality.maxGapMinutes, minOkRatio: quality.minOKRatio))
    }

    /// The store's key for `series` on this environment's exchange.
    func key(_ series: Series) throws -> SeriesKey {
        try SeriesKey(exchange: environment.exchange, symbol: series.symbol, interval: series.interval)
    }
}
