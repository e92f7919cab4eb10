/// A venue's public candle history: what the backfill pages through.
///
/// An adapter answers one page per call and never decides whether a candle is closed: the page holds
/// every candle the venue returned in the window (the last one may still be forming), and the caller
/// keeps only ``CandlePage/closedCandles(asOf:)`` because only closed candles are stored (DESIGN.md §4.2).
///
/// Symbols are venue-native (`BTCUSDT`, `XBTUSDT`, `PI_XBTUSD`, `BTC-PLN`), as the instrument universe
/// in the configuration gives them per venue; ``InstrumentSymbol`` maps canonical pairs for display and
/// validation.
public protocol CandleSource: Sendable {
    /// The venue this source reads.
    var venue: Venue { get }
    /// The most candles one request may ask for; a larger `limit` is lowered to this.
    var pageLimit: Int { get }
    /// How many of the most recent candles the venue serves at all, or nil when history goes back to the
    /// listing (Kraken spot serves only its 720 most recent candles of each interval).
    var historyLimit: Int? { get }
    /// The intervals the venue serves, shortest first.
    var supportedIntervals: [Interval] { get }

    /// The candles of `symbol` whose open time is at or after `start` and, when `end` is given, at or
    /// before `end` (both milliseconds since the epoch, UTC), at most `limit` (nil: ``pageLimit``) of them,
    /// ascending by open time and unique.
    ///
    /// - Throws: ``MarketDataError``: an unsupported interval, an unknown symbol, a venue error payload,
    ///   a malformed answer, a rate limit that outlasted the retries, an IP ban, or a network failure.
    func candles(symbol: String, interval: Interval, from start: Int64, to end: Int64?, limit: Int?)
        async throws(MarketDataError) -> CandlePage
}

extension CandleSource {
    /// The venue's published page size.
    public var pageLimit: Int { venue.candlePageLimit }
    /// The venue's history depth (720 candles on Kraken spot, unlimited elsewhere).
    public var historyLimit: Int? { venue.candleHistoryLimit }
    /// The intervals the venue serves.
    public var supportedIntervals: [Interval] { venue.supportedCandleIntervals }

    /// The open time of the oldest candle the venue can still serve at `now`, or nil when its history
    /// is not limited: for Kraken spot `1h` that is 719 hours before the bucket holding `now`.
    ///
    /// The backfill reports this instead of pretending older candles were fetched.
    public func earliestAvailableOpenTime(interval: Interval, now: Int64) -> Int64? {
        guard let historyLimit else { return nil }
        return interval.advance(interval.start(ofBucketContaining: now), by: -(historyLimit - 1))
    }
}
