import BotExchanges

/// A fault to put into a synthetic series, for coverage and gap-monitor tests.
public enum SyntheticDefect: Sendable, Hashable {
    /// Removes the candles opening in `range` (a hole in the middle of the series).
    case hole(Range<Int64>)
    /// Removes every candle opening after `lastOpenTime` (a feed that stopped: the series goes stale).
    case staleAfter(lastOpenTime: Int64)
    /// Removes the candles at these positions of the original series.
    case missingCandles(Range<Int>)

    /// `candles` with every defect applied; positions refer to the original series.
    public static func apply(_ defects: [SyntheticDefect], to candles: [Candle]) -> [Candle] {
        var keep = [Bool](repeating: true, count: candles.count)
        for defect in defects {
            for (index, candle) in candles.enumerated() {
                switch defect {
                case .hole(let range): if range.contains(candle.openTime) { keep[index] = false }
                case .staleAfter(let last): if candle.openTime > last { keep[index] = false }
                case .missingCandles(let positions): if positions.contains(index) { keep[index] = false }
                }
            }
        }
        return zip(candles, keep).compactMap { $1 ? $0 : nil }
    }
}
