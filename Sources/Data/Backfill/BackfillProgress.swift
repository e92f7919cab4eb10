/// How far the current series has come, reported after every page.
public struct BackfillProgress: Sendable, Hashable {
    /// The series being filled.
    public let series: SeriesKey
    /// The candles the window lacked when the series started (after clipping to the venue's history).
    public let total: Int
    /// How many of those have been dealt with (fetched, or found missing at the venue).
    public let done: Int
    /// Candles received so far for this series.
    public let fetched: Int
    /// Requests sent so far for this series.
    public let requests: Int
    /// Milliseconds since the series started (from the service's clock).
    public let elapsedMilliseconds: Int64

    /// Candles per second so far, or nil before any time has passed.
    public var candlesPerSecond: Double? {
        elapsedMilliseconds > 0 ? Double(done) * 1000 / Double(elapsedMilliseconds) : nil
    }

    /// Estimated milliseconds left at the rate so far, or nil when unknown.
    public var etaMilliseconds: Int64? {
        guard done > 0, elapsedMilliseconds > 0 else { return nil }
        return Int64(Double(total - done) * Double(elapsedMilliseconds) / Double(done))
    }
}
