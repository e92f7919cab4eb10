import BotExchanges

/// Candles as six parallel arrays, the shape Parquet stores them in: merging and encoding work on whole
/// columns without a `Candle` value per row.
struct CandleColumns: Sendable, Equatable {
    var openTimes: [Int64] = []
    var open: [Double] = []
    var high: [Double] = []
    var low: [Double] = []
    var close: [Double] = []
    var volume: [Double] = []

    init() {}

    init(capacity: Int) {
        reserveCapacity(capacity)
    }

    init(_ candles: some Collection<Candle>) {
        reserveCapacity(candles.count)
        for candle in candles { append(candle) }
    }

    var count: Int { openTimes.count }
    var isEmpty: Bool { openTimes.isEmpty }

    mutating func reserveCapacity(_ capacity: Int) {
        openTimes.reserveCapacity(capacity)
        open.reserveCapacity(capacity)
        high.reserveCapacity(capacity)
        low.reserveCapacity(capacity)
        close.reserveCapacity(capacity)
        volume.reserveCapacity(capacity)
    }

    mutating func append(_ candle: Candle) {
        openTimes.append(candle.openTime)
        open.append(candle.open)
        high.append(candle.high)
        low.append(candle.low)
        close.append(candle.close)
        volume.append(candle.volume)
    }

    /// Appends row `index` of `other`.
    mutating func append(row index: Int, of other: CandleColumns) {
        openTimes.append(other.openTimes[index])
        open.append(other.open[index])
        high.append(other.high[index])
        low.append(other.low[index])
        close.append(other.close[index])
        volume.append(other.volume[index])
    }

    /// Appends rows `range` of `other`.
    mutating func append(rows range: Range<Int>, of other: CandleColumns) {
        openTimes.append(contentsOf: other.openTimes[range])
        open.append(contentsOf: other.open[range])
        high.append(contentsOf: other.high[range])
        low.append(contentsOf: other.low[range])
        close.append(contentsOf: other.close[range])
        volume.append(contentsOf: other.volume[range])
    }

    func candle(at index: Int) -> Candle {
        Candle(
            openTime: openTimes[index], open: open[index], high: high[index], low: low[index], close: close[index],
            volume: volume[index])
    }

    /// Whether row `index` holds the same values as row `otherIndex` of `other` (bitwise, so NaN equals NaN).
    func rowEquals(_ index: Int, _ other: CandleColumns, _ otherIndex: Int) -> Bool {
        open[index].bitPattern == other.open[otherIndex].bitPattern
            && high[index].bitPattern == other.high[otherIndex].bitPattern
            && low[index].bitPattern == other.low[otherIndex].bitPattern
            && close[index].bitPattern == other.close[otherIndex].bitPattern
            && volume[index].bitPattern == other.volume[otherIndex].bitPattern
    }

    /// The rows whose open time is in `range` (the columns are sorted), as a row index range.
    func rows(in range: Range<Int64>) -> Range<Int> {
        lowerBound(range.lowerBound)..<lowerBound(range.upperBound)
    }

    /// The first row whose open time is `>= time`.
    func lowerBound(_ time: Int64) -> Int {
        var low = 0
        var high = openTimes.count
        while low < high {
            let middle = (low + high) / 2
            if openTimes[middle] < time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Merges `newer` into `existing`, both sorted and unique by open time; on equal open times the newer
    /// row wins (the exchange's latest value). Counts rows added, rows replaced with different values, and
    /// rows given again unchanged.
    static func merge(
        existing: CandleColumns, newer: CandleColumns
    ) -> (merged: CandleColumns, inserted: Int, replaced: Int, unchanged: Int) {
        var merged = CandleColumns(capacity: existing.count + newer.count)
        var (inserted, replaced, unchanged) = (0, 0, 0)
        var (left, right) = (0, 0)
        while left < existing.count && right < newer.count {
            let (leftTime, rightTime) = (existing.openTimes[left], newer.openTimes[right])
            if leftTime < rightTime {
                // Copy the run of existing rows before the next new row in one go.
                let end = existing.lowerBound(rightTime)
                merged.append(rows: left..<end, of: existing)
                left = end
            } else if rightTime < leftTime {
                merged.append(row: right, of: newer)
                inserted += 1
                right += 1
            } else {
                if existing.rowEquals(left, newer, right) { unchanged += 1 } else { replaced += 1 }
                merged.append(row: right, of: newer)
                left += 1
                right += 1
            }
        }
        if left < existing.count { merged.append(rows: left..<existing.count, of: existing) }
        if right < newer.count {
            merged.append(rows: right..<newer.count, of: newer)
            inserted += newer.count - right
        }
        return (merged, inserted, replaced, unchanged)
    }
}
