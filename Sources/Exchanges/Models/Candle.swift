/// One OHLCV candle. `openTime` is the candle's open time in milliseconds since the epoch, UTC
/// (DESIGN.md §4.1); prices are in the quote currency, volume in the base currency.
public struct Candle: Sendable, Hashable, Codable {
    public var openTime: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    public init(openTime: Int64, open: Double, high: Double, low: Double, close: Double, volume: Double) {
        self.openTime = openTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }
}
