/// The request budgets the simulator enforces, per venue, with each venue's own headers and answers.
public struct SimulatorRateLimits: Sendable, Equatable {
    /// False serves every request (no 429s, no Kraken rate-limit errors); weight headers are still sent.
    public var isEnabled: Bool
    /// Binance spot request weight per minute (klines weigh 2); over it: 429 with `Retry-After`.
    public var binanceSpotWeightPerMinute: Int
    /// Binance USD-M request weight per minute (klines weigh 1 to 10 by `limit`).
    public var binanceFuturesWeightPerMinute: Int
    /// Requests Binance answers 429 within one minute before it bans the IP (418) for ``binanceBanSeconds``:
    /// a client that ignores `Retry-After` gets banned, as on the real venue.
    public var binanceRefusalsBeforeBan: Int
    /// How long an automatic Binance ban lasts (the venue's shortest is two minutes).
    public var binanceBanSeconds: Int
    /// Kraken spot's call counter ceiling: each call adds 1, the counter decays continuously, and a call
    /// that would pass the ceiling gets `EAPI:Rate limit exceeded`.
    public var krakenSpotCounterLimit: Double
    /// How much the Kraken spot counter decays per second.
    public var krakenSpotDecayPerSecond: Double
    /// Zonda requests per minute (undocumented by Zonda; over it: 429 and `ACTION_LIMIT_EXCEEDED`).
    public var zondaRequestsPerMinute: Int

    /// The venues' documented (or, for Zonda, assumed) limits. Kraken futures' charts are not limited.
    public static let standard = SimulatorRateLimits()
    /// No limits enforced.
    public static let unlimited = SimulatorRateLimits(isEnabled: false)

    /// Budgets with the given values; the defaults are ``standard``'s.
    public init(
        isEnabled: Bool = true, binanceSpotWeightPerMinute: Int = 6000, binanceFuturesWeightPerMinute: Int = 2400,
        binanceRefusalsBeforeBan: Int = 10, binanceBanSeconds: Int = 120, krakenSpotCounterLimit: Double = 15,
        krakenSpotDecayPerSecond: Double = 1, zondaRequestsPerMinute: Int = 600
    ) {
        self.isEnabled = isEnabled
        self.binanceSpotWeightPerMinute = binanceSpotWeightPerMinute
        self.binanceFuturesWeightPerMinute = binanceFuturesWeightPerMinute
        self.binanceRefusalsBeforeBan = binanceRefusalsBeforeBan
        self.binanceBanSeconds = binanceBanSeconds
        self.krakenSpotCounterLimit = krakenSpotCounterLimit
        self.krakenSpotDecayPerSecond = krakenSpotDecayPerSecond
        self.zondaRequestsPerMinute = zondaRequestsPerMinute
    }
}
