/// What a backfill did for one series (seed 004's per-series line, with the reasons where it fell short).
public struct SeriesBackfillSummary: Sendable, Hashable {
    /// The series.
    public let series: SeriesKey
    /// The window asked for, on the grid: `requestedStart..<requestedEnd` (epoch ms).
    public var requestedStart: Int64
    /// The end of the window (exclusive): the open time of the candle still forming, or the caller's end.
    public var requestedEnd: Int64
    /// The oldest open time the venue still serves when it keeps only recent history (Kraken spot: 720
    /// candles), else nil. Candles before it are not requested and counted in ``unavailable``.
    public var availableFrom: Int64?
    /// Missing candles older than ``availableFrom``: the venue no longer has them.
    public var unavailable = 0
    /// Candles already in the store inside the window (not requested).
    public var skipped = 0
    /// Closed candles received inside the missing ranges.
    public var fetched = 0
    /// Candles written (new or changed) in the store.
    public var written = 0
    /// Candles of the window still missing afterwards (the venue has none there, or an error stopped the
    /// series early).
    public var gapsLeft = 0
    /// HTTP requests made (each page once; retries happen inside the HTTP client).
    public var requests = 0
    /// Ledger segments delivered (one per month gathered and written).
    public var segments = 0
    /// Segments whose content key was already recorded (the same candles delivered before).
    public var duplicateSegments = 0
    /// Errors met, as operator messages; non-empty means the series failed.
    public var errors: [String] = []

    /// A summary before any work.
    public init(series: SeriesKey, requestedStart: Int64, requestedEnd: Int64) {
        self.series = series
        self.requestedStart = requestedStart
        self.requestedEnd = requestedEnd
    }

    /// True when the series finished without errors (gaps may be left where the venue has no candles).
    public var succeeded: Bool { errors.isEmpty }
}
