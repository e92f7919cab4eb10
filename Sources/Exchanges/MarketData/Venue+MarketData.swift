extension Venue {
    /// The intervals the venue serves candles for, shortest first.
    ///
    /// Binance: `1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M`. Kraken spot: minutes
    /// `1 5 15 30 60 240 1440 10080 21600` (the last is 15 days). Kraken futures: `1m 5m 15m 30m 1h 4h 12h
    /// 1d 1w`. Zonda: resolutions in seconds `60 … 604800` (`1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 3d 1w`).
    public var supportedCandleIntervals: [Interval] {
        Self.intervalCodes[self, default: []].map(\.interval)
    }

    /// The venue's own spelling of `interval` in a candle request: `1h` (Binance, Kraken futures),
    /// `60` minutes (Kraken spot), `3600` seconds (Zonda).
    ///
    /// - Throws: ``MarketDataError/unsupportedInterval(venue:interval:supported:)`` naming the supported ones.
    public func nativeInterval(for interval: Interval) throws(MarketDataError) -> String {
        guard let code = Self.intervalCodes[self, default: []].first(where: { $0.interval == interval })?.code else {
            throw .unsupportedInterval(venue: self, interval: interval, supported: supportedCandleIntervals)
        }
        return code
    }

    /// The most candles one request can return: Binance spot 1000, USD-M 1500, Kraken spot 720, Kraken
    /// futures 2000 (undocumented; measured), Zonda 100 (undocumented; what CCXT asks for).
    public var candlePageLimit: Int {
        switch self {
        case .binanceSpot: 1000
        case .binanceFutures: 1500
        case .krakenSpot: 720
        case .krakenFutures: 2000
        case .zondaSpot: 100
        }
    }

    /// How many of the most recent candles the venue serves at all; nil when unlimited. Kraken spot
    /// returns only the 720 most recent of any interval, whatever `since` says.
    public var candleHistoryLimit: Int? {
        self == .krakenSpot ? 720 : nil
    }

    private static let intervalCodes: [Venue: [(interval: Interval, code: String)]] = {
        func parse(_ text: String) -> Interval {
            // Literal spellings below, all valid.
            try! Interval(parsing: text)
        }
        let binance = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M"]
            .map { (interval: parse($0), code: $0) }
        let krakenSpot = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600].map { minutes in
            let interval =
                minutes % 10080 == 0
                ? parse("\(minutes / 10080)w")
                : minutes % 1440 == 0
                    ? parse("\(minutes / 1440)d")
                    : minutes % 60 == 0 ? parse("\(minutes / 60)h") : parse("\(minutes)m")
            return (interval: interval, code: String(minutes))
        }
        let krakenFutures = ["1m", "5m", "15m", "30m", "1h", "4h", "12h", "1d", "1w"]
            .map { (interval: parse($0), code: $0) }
        let zonda = ["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "3d", "1w"].map { text in
            let interval = parse(text)
            return (interval: interval, code: String(interval.approximateMilliseconds / 1000))
        }
        return [
            .binanceSpot: binance, .binanceFutures: binance, .krakenSpot: krakenSpot,
            .krakenFutures: krakenFutures, .zondaSpot: zonda,
        ]
    }()
}
