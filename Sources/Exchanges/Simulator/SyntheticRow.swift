/// One synthetic candle in integer units: prices in ticks of 10^-priceScale, volumes in units of
/// 10^-volumeScale. Integers make the JSON text exact and let `Double(ticks) / 10^scale` equal what a
/// client parses from that text.
struct SyntheticRow: Sendable, Equatable {
    var openTime: Int64
    /// The last millisecond of the candle (the next open time minus one).
    var closeTime: Int64
    var open: Int64
    var high: Int64
    var low: Int64
    var close: Int64
    /// Volume-weighted average price, between low and high.
    var vwap: Int64
    var volume: Int64
    /// The part of ``volume`` bought by takers.
    var takerBuyVolume: Int64
    var trades: Int64
    /// False for the candle still open at the simulator's "now".
    var isClosed: Bool
}
