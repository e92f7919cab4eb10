/// Why a text is not a trading pair, or a venue symbol does not match one.
public enum InstrumentSymbolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not `BASE/QUOTE` (or `_`, `-`, `:` as separator).
    case notAPair(String)
    /// An asset code that is empty or holds characters other than letters and digits.
    case invalidAsset(String)
    /// A venue symbol this type cannot split into base and quote.
    case unrecognisedVenueSymbol(venue: Venue, symbol: String)

    public var description: String {
        switch self {
        case .notAPair(let text):
            return "'\(text)' is not a trading pair; write BASE/QUOTE, e.g. BTC/USDT or BTC_USDT"
        case .invalidAsset(let text):
            return "'\(text)' is not an asset code; use letters and digits, e.g. BTC, USDT"
        case .unrecognisedVenueSymbol(let venue, let symbol):
            let example =
                switch venue {
                case .binanceSpot, .binanceFutures: "BTCUSDT"
                case .krakenSpot: "XBTUSDT or XXBTZUSD"
                case .krakenFutures: "PI_XBTUSD or PF_XBTUSD"
                case .zondaSpot: "BTC-PLN"
                }
            return "'\(symbol)' is not a \(venue) symbol this tool can read; \(venue) spells pairs like \(example)"
        }
    }
}
