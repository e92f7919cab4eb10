import BotExchanges

/// One entry of `runtime.controllers`: how often the trading loop wakes and which candles it trades.
public struct ControllerConfig: Sendable, Equatable {
    /// The map key (`daily_trend_core`).
    public let name: String
    /// `tick_seconds` (alias `tick`), default 60: the loop period.
    public let tickSeconds: Double
    /// `interval` as written, default `1d`.
    public let intervalText: String

    /// A controller waking every `tickSeconds` and trading `interval` candles.
    public init(name: String, tickSeconds: Double = 60, interval: String = "1d") {
        self.name = name
        self.tickSeconds = tickSeconds
        self.intervalText = interval
    }

    /// The parsed `interval`, nil when it is not a valid interval (``CoreConfig/validate()`` reports it).
    public var interval: Interval? { try? Interval(parsing: intervalText) }
}
