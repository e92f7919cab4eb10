import BotData
import BotExchanges

/// Reads the traded symbols' closed candles from the local cache: history to warm the strategy up, then
/// the bars of a window or the bars that closed since the last read.
public struct CandleFeed: Sendable {
    /// The cache.
    public let store: OHLCVStore
    /// Symbol → the cache series it trades on.
    public let series: [String: SeriesKey]
    /// The traded interval.
    public let interval: Interval

    /// A feed of `symbols` in `interval` candles of `exchange` from `store`.
    public init(store: OHLCVStore, exchange: String, symbols: [String], interval: Interval) throws(OHLCVStoreError) {
        self.store = store
        self.interval = interval
        var series: [String: SeriesKey] = [:]
        for symbol in symbols {
            series[symbol] = try SeriesKey(exchange: exchange, symbol: symbol, interval: interval)
        }
        self.series = series
    }

    /// The last `count` bars of each symbol that opened before `time`.
    public func history(before time: Int64, count: Int) async throws(OHLCVStoreError) -> [String: [Candle]] {
        guard count > 0 else { return series.mapValues { _ in [] } }
        let start = interval.advance(interval.start(ofBucketContaining: time), by: -count)
        var history: [String: [Candle]] = [:]
        for (symbol, key) in series {
            history[symbol] = Array(try await store.read(series: key, from: start, to: time).suffix(count))
        }
        return history
    }

    /// The bars of each symbol that opened in `from..<to` and closed by `closedBy`.
    public func bars(from: Int64, to: Int64, closedBy: Int64) async throws(OHLCVStoreError) -> [String: [Candle]] {
        var bars: [String: [Candle]] = [:]
        for (symbol, key) in series {
            let candles = try await store.read(series: key, from: from, to: to)
            bars[symbol] = candles.filter { interval.next(after: $0.openTime) <= closedBy }
        }
        return bars
    }
}
