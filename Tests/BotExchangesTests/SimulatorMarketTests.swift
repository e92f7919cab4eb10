import BotExchanges
import Testing

@Suite("SyntheticMarket")
struct SimulatorMarketTests {
    static let start: Int64 = 1_654_041_600_000  // 2022-06-01
    static let end: Int64 = start + 730 * 86_400_000  // two years later
    static let hour = Interval.oneHour

    @Test("the same seed gives the same candles; another seed, other candles")
    func determinism() throws {
        let first = try SyntheticMarket(seed: 42).candles(
            venue: .binanceSpot, symbol: "BTCUSDT", interval: Self.hour, from: Self.start,
            to: Self.start + 500 * 3_600_000)
        let again = try SyntheticMarket(seed: 42).candles(
            venue: .binanceSpot, symbol: "BTCUSDT", interval: Self.hour, from: Self.start,
            to: Self.start + 500 * 3_600_000)
        let other = try SyntheticMarket(seed: 43).candles(
            venue: .binanceSpot, symbol: "BTCUSDT", interval: Self.hour, from: Self.start,
            to: Self.start + 500 * 3_600_000)
        #expect(first.count == 500)
        #expect(first == again)
        #expect(first != other)
        #expect(first.map(\.openTime) == (0..<500).map { Self.start + Int64($0) * 3_600_000 })
    }

    @Test("any split of a window gives the same candles as the whole window")
    func pageBoundaries() throws {
        let market = SyntheticMarket(seed: 5, missingRate: 0.03)
        let whole = try market.candles(
            venue: .krakenFutures, symbol: "PF_XBTUSD", interval: .fifteenMinutes, from: Self.start,
            to: Self.start + 3000 * 900_000)
        var pieces: [Candle] = []
        var from = Self.start
        for length in [1, 7, 333, 1000, 59, 1600] {
            let to = from + Int64(length) * 900_000
            pieces += try market.candles(
                venue: .krakenFutures, symbol: "PF_XBTUSD", interval: .fifteenMinutes, from: from, to: to)
            from = to
        }
        #expect(pieces == whole)
        // Backwards, one candle at a time near the end, too.
        for candle in whole.suffix(5).reversed() {
            let single = try market.candles(
                venue: .krakenFutures, symbol: "PF_XBTUSD", interval: .fifteenMinutes, from: candle.openTime,
                to: candle.openTime + 1)
            #expect(single == [candle])
        }
    }

    @Test("two years of 1h for three symbols on every venue: valid OHLC, positive volume, continuous opens")
    func twoYearsEverywhere() throws {
        let market = SyntheticMarket(seed: 9)
        var total = 0
        for venue in Venue.allCases {
            for symbol in market.symbols[venue]!.prefix(3) {
                let candles = try market.candles(
                    venue: venue, symbol: symbol.name, interval: Self.hour, from: Self.start, to: Self.end)
                #expect(candles.count == 17_520)
                for (index, candle) in candles.enumerated() {
                    guard candle.low <= min(candle.open, candle.close), candle.high >= max(candle.open, candle.close),
                        candle.low > 0, candle.volume > 0
                    else {
                        Issue.record("\(venue) \(symbol.name) candle \(index) breaks OHLC rules: \(candle)")
                        break
                    }
                }
                // Each candle opens where the previous one closed.
                #expect(zip(candles, candles.dropFirst()).allSatisfy { $0.close == $1.open })
                // The walk stays within sensible bounds of its base price.
                let closes = candles.map(\.close)
                #expect(closes.min()! > symbol.basePrice / 20 && closes.max()! < symbol.basePrice * 20)
                total += candles.count
            }
        }
        #expect(total == 15 * 17_520)
    }

    @Test("prices sit on the symbol's tick")
    func ticks() throws {
        let candles = try SyntheticMarket().candles(
            venue: .binanceSpot, symbol: "ETHUSDT", interval: .oneDay, from: Self.start, to: Self.end)
        for candle in candles {
            for price in [candle.open, candle.high, candle.low, candle.close] {
                let ticks = price * 100
                #expect(abs(ticks - ticks.rounded()) < 1e-6, "\(price) is not on a 0.01 tick")
            }
        }
    }

    @Test("holes are seeded: the same candles are missing in every query, at about the rate asked")
    func holes() throws {
        let market = SyntheticMarket(seed: 3, missingRate: 0.1)
        let full = try SyntheticMarket(seed: 3).candles(
            venue: .zondaSpot, symbol: "BTC-PLN", interval: Self.hour, from: Self.start,
            to: Self.start + 5000 * 3_600_000)
        let holed = try market.candles(
            venue: .zondaSpot, symbol: "BTC-PLN", interval: Self.hour, from: Self.start,
            to: Self.start + 5000 * 3_600_000)
        #expect(holed.count > 4400 && holed.count < 4600)
        // What remains is unchanged, and a second query misses the same candles.
        let present = Set(holed.map(\.openTime))
        #expect(full.filter { present.contains($0.openTime) } == holed)
        #expect(
            try market.candles(
                venue: .zondaSpot, symbol: "BTC-PLN", interval: Self.hour, from: Self.start,
                to: Self.start + 5000 * 3_600_000) == holed)
    }

    @Test("series begin at the listing start and end at the venue's now, whose candle is partial")
    func listingAndNow() throws {
        let market = SyntheticMarket(seed: 1)
        let early = try market.candles(
            venue: .binanceSpot, symbol: "BTCUSDT", interval: .oneDay, from: 0,
            to: SyntheticMarket.defaultListingStart + 3 * 86_400_000)
        #expect(early.map(\.openTime).first == SyntheticMarket.defaultListingStart)
        #expect(early.count == 3)

        let now = SimulatorFixtures.now  // 12:30
        let nineOClock = now - now % 3_600_000 - 3 * 3_600_000
        let served = try market.candles(
            venue: .binanceSpot, symbol: "BTCUSDT", interval: Self.hour, from: nineOClock, to: now + 10 * 3_600_000,
            asOf: now)
        #expect(served.count == 4)
        let complete = try market.candles(
            venue: .binanceSpot, symbol: "BTCUSDT", interval: Self.hour, from: nineOClock, to: now + 1)
        #expect(Array(served.prefix(3)) == Array(complete.prefix(3)))
        let open = try #require(served.last)
        let final = try #require(complete.last)
        #expect(open.openTime == final.openTime && open.open == final.open)
        #expect(open.volume < final.volume)
        #expect(open.low >= final.low && open.high <= final.high)
    }

    @Test("unknown symbols, unsupported intervals and reversed windows are refused with a clear message")
    func errors() {
        let market = SyntheticMarket()
        #expect(throws: SyntheticMarketError.self) {
            try market.candles(venue: .binanceSpot, symbol: "NOPE", interval: .oneHour, from: 0, to: 1)
        }
        do {
            _ = try market.candles(venue: .krakenSpot, symbol: "XBTUSDT", interval: .oneMonth, from: 0, to: 1)
            Issue.record("1M on Kraken spot should fail")
        } catch {
            #expect(error.description.contains("kraken_spot has no 1M candles"))
        }
        #expect(throws: SyntheticMarketError.invalidRange(from: 5, to: 1)) {
            try market.candles(venue: .binanceSpot, symbol: "BTCUSDT", interval: .oneHour, from: 5, to: 1)
        }
    }

    @Test("configured symbols are listed next to the defaults; Kraken and Zonda ignore case")
    func symbols() throws {
        let market = SyntheticMarket(additionalSymbols: [.binanceSpot: [SyntheticSymbol("DOGEUSDT")]])
        #expect(market.symbol("DOGEUSDT", on: .binanceSpot) != nil)
        #expect(market.symbol("dogeusdt", on: .binanceSpot) == nil)
        #expect(market.symbol("pi_xbtusd", on: .krakenFutures)?.name == "PI_XBTUSD")
        #expect(market.symbol("XXBTZUSD", on: .krakenSpot)?.name == "XBTUSD")
        #expect(market.symbol("btc-pln", on: .zondaSpot)?.name == "BTC-PLN")
        let monthly = try market.candles(
            venue: .binanceSpot, symbol: "DOGEUSDT", interval: .oneMonth, from: Self.start, to: Self.end)
        #expect(monthly.count == 24)
        #expect(monthly.first?.openTime == Self.start)
    }
}
