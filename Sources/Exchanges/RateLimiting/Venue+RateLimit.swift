extension Venue {
    /// The public market-data budget of the venue (see ``RateLimit``).
    public var marketDataRateLimit: RateLimit {
        switch self {
        case .binanceSpot: .binanceSpot
        case .binanceFutures: .binanceFutures
        case .krakenSpot, .krakenFutures, .zondaSpot: .onePerSecond
        }
    }

    /// The weight one candle request costs: Binance spot klines 2; Binance USD-M klines by `limit`
    /// (1 below 100, 2 below 500, 5 up to 1000, 10 above); one request elsewhere.
    public func candleRequestWeight(limit: Int) -> Int {
        switch self {
        case .binanceSpot: 2
        case .binanceFutures:
            switch limit {
            case ..<100: 1
            case ..<500: 2
            case ...1000: 5
            default: 10
            }
        case .krakenSpot, .krakenFutures, .zondaSpot: 1
        }
    }
}
