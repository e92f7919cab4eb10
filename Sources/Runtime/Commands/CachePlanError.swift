/// Why an environment's required candle series cannot be planned: its universe is missing or has nothing
/// on its exchange.
enum CachePlanError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment names no `instrument_universe`.
    case noUniverse(environment: String, configPath: String)
    /// The environment names a universe the file does not define.
    case unknownUniverse(String, environment: String, configPath: String)
    /// No instrument of the universe has a symbol on the environment's exchange.
    case noSymbols(universe: String, exchange: String, environment: String)

    var description: String {
        switch self {
        case .noUniverse(let environment, let configPath):
            "environment '\(environment)' in \(configPath) has no instrument_universe; "
                + "set one so the required candle series are known"
        case .unknownUniverse(let universe, let environment, let configPath):
            "environment '\(environment)' names the unknown instrument universe '\(universe)'; "
                + "run 'validate-config --config \(configPath)'"
        case .noSymbols(let universe, let exchange, let environment):
            "instrument universe '\(universe)' has no symbol on exchange '\(exchange)' "
                + "(environment '\(environment)'); add the exchange under the instruments' exchanges"
        }
    }
}
