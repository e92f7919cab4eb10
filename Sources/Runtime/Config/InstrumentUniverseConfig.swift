import BotExchanges

/// One entry of `instrument_universes`: a named basket of instruments with their exchange symbols and the
/// history the backfill must hold.
public struct InstrumentUniverseConfig: Sendable, Equatable {
    /// The map key (`core_multi_exchange`).
    public let name: String
    /// `description`, default empty.
    public let description: String
    /// `instruments`, in file order.
    public let instruments: [InstrumentConfig]

    /// The instruments that have a symbol on `exchange`.
    public func instruments(on exchange: String) -> [InstrumentConfig] {
        instruments.filter { $0.exchangeSymbols[exchange] != nil }
    }
}

/// `instrument_universes.<universe>.instruments.<NAME>`.
public struct InstrumentConfig: Sendable, Equatable {
    /// The map key (`BTC_USDT`).
    public let name: String
    /// `base_asset` (`BTC`).
    public let baseAsset: String
    /// `quote_asset` (`USDT`).
    public let quoteAsset: String
    /// `categories` (tags such as `core`, `alt`).
    public let categories: [String]
    /// `exchanges`: the exchange-native symbol per exchange id (`binance_spot` → `BTCUSDT`).
    public let exchangeSymbols: [String: String]
    /// The exchange ids of `exchanges` in file order.
    public let exchangeOrder: [String]
    /// `backfill`: how much history of each interval must be held.
    public let backfillWindows: [BackfillWindowConfig]
}

/// One `backfill` window: `{interval, lookback_days}`.
public struct BackfillWindowConfig: Sendable, Equatable {
    /// `interval` as written (`1d`).
    public let intervalText: String
    /// `lookback_days`: days of history to hold.
    public let lookbackDays: Int

    /// A window holding `lookbackDays` days of `interval` candles.
    public init(interval: String, lookbackDays: Int) {
        self.intervalText = interval
        self.lookbackDays = lookbackDays
    }

    /// The parsed interval, nil when invalid (``CoreConfig/validate()`` reports it).
    public var interval: Interval? { try? Interval(parsing: intervalText) }
}
