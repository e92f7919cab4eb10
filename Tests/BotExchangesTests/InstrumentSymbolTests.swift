import BotExchanges
import Testing

@Suite("Instrument symbols")
struct InstrumentSymbolTests {
    @Test("canonical spellings", arguments: ["BTC/USDT", "BTC_USDT", "btc-usdt", " BTC:USDT "])
    func parsesCanonical(text: String) throws {
        let pair = try InstrumentSymbol(parsing: text)
        #expect(pair.base == "BTC" && pair.quote == "USDT")
        #expect(pair.description == "BTC/USDT" && pair.instrumentName == "BTC_USDT")
    }

    @Test("not pairs", arguments: ["BTCUSDT", "BTC/USDT/X", "BTC/", "B€/USDT", ""])
    func rejects(text: String) {
        #expect(throws: InstrumentSymbolError.self) { try InstrumentSymbol(parsing: text) }
    }

    @Test(
        "native symbols per venue (the shipped universe's spellings)",
        arguments: [
            ("BTC/USDT", Venue.binanceSpot, "BTCUSDT"), ("ETH/EUR", .binanceSpot, "ETHEUR"),
            ("BTC/USDT", .binanceFutures, "BTCUSDT"),
            ("BTC/USDT", .krakenSpot, "XBTUSDT"), ("ETH/EUR", .krakenSpot, "ETHEUR"),
            ("DOGE/USD", .krakenSpot, "XDGUSD"),
            ("BTC/USDT", .krakenFutures, "PI_XBTUSD"), ("ETH/EUR", .krakenFutures, "PI_ETHEUR"),
            ("BTC/PLN", .zondaSpot, "BTC-PLN"), ("ETH/USDT", .zondaSpot, "ETH-USDT"),
        ])
    func native(pair: String, venue: Venue, symbol: String) throws {
        let instrument = try InstrumentSymbol(parsing: pair)
        #expect(instrument.nativeSymbol(on: venue) == symbol)
        #expect(instrument.matches(nativeSymbol: symbol, on: venue))
    }

    @Test(
        "reading venue symbols back",
        arguments: [
            ("BTCUSDT", Venue.binanceSpot, "BTC/USDT"), ("POLUSDT", .binanceFutures, "POL/USDT"),
            ("XBTUSDT", .krakenSpot, "BTC/USDT"), ("XXBTZUSD", .krakenSpot, "BTC/USD"),
            ("XETHZEUR", .krakenSpot, "ETH/EUR"),
            ("pi_xbtusd", .krakenFutures, "BTC/USD"), ("PF_ETHUSD", .krakenFutures, "ETH/USD"),
            ("BTC-PLN", .zondaSpot, "BTC/PLN"),
        ])
    func readsBack(symbol: String, venue: Venue, pair: String) throws {
        #expect(try InstrumentSymbol(nativeSymbol: symbol, on: venue).description == pair)
    }

    @Test("configured symbols are validated against their instrument")
    func validation() throws {
        let btcUSDT = try InstrumentSymbol(parsing: "BTC_USDT")
        // core_multi_exchange: kraken_futures pi_xbtusd for BTC_USDT (futures settle in USD).
        #expect(btcUSDT.matches(nativeSymbol: "pi_xbtusd", on: .krakenFutures))
        #expect(btcUSDT.matches(nativeSymbol: "XBTUSDT", on: .krakenSpot))
        #expect(!btcUSDT.matches(nativeSymbol: "ETHUSDT", on: .binanceSpot))
        #expect(!btcUSDT.matches(nativeSymbol: "BTC-PLN", on: .zondaSpot))
        #expect(!btcUSDT.matches(nativeSymbol: "BTCUSDT", on: .zondaSpot))
    }

    @Test(
        "unreadable venue symbols",
        arguments: [
            ("BTCXYZ", Venue.binanceSpot), ("XBT_USD", .krakenFutures), ("BTCPLN", .zondaSpot),
        ])
    func unreadable(symbol: String, venue: Venue) {
        #expect(throws: InstrumentSymbolError.unrecognisedVenueSymbol(venue: venue, symbol: symbol)) {
            try InstrumentSymbol(nativeSymbol: symbol, on: venue)
        }
    }
}
