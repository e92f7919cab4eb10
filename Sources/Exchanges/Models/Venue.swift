/// The exchanges BotCore trades on, named as `config/core.yaml` names them (`environments.*.exchange`).
public enum Venue: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case binanceSpot = "binance_spot"
    case binanceFutures = "binance_futures"
    case krakenSpot = "kraken_spot"
    case krakenFutures = "kraken_futures"
    case zondaSpot = "zonda_spot"

    public var description: String { rawValue }
}
