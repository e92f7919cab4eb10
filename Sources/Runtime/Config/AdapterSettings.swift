/// `environments.<name>.adapter_settings`: settings for the exchange adapter, the backfill and the paper
/// simulator. Keys this system reads are typed below; every entry stays available in ``values``.
public struct AdapterSettings: Sendable, Equatable {
    /// Every key as written (values raw), for adapters that read settings of their own.
    public let values: [String: ConfigValue]
    /// `api_base_url`: replaces the exchange's REST base URL (a testnet, the simulator, a proxy).
    public let apiBaseURL: String?
    /// `valuation_asset`: the currency account snapshots are valued in.
    public let valuationAsset: String?
    /// `secondary_valuation_assets`.
    public let secondaryValuationAssets: [String]
    /// `ohlcv_refresh_seconds` (or, when that is absent or empty, `ohlcv_refresh_overrides`): refresh period
    /// per interval; only values above 0 are kept.
    public let refreshSeconds: [String: Int]
    /// `ohlcv_refresh_jitter`: jitter per interval; values of at least 0 are kept.
    public let refreshJitter: [String: Double]
    /// `ohlcv_gap_alerts`, nil when absent.
    public let gapAlerts: GapAlertSettings?
    /// `paper_trading`, nil when absent.
    public let paperTrading: PaperTradingSettings?

    /// No settings.
    public static let empty = AdapterSettings(
        values: [:], apiBaseURL: nil, valuationAsset: nil, secondaryValuationAssets: [], refreshSeconds: [:],
        refreshJitter: [:], gapAlerts: nil, paperTrading: nil)
}

/// `adapter_settings.ohlcv_gap_alerts`: when the backfill's gap tracker warns and opens incidents.
public struct GapAlertSettings: Sendable, Equatable {
    /// `warning_gap_minutes`: per interval, the gap that triggers a warning (at least 1).
    public let warningGapMinutes: [String: Int]
    /// `incident_threshold_count`, default 5.
    public let incidentThresholdCount: Int
    /// `incident_window_minutes`, default 10.
    public let incidentWindowMinutes: Int
    /// `sms_escalation_minutes`, default 15.
    public let smsEscalationMinutes: Int
    /// `warning_throttle_minutes`, default 5.
    public let warningThrottleMinutes: Int
}

/// `adapter_settings.paper_trading`: the paper simulator's account, market rules, fees and fill ledger,
/// normalised as the pipeline uses them (assets upper-cased, size floored at 0, leverage at 1).
public struct PaperTradingSettings: Sendable, Equatable {
    /// `valuation_asset`, default `USDT`.
    public let valuationAsset: String
    /// `quote_assets`, default `[valuation_asset]`.
    public let quoteAssets: [String]
    /// `position_size`: the most an entry may buy or sell, in base-asset units; nil (the default) lets the
    /// risk profile size every entry. The reference read it as a fixed quantity (0.1 of any asset), which
    /// across a basket means 0.1 BTC and 0.1 XRP alike.
    public let positionSize: Double?
    /// `default_leverage`, default 1.0.
    public let defaultLeverage: Double
    /// `initial_balances`; every quote asset missing from it starts with 100 000.
    public let initialBalances: [String: Double]
    /// `default_market`: lot rules for every market.
    public let defaultMarket: MarketRules
    /// `markets`: per-symbol overrides of the lot rules.
    public let markets: [String: MarketRules]
    /// `portfolio_id`, default the environment's name.
    public let portfolioID: String
    /// `maker_fee`, default 0.0004.
    public let makerFee: Double
    /// `taker_fee`, default 0.0006.
    public let takerFee: Double
    /// `slippage_bps`, default 5.0.
    public let slippageBPS: Double
    /// `ledger_directory`, default `audit/ledger`; relative to `data_cache_path`; nil when written blank
    /// (no ledger).
    public let ledgerDirectory: String?
    /// `ledger_filename_pattern`, default `ledger-%Y%m%d.jsonl`.
    public let ledgerFilenamePattern: String
    /// `ledger_retention_days`, default 730; nil for no retention.
    public let ledgerRetentionDays: Int?
    /// `ledger_fsync`, default false.
    public let ledgerFsync: Bool
}

/// Lot rules of a market (`default_market`, `markets.<symbol>`); nil where not set.
public struct MarketRules: Sendable, Equatable {
    /// `min_quantity`.
    public let minQuantity: Double?
    /// `min_notional`.
    public let minNotional: Double?
    /// `step_size`.
    public let stepSize: Double?
    /// `tick_size`.
    public let tickSize: Double?
}
