extension PaperTradingSettings {
    /// The settings of an environment without `adapter_settings.paper_trading`: the same values the loader
    /// gives an empty `paper_trading: {}` block (`spec/reference-runtime.md` §7.6).
    ///
    /// - Parameter portfolioID: the environment's name, the default `portfolio_id`.
    public static func defaults(portfolioID: String) -> PaperTradingSettings {
        PaperTradingSettings(
            valuationAsset: "USDT", quoteAssets: ["USDT"], positionSize: nil, defaultLeverage: 1,
            initialBalances: ["USDT": 100_000],
            defaultMarket: MarketRules(
                minQuantity: nil, minNotional: nil, stepSize: nil, tickSize: nil),
            markets: [:], portfolioID: portfolioID, makerFee: 0.0004, takerFee: 0.0006, slippageBPS: 5,
            ledgerDirectory: "audit/ledger", ledgerFilenamePattern: "ledger-%Y%m%d.jsonl", ledgerRetentionDays: 730,
            ledgerFsync: false)
    }
}
