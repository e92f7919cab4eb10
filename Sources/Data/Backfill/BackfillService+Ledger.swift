import BotCrypto
import BotExchanges

extension BackfillService {
    /// The ledger's content key of a delivered segment: SHA-256 (hex) of the series id and the candles as
    /// `open_time,open,high,low,close,volume` lines, so the same candles delivered again have the same key
    /// (seed 003's exactly-once check) whatever month file they landed in.
    static func contentKey(_ candles: [Candle], series: SeriesKey) -> String {
        var hash = SHA256()
        var text = "\(series.exchange)/\(series.symbol)/\(series.interval)\n"
        text.reserveCapacity(64 * candles.count)
        for candle in candles {
            text += "\(candle.openTime),\(candle.open),\(candle.high),\(candle.low),\(candle.close),\(candle.volume)\n"
        }
        var utf8 = text
        utf8.withUTF8 { hash.update(UnsafeRawBufferPointer($0)) }
        return Hex.encode(hash.finalize())
    }
}
