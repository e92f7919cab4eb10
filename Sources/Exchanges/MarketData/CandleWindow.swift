import BotCodecs
import Foundation

/// A validated candle request: open times from `start` through `end` (inclusive), at most `limit`
/// candles; and the clean-up every adapter applies to what the venue answered.
struct CandleWindow: Sendable {
    let start: Int64
    let end: Int64?
    let limit: Int

    init(venue: Venue, start: Int64, end: Int64?, limit: Int?, pageLimit: Int) throws(MarketDataError) {
        if let end, end < start {
            throw .invalidRequest(venue: venue, reason: "the window ends (\(end)) before it starts (\(start))")
        }
        if let limit, limit < 1 {
            throw .invalidRequest(venue: venue, reason: "limit \(limit) is below 1")
        }
        guard start >= 0 else {
            throw .invalidRequest(venue: venue, reason: "start \(start) is before 1970")
        }
        self.start = start
        self.end = end
        self.limit = min(limit ?? pageLimit, pageLimit)
    }

    /// The last millisecond of a page of `limit` buckets of `interval` from `start`, capped at `end`: for
    /// venues that want both ends of a time window. From any `start`, `[start, pageEnd]` holds exactly
    /// `limit` open times.
    func pageEnd(interval: Interval) -> Int64 {
        let last: Int64
        if let length = interval.fixedMilliseconds {
            last = start + Int64(limit) * length - 1
        } else {
            let first = interval.isAligned(start) ? start : interval.next(after: start)
            last = interval.advance(first, by: limit) - 1
        }
        return min(end ?? last, last)
    }

    /// `candles` sorted by open time, one per open time (the later one wins), inside the window, the
    /// oldest `limit` of them.
    ///
    /// - Throws: ``MarketDataError/malformedPayload(venue:symbol:path:problem:bodyExcerpt:)`` when a candle
    ///   does not open on a bucket boundary of `interval`: storing it would file it under the wrong bucket
    ///   (a venue whose weeks start on Thursday, a time in the wrong unit).
    func clean(
        _ candles: [Candle], interval: Interval, symbol: String, path: String, body: Data,
        connection: MarketDataConnection
    ) throws(MarketDataError) -> [Candle] {
        if let stray = candles.first(where: { !interval.isAligned($0.openTime) }) {
            let alignment =
                switch interval.unit {
                case .week: "weeks open on Monday 00:00 UTC"
                case .month: "months open on the first at 00:00 UTC"
                default: "buckets open at multiples of \(interval) since the epoch"
                }
            throw connection.malformed(
                "candle open time \(stray.openTime) (\(UTCDateTime(milliseconds: stray.openTime).iso8601)) is not on a \(interval) boundary "
                    + "(\(alignment))", symbol: symbol, path: path, body: body)
        }
        var sorted = candles
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ $0.openTime < $1.openTime }) {
            // Stable sort keeps the venue's order among duplicates, so the later duplicate wins below.
            sorted = sorted.enumerated().sorted { ($0.element.openTime, $0.offset) < ($1.element.openTime, $1.offset) }
                .map(\.element)
            var unique: [Candle] = []
            unique.reserveCapacity(sorted.count)
            for candle in sorted {
                if unique.last?.openTime == candle.openTime {
                    unique[unique.count - 1] = candle
                } else {
                    unique.append(candle)
                }
            }
            sorted = unique
        }
        let end = self.end ?? .max
        let inside = sorted.lazy.filter { $0.openTime >= start && $0.openTime <= end }
        return Array(inside.prefix(limit))
    }
}
