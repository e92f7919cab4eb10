extension Candle {
    /// Whether the candle had closed at `now`: the bucket after it had opened (month intervals by the
    /// calendar). A candle is closed exactly at its successor's open time.
    public func isClosed(interval: Interval, asOf now: Int64) -> Bool {
        interval.next(after: openTime) <= now
    }
}
