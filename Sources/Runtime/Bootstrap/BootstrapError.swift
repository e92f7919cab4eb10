/// Why the runtime could not select what to trade, or refused to trade it.
///
/// Each `description` is the operator message: what is wrong, where (the configuration file and key, or
/// the flag), and what to change.
public enum BootstrapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The configuration file could not be read.
    case configUnreadable(path: String, reason: String)
    /// The configuration has errors (load, validation or credential checks), each with its file and line.
    case configInvalid(path: String, errors: [ConfigIssue])
    /// `--environment` names no entry of `environments`.
    case unknownEnvironment(name: String, available: [String], configPath: String)
    /// No `--strategy` was given and the environment has no `default_strategy`.
    case noStrategy(environment: String, available: [String], configPath: String)
    /// The strategy (flag or `default_strategy`) is not among the loaded strategies.
    case unknownStrategy(name: String, fromFlag: Bool, environment: String, available: [String], configPath: String)
    /// No `--controller` was given and the environment has no `default_controller`.
    case noController(environment: String, available: [String], configPath: String)
    /// The controller (flag or `default_controller`) is not among `runtime.controllers`.
    case unknownController(name: String, fromFlag: Bool, environment: String, available: [String], configPath: String)
    /// The controller's `interval` is not a valid interval.
    case invalidController(name: String, interval: String, configPath: String)
    /// The risk profile (`--risk-profile` or the environment's `risk_profile`) is not defined.
    case unknownRiskProfile(name: String, fromFlag: Bool, environment: String, defined: [String], configPath: String)
    /// The environment names no `instrument_universe`.
    case noUniverse(environment: String, available: [String], configPath: String)
    /// The environment's `instrument_universe` is not defined.
    case unknownUniverse(name: String, environment: String, available: [String], configPath: String)
    /// No instrument of the universe has a symbol on the exchange with an allowed quote asset.
    case noMarkets(environment: String, exchange: String, universe: String, allowedQuotes: [String], configPath: String)
    /// A `live` environment was requested and at least one live gate does not hold.
    case liveRefused(environment: String, failures: [LiveGateFailure])

    public var description: String {
        switch self {
        case .configUnreadable(let path, let reason):
            return "cannot read configuration \(path): \(reason). Check the path given with --config."
        case .configInvalid(let path, let errors):
            let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
            return
                ([
                    "configuration \(path) cannot be used: \(count); fix each at the line shown "
                        + "('validate-config --config \(path)' re-checks the file)"
                ]
                + errors.map { "  \($0)" }).joined(separator: "\n")
        case .unknownEnvironment(let name, let available, let configPath):
            return
                "unknown environment '\(name)'\(Self.list(available, "available", near: name)); pass one of them with "
                + "--environment, or add 'environments.\(name)' to \(configPath)"
        case .noStrategy(let environment, let available, let configPath):
            return "no strategy for environment '\(environment)': --strategy was not given and "
                + "'environments.\(environment).default_strategy' is not set in \(configPath); pass --strategy "
                + "or set default_strategy\(Self.list(available, "available"))"
        case .unknownStrategy(let name, let fromFlag, let environment, let available, let configPath):
            let source = fromFlag ? "--strategy" : "'environments.\(environment).default_strategy' in \(configPath)"
            return "unknown strategy '\(name)' (from \(source))"
                + Self.list(available, "available", near: name)
                + "; choose one of them, or define 'strategies.\(name)' with engine "
                + "\(StrategyConfig.supportedEngine) in \(configPath)"
        case .noController(let environment, let available, let configPath):
            return "no runtime controller for environment '\(environment)': --controller was not given and "
                + "'environments.\(environment).default_controller' is not set in \(configPath); pass --controller "
                + "or set default_controller\(Self.list(available, "available"))"
        case .unknownController(let name, let fromFlag, let environment, let available, let configPath):
            let source =
                fromFlag ? "--controller" : "'environments.\(environment).default_controller' in \(configPath)"
            return "unknown runtime controller '\(name)' (from \(source))"
                + Self.list(available, "available", near: name)
                + "; choose one of them, or define 'runtime.controllers.\(name)' in \(configPath)"
        case .invalidController(let name, let interval, let configPath):
            return "runtime controller '\(name)' has interval '\(interval)', which is not an interval; set "
                + "'runtime.controllers.\(name).interval' in \(configPath) to one such as 1d, 1h or 15m"
        case .unknownRiskProfile(let name, let fromFlag, let environment, let defined, let configPath):
            let source = fromFlag ? "--risk-profile" : "'environments.\(environment).risk_profile' in \(configPath)"
            return "unknown risk profile '\(name)' (from \(source))"
                + Self.list(defined, "defined", near: name)
                + "; use one of them, or define 'risk_profiles.\(name)' in \(configPath)"
        case .noUniverse(let environment, let available, let configPath):
            return "environment '\(environment)' has no instrument universe; set "
                + "'environments.\(environment).instrument_universe' in \(configPath)"
                + Self.list(available, "available")
        case .unknownUniverse(let name, let environment, let available, let configPath):
            return "unknown instrument universe '\(name)' (from 'environments.\(environment).instrument_universe' "
                + "in \(configPath))\(Self.list(available, "available", near: name)); choose one of them or define it"
        case .noMarkets(let environment, let exchange, let universe, let quotes, let configPath):
            return "environment '\(environment)' has no markets: no instrument of universe '\(universe)' has a "
                + "symbol on exchange '\(exchange)' with an allowed quote asset (\(quotes.joined(separator: ", "))); "
                + "add '\(exchange): <symbol>' under an instrument's exchanges, or allow its quote asset in "
                + "'environments.\(environment).adapter_settings.paper_trading.quote_assets' in \(configPath)"
        case .liveRefused(let environment, let failures):
            let count = failures.count == 1 ? "1 gate does" : "\(failures.count) gates do"
            return
                ([
                    "live trading on environment '\(environment)' is refused: \(count) not hold "
                        + "(every gate must hold; see docs/trading-modes.md)"
                ]
                + failures.map { "  [\($0.gate.rawValue)] \($0.reason)" }).joined(separator: "\n")
        }
    }

    /// ` (available: a, b)`, or ` (none are defined)`; with a "did you mean" when `typed` is close to a name.
    private static func list(_ names: [String], _ word: String, near typed: String? = nil) -> String {
        guard !names.isEmpty else { return " (none are defined)" }
        let suggestion = typed.map { ConfigReader.suggestion(for: $0, among: names) } ?? ""
        return " (\(word): \(names.joined(separator: ", ")))" + suggestion
    }
}
