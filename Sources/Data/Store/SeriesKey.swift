import BotExchanges

/// Names one candle series in the cache: the exchange id (`binance_spot`), the exchange-native symbol
/// (`BTCUSDT`) and the interval.
///
/// ``description`` is `exchange/SYMBOL/interval` (`binance_spot/BTCUSDT/1d`), the spelling
/// `inspect-manifest --series` accepts and messages use; the three parts are also the folder names of
/// the series under `ohlcv_parquet/`.
public struct SeriesKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The exchange id, the first folder under `ohlcv_parquet/`.
    public let exchange: String
    /// The exchange-native symbol, used verbatim as a folder name.
    public let symbol: String
    /// The candle interval; its canonical spelling is the folder name.
    public let interval: Interval

    /// A series key.
    ///
    /// - Throws: ``OHLCVStoreError/invalidSeries(_:reason:)`` when the exchange or symbol is empty or holds
    ///   a character that cannot be a single folder name (`/`, NUL) or is `.`/`..`.
    public init(exchange: String, symbol: String, interval: Interval) throws(OHLCVStoreError) {
        for (part, value) in [("exchange", exchange), ("symbol", symbol)] {
            guard !value.isEmpty, value != ".", value != "..", !value.contains("/"), !value.contains("\0") else {
                throw .invalidSeries(
                    "\(exchange)/\(symbol)/\(interval)",
                    reason: "the \(part) '\(value)' cannot be a folder name (empty, '.', '..' or containing '/')")
            }
        }
        self.exchange = exchange
        self.symbol = symbol
        self.interval = interval
    }

    /// Parses `exchange/SYMBOL/interval` (any interval spelling ``Interval`` accepts).
    public init(parsing text: String) throws(OHLCVStoreError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            throw .invalidSeries(text, reason: "expected EXCHANGE/SYMBOL/INTERVAL, e.g. binance_spot/BTCUSDT/1d")
        }
        guard let interval = Interval(parts[2]) else {
            throw .invalidSeries(text, reason: "'\(parts[2])' is not an interval (1m, 15m, 1h, 4h, 1d, 1w, 1M, …)")
        }
        try self.init(exchange: parts[0], symbol: parts[1], interval: interval)
    }

    /// `exchange/SYMBOL/interval`.
    public var description: String { "\(exchange)/\(symbol)/\(interval)" }

    /// The series folder relative to the cache's `ohlcv_parquet` folder.
    var relativeFolder: String { description }

    /// Orders by exchange, symbol, then interval length.
    public static func < (left: SeriesKey, right: SeriesKey) -> Bool {
        if left.exchange != right.exchange { return left.exchange < right.exchange }
        if left.symbol != right.symbol { return left.symbol < right.symbol }
        return left.interval < right.interval
    }
}
