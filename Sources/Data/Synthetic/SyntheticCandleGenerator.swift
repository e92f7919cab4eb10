import BotCrypto
import BotExchanges

/// Deterministic, plausible candles for the paper cache and for tests (reference `seed_paper_cache`, §9).
///
/// For `1d` the output is the reference's bit for bit (same seeding, same five draws per candle, the same
/// Python `round(x, 6)` on stored prices), so the Python original's golden values hold. Other intervals
/// scale the daily drift by the interval's share of a day and the shocks and wicks by its square root,
/// so a week of hourly candles moves about as much as a week of daily ones.
///
/// Determinism: the random source is an integer LCG seeded from SHA-256 of `"<SYMBOL>:<seed>"`, and the
/// only floating-point operations are `+ − × ÷`, `abs`, `max`, `min` and `sqrt`, which IEEE 754 defines
/// exactly (correctly rounded), so every platform produces identical bytes. No libm transcendental
/// (`exp`, `sin`), whose last bit may differ between C libraries, is used. Unlike the reference, the seed
/// is never random: without one ``defaultSeed`` applies, so two runs always agree.
public struct SyntheticCandleGenerator: Sendable {
    /// The seed used when the operator gives none.
    public static let defaultSeed: Int64 = 42

    /// The seed mixed with each symbol.
    public let seed: Int64

    /// A generator for `seed`.
    public init(seed: Int64 = SyntheticCandleGenerator.defaultSeed) {
        self.seed = seed
    }

    /// `count` consecutive candles of `interval`, the first opening in the bucket that holds `start`
    /// (for `1d`: 00:00 UTC of that day, as the reference discards the time of day).
    ///
    /// - Parameter baseAsset: the instrument's base asset (`BTC`); picks the reference's base price and volume.
    public func candles(
        symbol: String, baseAsset: String, interval: Interval, start: Int64, count: Int
    ) -> [Candle] {
        var random = ReferenceRandom(seedText: "\(symbol):\(seed)")
        let scale = Self.dayShare(of: interval)
        let volatilityScale = scale.squareRoot()
        let anchor = Self.volumeAnchor(symbol: symbol, baseAsset: baseAsset)
        var open = Self.basePrice(symbol: symbol, baseAsset: baseAsset)
        var openTime = interval.start(ofBucketContaining: start)
        var candles: [Candle] = []
        candles.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) {
            let (r1, r2, r3, r4, r5) = (random.next(), random.next(), random.next(), random.next(), random.next())
            let drift = (0.0025 + (r1 - 0.5) * 0.004) * scale
            let shock = (r2 - 0.5) * 0.015 * volatilityScale
            let close = max(0.0001, open * (1 + drift + shock))
            let high = max(open, close) * (1 + abs((r3 - 0.5) * 0.01 * volatilityScale))
            let low = min(open, close) * (1 - abs((r4 - 0.5) * 0.01 * volatilityScale))
            let volume = anchor * (0.75 + r5 * 0.5) * scale
            candles.append(
                Candle(
                    openTime: openTime, open: Self.round6(open), high: Self.round6(high), low: Self.round6(low),
                    close: Self.round6(close), volume: Self.round6(volume)))
            // The unrounded close carries on, as in the reference.
            open = close
            openTime = interval.next(after: openTime)
        }
        return candles
    }

    /// The candles of `interval` whose open times fall in `start...end` (both inclusive, as the reference
    /// counts days), starting from the bucket that holds `start`.
    public func candles(
        symbol: String, baseAsset: String, interval: Interval, start: Int64, through end: Int64
    ) -> [Candle] {
        let first = interval.start(ofBucketContaining: start)
        guard end >= first else { return [] }
        var count = 0
        var time = first
        while time <= end {
            count += 1
            time = interval.next(after: time)
        }
        return candles(symbol: symbol, baseAsset: baseAsset, interval: interval, start: first, count: count)
    }

    /// The candles of `scenario`, one after another from the bucket that holds `start`.
    ///
    /// Each candle draws from the same seeded source as ``candles(symbol:baseAsset:interval:start:count:)``,
    /// so a scenario is as reproducible as the plain series.
    public func candles(
        for scenario: TrendScenario, symbol: String, interval: Interval, start: Int64
    ) -> [Candle] {
        var random = ReferenceRandom(seedText: "\(symbol):\(seed)")
        var open = scenario.startPrice
        var openTime = interval.start(ofBucketContaining: start)
        var candles: [Candle] = []
        candles.reserveCapacity(scenario.candleCount)
        for segment in scenario.segments {
            for _ in 0..<segment.count {
                let (r1, r2, r3, r4) = (random.next(), random.next(), random.next(), random.next())
                let shock = (r1 - 0.5) * 2 * segment.volatility
                let close = max(0.0001, open * (1 + segment.drift + shock))
                let high = max(open, close) * (1 + r2 * segment.volatility)
                let low = min(open, close) * (1 - r3 * segment.volatility)
                let volume = scenario.volume * (0.75 + r4 * 0.5)
                candles.append(
                    Candle(
                        openTime: openTime, open: Self.round6(open), high: Self.round6(high),
                        low: Self.round6(low), close: Self.round6(close), volume: Self.round6(volume)))
                open = close
                openTime = interval.next(after: openTime)
            }
        }
        return candles
    }

    /// The reference's starting price: a fixed table for the main assets, else a price in 10.00–109.99
    /// derived from SHA-256 of `"<SYMBOL>:<ASSET>"`.
    public static func basePrice(symbol: String, baseAsset: String) -> Double {
        let asset = baseAsset.uppercased()
        if let price = basePrices[asset] { return price }
        let digest = SHA256.hash(Array("\(symbol):\(asset)".utf8))
        return 10 + Double(ReferenceRandom.bigEndianUInt32(digest, at: 0) % 10_000) / 100
    }

    /// The reference's typical daily volume: a fixed table for the main assets, else 1 000–200 999 derived
    /// from SHA-256 of `"vol:<SYMBOL>:<ASSET>"`.
    public static func volumeAnchor(symbol: String, baseAsset: String) -> Double {
        let asset = baseAsset.uppercased()
        if let volume = volumeAnchors[asset] { return volume }
        let digest = SHA256.hash(Array("vol:\(symbol):\(asset)".utf8))
        return Double(1000 + ReferenceRandom.bigEndianUInt32(digest, at: 4) % 200_000)
    }

    private static let basePrices: [String: Double] = [
        "BTC": 45_000, "ETH": 2500, "SOL": 95, "BNB": 320, "XRP": 0.6, "ADA": 0.45, "LTC": 78, "MATIC": 0.85,
    ]

    private static let volumeAnchors: [String: Double] = [
        "BTC": 1500, "ETH": 3000, "SOL": 45_000, "BNB": 25_000, "XRP": 8_000_000, "ADA": 9_500_000,
        "LTC": 120_000, "MATIC": 6_000_000,
    ]

    /// The interval's length as a fraction of a day (exactly 1 for `1d`, so daily output is the reference's).
    private static func dayShare(of interval: Interval) -> Double {
        Double(interval.approximateMilliseconds) / 86_400_000
    }

    private static func round6(_ value: Double) -> Double {
        PythonFloat.round(value, places: 6)
    }
}
