import Foundation

extension InstrumentSymbol {
    /// Kraken's own codes for assets whose common code differs (spot and futures).
    private static let krakenAliases: [String: String] = ["BTC": "XBT", "DOGE": "XDG"]
    /// Quote assets recognised at the end of a concatenated Binance symbol (`BTCUSDT`), longest first.
    private static let binanceQuotes = [
        "FDUSD", "USDT", "USDC", "BUSD", "TUSD", "EUR", "PLN", "GBP", "TRY", "BRL", "JPY", "BTC", "ETH", "BNB",
    ]
    /// Kraken's quotes (no TUSD, so `XBTUSD` is XBT/USD), longest first.
    private static let krakenQuotes = ["USDT", "USDC", "USD", "EUR", "GBP", "CAD", "JPY", "CHF", "AUD", "XBT", "ETH"]

    /// The pair as `venue` spells it: Binance `BTCUSDT`; Kraken spot `XBTUSDT` (Kraken calls bitcoin XBT);
    /// Kraken futures `PI_XBTUSD` (the inverse perpetual the shipped config uses; futures settle in USD,
    /// so a USDT or USDC quote becomes USD); Zonda `BTC-PLN`.
    public func nativeSymbol(on venue: Venue) -> String {
        switch venue {
        case .binanceSpot, .binanceFutures:
            return base + quote
        case .krakenSpot:
            return Self.kraken(base) + Self.kraken(quote)
        case .krakenFutures:
            let quote = ["USDT", "USDC"].contains(quote) ? "USD" : Self.kraken(quote)
            return "PI_" + Self.kraken(base) + quote
        case .zondaSpot:
            return "\(base)-\(quote)"
        }
    }

    /// Reads a venue's own symbol back into a pair: `BTCUSDT`, `XBTUSDT` or `XXBTZUSD`, `PI_XBTUSD` or
    /// `pf_xbtusd`, `BTC-PLN`. Kraken's `XBT`/`XDG` become `BTC`/`DOGE`; Kraken futures' `USD` stays `USD`.
    ///
    /// - Throws: ``InstrumentSymbolError/unrecognisedVenueSymbol(venue:symbol:)``.
    public init(nativeSymbol symbol: String, on venue: Venue) throws(InstrumentSymbolError) {
        let text = symbol.trimmingCharacters(in: .whitespaces).uppercased()
        let unrecognised = InstrumentSymbolError.unrecognisedVenueSymbol(venue: venue, symbol: symbol)
        switch venue {
        case .binanceSpot, .binanceFutures:
            guard let (base, quote) = Self.splitConcatenated(text, quotes: Self.binanceQuotes) else {
                throw unrecognised
            }
            try self.init(base: base, quote: quote)
        case .krakenSpot:
            // Kraken's internal names of older pairs: X-prefixed crypto, Z-prefixed fiat (XXBTZUSD).
            if text.count == 8, text.hasPrefix("X"), ["Z", "X"].contains(text.dropFirst(4).first) {
                let base = String(text.dropFirst().prefix(3))
                let quote = String(text.dropFirst(5))
                try self.init(base: Self.common(base), quote: Self.common(quote))
                return
            }
            guard let (base, quote) = Self.splitConcatenated(text, quotes: Self.krakenQuotes) else {
                throw unrecognised
            }
            try self.init(base: Self.common(base), quote: Self.common(quote))
        case .krakenFutures:
            let parts = text.split(separator: "_")
            guard parts.count == 2, ["PI", "PF", "FI", "FF"].contains(parts[0]),
                let (base, quote) = Self.splitConcatenated(String(parts[1]), quotes: Self.krakenQuotes)
            else { throw unrecognised }
            try self.init(base: Self.common(base), quote: Self.common(quote))
        case .zondaSpot:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw unrecognised }
            try self.init(base: String(parts[0]), quote: String(parts[1]))
        }
    }

    /// Whether `symbol` is how `venue` spells this pair. Both Kraken spot spellings count, and for Kraken
    /// futures any contract prefix and a USD quote for a USDT or USDC pair.
    public func matches(nativeSymbol symbol: String, on venue: Venue) -> Bool {
        guard let given = try? InstrumentSymbol(nativeSymbol: symbol, on: venue),
            let expected = try? InstrumentSymbol(nativeSymbol: nativeSymbol(on: venue), on: venue)
        else { return false }
        return given == expected
    }

    private static func kraken(_ asset: String) -> String { krakenAliases[asset] ?? asset }

    private static func common(_ asset: String) -> String {
        krakenAliases.first { $0.value == asset }?.key ?? asset
    }

    private static func splitConcatenated(_ text: String, quotes: [String]) -> (String, String)? {
        for quote in quotes where text.hasSuffix(quote) && text.count > quote.count {
            return (String(text.dropLast(quote.count)), quote)
        }
        return nil
    }
}
