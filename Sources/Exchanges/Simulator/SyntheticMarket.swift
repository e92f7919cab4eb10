/// Deterministic candles for every venue the simulator serves: what `ExchangeSimulator` answers, and
/// what a test compares a client's stored candles with.
///
/// A series is keyed by (seed, venue, symbol, interval) and is a pure function of the candle's open time,
/// so every page boundary and every order of requests sees the same candles. Series run from the
/// listing start (the bucket holding it) onwards, without end; a venue serves them only up to its "now".
///
/// ```swift
/// let market = SyntheticMarket(seed: 7)
/// let served = try market.candles(
///     venue: .binanceSpot, symbol: "BTCUSDT", interval: .oneHour, from: start, to: end)
/// #expect(stored == served)
/// ```
public struct SyntheticMarket: Sendable {
    /// Seeds every series; the same seed gives the same candles, byte for byte.
    public var seed: UInt64
    /// When series start unless a symbol says otherwise (epoch ms); default 2017-01-01T00:00Z.
    public var listingStart: Int64
    /// The share of candles that do not exist (seeded holes, the same in every request), 0 ... 1.
    public var missingRate: Double
    /// The symbols listed per venue.
    public private(set) var symbols: [Venue: [SyntheticSymbol]]

    /// 2017-01-01T00:00:00Z.
    public static let defaultListingStart: Int64 = 1_483_228_800_000

    /// A market listing each venue's default symbols plus `additionalSymbols`.
    public init(
        seed: UInt64 = 1, listingStart: Int64 = SyntheticMarket.defaultListingStart, missingRate: Double = 0,
        additionalSymbols: [Venue: [SyntheticSymbol]] = [:]
    ) {
        self.seed = seed
        self.listingStart = listingStart
        self.missingRate = min(1, max(0, missingRate))
        var symbols: [Venue: [SyntheticSymbol]] = [:]
        for venue in Venue.allCases {
            var list = Self.defaultSymbols(for: venue)
            for extra in additionalSymbols[venue] ?? [] {
                list.removeAll { $0.name.uppercased() == extra.name.uppercased() }
                list.append(extra)
            }
            symbols[venue] = list
        }
        self.symbols = symbols
    }

    /// The symbols a venue lists without configuration (the reference universe's instruments).
    public static func defaultSymbols(for venue: Venue) -> [SyntheticSymbol] {
        switch venue {
        case .binanceSpot:
            [
                "BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "ADAUSDT", "LTCUSDT", "POLUSDT", "BTCEUR",
                "ETHEUR",
            ]
            .map { SyntheticSymbol($0) }
        case .binanceFutures:
            ["BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "ADAUSDT", "LTCUSDT", "POLUSDT"].map { SyntheticSymbol($0) }
        case .krakenSpot:
            ["XBTUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT", "LTCUSDT", "XBTEUR", "ETHEUR"]
                .map { SyntheticSymbol($0, priceDecimals: $0.hasPrefix("XBT") ? 1 : nil) }
                + [
                    SyntheticSymbol("XBTUSD", priceDecimals: 1, responseName: "XXBTZUSD"),
                    SyntheticSymbol("ETHUSD", responseName: "XETHZUSD"),
                ]
        case .krakenFutures:
            ["PF_XBTUSD", "PI_XBTUSD", "PF_ETHUSD", "PI_ETHUSD", "PI_XBTEUR", "PI_ETHEUR"]
                .map { SyntheticSymbol($0, priceDecimals: $0.contains("XBT") ? 1 : nil) }
        case .zondaSpot:
            ["BTC-PLN", "ETH-PLN", "BTC-USDT", "ETH-USDT", "BTC-EUR", "ETH-EUR"].map { SyntheticSymbol($0) }
        }
    }

    /// The intervals a venue serves candles of, shortest first.
    public static func supportedIntervals(for venue: Venue) -> [Interval] {
        switch venue {
        case .binanceSpot, .binanceFutures: Interval.standard
        case .krakenSpot: SimulatedKrakenOHLC.intervals.map(\.interval)
        case .krakenFutures: SimulatedKrakenFuturesCharts.resolutions.map(\.interval)
        case .zondaSpot: SimulatedZondaCandles.resolutions.map(\.interval)
        }
    }

    /// The listed symbol a request names, or nil. Binance matches exactly; Kraken and Zonda ignore case,
    /// and Kraken spot also accepts the internal response name (`XXBTZUSD`).
    public func symbol(_ name: String, on venue: Venue) -> SyntheticSymbol? {
        let list = symbols[venue] ?? []
        switch venue {
        case .binanceSpot, .binanceFutures:
            return list.first { $0.name == name }
        case .krakenSpot, .krakenFutures, .zondaSpot:
            let wanted = name.uppercased()
            return list.first { $0.name.uppercased() == wanted || $0.responseName?.uppercased() == wanted }
        }
    }

    /// Every candle of the series opening in `from ..< to` (epoch ms), oldest first, without the seeded holes.
    ///
    /// - Parameter asOf: The venue's "now": candles that have not opened by then are left out and the one
    ///   holding it is returned as the venue shows it (partial). Nil returns every candle complete.
    /// - Throws: ``SyntheticMarketError`` for a symbol or interval the venue does not have.
    public func candles(
        venue: Venue, symbol: String, interval: Interval, from: Int64, to: Int64, asOf: Int64? = nil
    ) throws(SyntheticMarketError) -> [Candle] {
        guard from <= to else { throw .invalidRange(from: from, to: to) }
        let series = try series(venue: venue, symbol: symbol, interval: interval)
        let (from, to) = (SyntheticSeries.clamped(from), SyntheticSeries.clamped(to))
        var upper = series.firstIndex(openingAtOrAfter: to) - 1
        if let asOf { upper = min(upper, series.index(of: asOf)) }
        let lower = max(series.firstIndex, series.firstIndex(openingAtOrAfter: from))
        guard lower <= upper else { return [] }
        // In chunks, so years of minute candles never hold more than one chunk of intermediate rows.
        var candles: [Candle] = []
        candles.reserveCapacity(Int(min(upper - lower + 1, 10_000_000)))
        var chunkStart = lower
        while chunkStart <= upper {
            let chunkEnd = min(upper, chunkStart + 65_535)
            let indices = series.presentIndices(chunkStart, chunkEnd, limit: Int.max, newest: false)
            candles += series.rows(indices, asOf: asOf).map(series.candle)
            chunkStart = chunkEnd + 1
        }
        return candles
    }

    /// The series behind a symbol and interval of a venue.
    func series(venue: Venue, symbol name: String, interval: Interval) throws(SyntheticMarketError) -> SyntheticSeries {
        guard let symbol = symbol(name, on: venue) else {
            throw .unknownSymbol(venue: venue, symbol: name, known: (symbols[venue] ?? []).map(\.name))
        }
        let supported = Self.supportedIntervals(for: venue)
        guard supported.contains(interval) else {
            throw .unsupportedInterval(venue: venue, interval: interval, supported: supported)
        }
        return SyntheticSeries(
            seed: seed, venue: venue, symbol: symbol, interval: interval,
            listingStart: symbol.listingStart ?? listingStart, missingRate: missingRate)
    }
}
