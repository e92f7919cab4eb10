/// One answer of a ``CandleSource``: candles ascending by open time, unique, all inside the requested
/// window. The newest may still be forming; ``closedCandles(asOf:)`` drops it.
public struct CandlePage: Sendable, Hashable {
    /// The venue that answered.
    public var venue: Venue
    /// The venue-native symbol asked for.
    public var symbol: String
    /// The interval asked for.
    public var interval: Interval
    /// The candles, ascending by open time.
    public var candles: [Candle]
    /// Whether the venue said more candles exist in the window than it returned (Kraken futures'
    /// `more_candles`); nil when the venue does not say.
    public var venueReportsMore: Bool?

    public init(venue: Venue, symbol: String, interval: Interval, candles: [Candle], venueReportsMore: Bool? = nil) {
        self.venue = venue
        self.symbol = symbol
        self.interval = interval
        self.candles = candles
        self.venueReportsMore = venueReportsMore
    }

    /// The candles that had closed at `now` (milliseconds since the epoch, UTC): those whose next
    /// bucket had opened by then.
    public func closedCandles(asOf now: Int64) -> [Candle] {
        // Ascending order: the open candles are a suffix.
        var end = candles.count
        while end > 0, !candles[end - 1].isClosed(interval: interval, asOf: now) { end -= 1 }
        return Array(candles[..<end])
    }
}
