import BotExchanges

/// One series to fill: a venue-native symbol and interval, and the window of open times to cover.
public struct BackfillRequest: Sendable, Hashable {
    /// The series in the store (`exchange` is the venue's id, `binance_spot`).
    public let series: SeriesKey
    /// The oldest open time wanted (epoch ms, UTC); rounded up to the interval's grid.
    public let start: Int64
    /// The end of the window (exclusive, epoch ms); nil means now. Only closed candles are fetched, so the
    /// candle holding "now" is never part of the window.
    public let end: Int64?

    /// A request for `series` from `start` to `end` (nil: now).
    public init(series: SeriesKey, start: Int64, end: Int64? = nil) {
        self.series = series
        self.start = start
        self.end = end
    }
}
