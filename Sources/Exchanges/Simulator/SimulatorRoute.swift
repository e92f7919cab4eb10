/// Which venue endpoint a request path names. All five venues share one server: their paths do not
/// overlap, so each adapter points its base URL at the simulator and keeps its own paths.
enum SimulatorRoute: Sendable, Equatable {
    case binanceKlines(Venue)
    case binanceTime(Venue)
    case binancePing(Venue)
    case krakenSpotOHLC
    case krakenSpotTime
    case krakenFuturesCandles(tickType: String, symbol: String, resolution: String)
    case zondaCandles(pair: String, resolution: String)

    init?(path: String) {
        switch path {
        case "/api/v3/klines", "/api/v3/uiKlines": self = .binanceKlines(.binanceSpot)
        case "/fapi/v1/klines": self = .binanceKlines(.binanceFutures)
        case "/api/v3/time": self = .binanceTime(.binanceSpot)
        case "/fapi/v1/time": self = .binanceTime(.binanceFutures)
        case "/api/v3/ping": self = .binancePing(.binanceSpot)
        case "/fapi/v1/ping": self = .binancePing(.binanceFutures)
        case "/0/public/OHLC": self = .krakenSpotOHLC
        case "/0/public/Time": self = .krakenSpotTime
        default:
            let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            // "", "api", "charts", "v1", tick type, symbol, resolution
            if parts.count == 7, parts[1] == "api", parts[2] == "charts", parts[3] == "v1" {
                self = .krakenFuturesCandles(tickType: parts[4], symbol: parts[5], resolution: parts[6])
                // "", "rest", "trading", "candle", "history", pair, resolution
            } else if parts.count == 7, parts[1] == "rest", parts[2] == "trading", parts[3] == "candle",
                parts[4] == "history"
            {
                self = .zondaCandles(pair: parts[5], resolution: parts[6])
            } else {
                return nil
            }
        }
    }

    var venue: Venue {
        switch self {
        case .binanceKlines(let venue), .binanceTime(let venue), .binancePing(let venue): venue
        case .krakenSpotOHLC, .krakenSpotTime: .krakenSpot
        case .krakenFuturesCandles: .krakenFutures
        case .zondaCandles: .zondaSpot
        }
    }

    /// The endpoint's path template, the key of the request counters.
    var endpoint: String {
        switch self {
        case .binanceKlines(let venue): venue == .binanceSpot ? "/api/v3/klines" : "/fapi/v1/klines"
        case .binanceTime(let venue): venue == .binanceSpot ? "/api/v3/time" : "/fapi/v1/time"
        case .binancePing(let venue): venue == .binanceSpot ? "/api/v3/ping" : "/fapi/v1/ping"
        case .krakenSpotOHLC: "/0/public/OHLC"
        case .krakenSpotTime: "/0/public/Time"
        case .krakenFuturesCandles: "/api/charts/v1/{tick_type}/{symbol}/{resolution}"
        case .zondaCandles: "/rest/trading/candle/history/{pair}/{resolution}"
        }
    }
}
