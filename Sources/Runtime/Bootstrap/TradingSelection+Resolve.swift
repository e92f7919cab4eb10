import BotExchanges

extension TradingSelection {
    /// Loads and validates the configuration at `configPath`, then selects what to trade in `environment`.
    ///
    /// Names left nil fall back to the environment's `default_strategy`, `default_controller` and
    /// `risk_profile`. Load and validation errors abort with every error listed by file and line; warnings
    /// are kept in ``warnings``. A `testnet` environment also has its credential settings checked
    /// (``LiveTradingGate/credentialIssues(_:positions:)``); a `live` one is checked by ``LiveTradingGate``.
    ///
    /// - Throws: ``BootstrapError`` naming what to change (key and file, or flag).
    public static func resolve(
        configPath: String, environment: String, strategy: String?, controller: String?, riskProfile: String?
    ) throws(BootstrapError) -> TradingSelection {
        let result: ConfigLoadResult
        do {
            result = try CoreConfigLoader.load(path: configPath)
        } catch {
            switch error {
            case .unreadable(let path, let reason): throw .configUnreadable(path: path, reason: reason)
            case .invalid(let path, let errors): throw .configInvalid(path: path, errors: errors)
            }
        }
        let issues = result.allIssues
        guard let config = result.config else {
            throw .configInvalid(path: configPath, errors: issues.filter { $0.severity == .error })
        }
        return try select(
            config: config, configPath: configPath, issues: issues, environment: environment, strategy: strategy,
            controller: controller, riskProfile: riskProfile)
    }

    /// Validates an already loaded `config` and selects what to trade in `environment`, as
    /// ``resolve(configPath:environment:strategy:controller:riskProfile:)`` does after loading.
    ///
    /// - Parameter configPath: the file `config` came from, named in messages.
    /// - Throws: ``BootstrapError`` naming what to change.
    public static func resolve(
        config: CoreConfig, configPath: String, environment: String, strategy: String?, controller: String?,
        riskProfile: String?
    ) throws(BootstrapError) -> TradingSelection {
        try select(
            config: config, configPath: configPath, issues: config.validate(), environment: environment,
            strategy: strategy, controller: controller, riskProfile: riskProfile)
    }

    private static func select(
        config: CoreConfig, configPath: String, issues: [ConfigIssue], environment name: String, strategy: String?,
        controller: String?, riskProfile: String?
    ) throws(BootstrapError) -> TradingSelection {
        var warnings = issues.filter { $0.severity == .warning }
        let errors = issues.filter { $0.severity == .error }
        guard errors.isEmpty else { throw .configInvalid(path: configPath, errors: errors) }

        guard let environment = config.environment(named: name) else {
            throw .unknownEnvironment(name: name, available: config.environments.map(\.name), configPath: configPath)
        }
        if environment.kind == .testnet {
            let credentialIssues = LiveTradingGate.credentialIssues(environment, positions: config.positions)
            let credentialErrors = credentialIssues.filter { $0.severity == .error }
            guard credentialErrors.isEmpty else { throw .configInvalid(path: configPath, errors: credentialErrors) }
            warnings += credentialIssues
        }

        let profileName = riskProfile ?? environment.riskProfile
        guard let profile = config.riskProfile(named: profileName) else {
            throw .unknownRiskProfile(
                name: profileName, fromFlag: riskProfile != nil, environment: name,
                defined: config.riskProfiles.map(\.name), configPath: configPath)
        }

        let strategies = config.strategies.map(\.name)
        guard let strategyName = strategy ?? environment.defaultStrategy else {
            throw .noStrategy(environment: name, available: strategies, configPath: configPath)
        }
        guard let strategyConfig = config.strategy(named: strategyName) else {
            throw .unknownStrategy(
                name: strategyName, fromFlag: strategy != nil, environment: name, available: strategies,
                configPath: configPath)
        }

        let controllers = config.controllers.map(\.name)
        guard let controllerName = controller ?? environment.defaultController else {
            throw .noController(environment: name, available: controllers, configPath: configPath)
        }
        guard let controllerConfig = config.controller(named: controllerName) else {
            throw .unknownController(
                name: controllerName, fromFlag: controller != nil, environment: name, available: controllers,
                configPath: configPath)
        }
        guard let interval = controllerConfig.interval else {
            throw .invalidController(
                name: controllerName, interval: controllerConfig.intervalText, configPath: configPath)
        }

        let universes = config.instrumentUniverses.map(\.name)
        guard let universeName = environment.instrumentUniverse else {
            throw .noUniverse(environment: name, available: universes, configPath: configPath)
        }
        guard let universe = config.instrumentUniverse(named: universeName) else {
            throw .unknownUniverse(name: universeName, environment: name, available: universes, configPath: configPath)
        }

        let paperSettings =
            environment.adapterSettings.paperTrading ?? .defaults(portfolioID: environment.name)
        let markets = Self.markets(of: universe, on: environment.exchange, quotes: paperSettings.quoteAssets)
        guard !markets.isEmpty else {
            throw .noMarkets(
                environment: name, exchange: environment.exchange, universe: universe.name,
                allowedQuotes: paperSettings.quoteAssets, configPath: configPath)
        }

        return TradingSelection(
            config: config, configPath: configPath, environment: environment, strategy: strategyConfig,
            controller: controllerConfig, interval: interval, riskProfile: profile, universe: universe,
            markets: markets, paperSettings: paperSettings, warnings: warnings)
    }

    /// The universe's instruments with a symbol on `exchange` whose quote asset is one of `quotes`
    /// (compared upper-cased, as the paper settings are normalised), in universe order.
    static func markets(of universe: InstrumentUniverseConfig, on exchange: String, quotes: [String])
        -> [TradedMarket]
    {
        let allowed = Set(quotes.map { $0.uppercased() })
        return universe.instruments(on: exchange).compactMap { instrument in
            guard let symbol = instrument.exchangeSymbols[exchange],
                allowed.contains(instrument.quoteAsset.uppercased())
            else { return nil }
            return TradedMarket(
                instrument: instrument.name, symbol: symbol, baseAsset: instrument.baseAsset,
                quoteAsset: instrument.quoteAsset)
        }
    }
}
