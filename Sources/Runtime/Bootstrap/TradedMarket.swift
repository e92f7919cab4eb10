/// One market the runtime trades: a universe instrument with its symbol on the environment's exchange.
public struct TradedMarket: Sendable, Hashable, CustomStringConvertible {
    /// The universe's instrument name (`BTC_USDT`).
    public let instrument: String
    /// The exchange-native symbol (`BTCUSDT`), the key orders, candles and lot rules use.
    public let symbol: String
    /// `base_asset` (`BTC`).
    public let baseAsset: String
    /// `quote_asset` (`USDT`).
    public let quoteAsset: String

    /// A market trading `instrument` as `symbol`.
    public init(instrument: String, symbol: String, baseAsset: String, quoteAsset: String) {
        self.instrument = instrument
        self.symbol = symbol
        self.baseAsset = baseAsset
        self.quoteAsset = quoteAsset
    }

    public var description: String { "\(instrument) (\(symbol))" }
}
