import Foundation

/// A symbol the synthetic market lists on one venue, with the numbers that shape its series.
public struct SyntheticSymbol: Sendable, Hashable {
    /// The symbol as the venue spells it in requests (`BTCUSDT`, `XBTUSDT`, `PF_XBTUSD`, `BTC-PLN`).
    public var name: String
    /// The price level the series wanders around, in the quote currency.
    public var basePrice: Double
    /// Decimals of the price tick (2 means a tick of 0.01).
    public var priceDecimals: Int
    /// When the series starts (epoch ms); nil uses the market's listing start.
    public var listingStart: Int64?
    /// The name the venue uses in responses when it differs from ``name``: Kraken answers a request for
    /// `XBTUSD` under its internal key `XXBTZUSD`. Requests may use either.
    public var responseName: String?

    /// A symbol; without `basePrice` or `priceDecimals` they are guessed from the asset in the name.
    public init(
        _ name: String, basePrice: Double? = nil, priceDecimals: Int? = nil, listingStart: Int64? = nil,
        responseName: String? = nil
    ) {
        let price = basePrice ?? Self.guessedBasePrice(for: name)
        self.name = name
        self.basePrice = price
        self.priceDecimals = priceDecimals ?? Self.decimals(for: price)
        self.listingStart = listingStart
        self.responseName = responseName
    }

    /// A tick that keeps about six significant digits.
    static func decimals(for price: Double) -> Int {
        switch price {
        case 1000...: 2
        case 10...: 3
        case 1...: 4
        default: 6
        }
    }

    /// A plausible price for the asset the name starts with, converted to the quote currency it ends with.
    static func guessedBasePrice(for name: String) -> Double {
        var text = name.uppercased()
        for prefix in ["PI_", "PF_", "FI_", "FF_"] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        text = text.replacingOccurrences(of: "-", with: "")
        let quotes: [(String, Double)] = [
            ("USDT", 1), ("USDC", 1), ("USD", 1), ("EUR", 0.92), ("PLN", 4.0), ("GBP", 0.8),
        ]
        var factor = 1.0
        for (quote, rate) in quotes where text.hasSuffix(quote) && text.count > quote.count {
            text.removeLast(quote.count)
            factor = rate
            break
        }
        let prices: [String: Double] = [
            "BTC": 30_000, "XBT": 30_000, "XXBT": 30_000, "ETH": 2_000, "XETH": 2_000, "SOL": 100, "BNB": 300,
            "XRP": 0.5, "ADA": 0.4, "LTC": 80, "POL": 0.5, "MATIC": 0.5, "DOGE": 0.08,
        ]
        return (prices[text] ?? 10) * factor
    }
}
