import BotExchanges

/// What the store knows about one series at a check: its newest candle and how many it holds.
public struct GapObservation: Sendable, Hashable {
    /// The newest stored candle, as far as the store can tell.
    public enum Latest: Sendable, Hashable {
        /// The open time (epoch ms, UTC) of the newest closed candle.
        case openTime(Int64)
        /// The series has no candle (or no record of one).
        case missing
        /// The store's record is unreadable; `raw` is what it holds, for the operator.
        case invalid(raw: String)
    }

    public let symbol: String
    public let interval: Interval
    public let latest: Latest
    /// The candles stored, if known.
    public let rowCount: Int64?

    public init(symbol: String, interval: Interval, latest: Latest, rowCount: Int64?) {
        self.symbol = symbol
        self.interval = interval
        self.latest = latest
        self.rowCount = rowCount
    }
}
