import Foundation

/// The candles of one (seed, venue, symbol, interval): a geometric random walk computed as a pure function
/// of the candle's index, so a candle never depends on which page asked for it.
///
/// The log price is a sum of octaves of hashed value noise: octave k puts a random value every 2^k candles
/// and interpolates linearly between them, with an amplitude growing as sqrt(2^k) (what a random walk's
/// spread does) up to a cap, which keeps prices within a few multiples of the base price over decades.
/// Computing a run of n consecutive candles hashes about 2n values, whatever the run's position.
struct SyntheticSeries: Sendable {
    let venue: Venue
    let interval: Interval
    let key: UInt64
    /// The index of the first candle (the one holding the listing time).
    let firstIndex: Int64
    let priceScale: Int
    let volumeScale: Int
    let missingRate: Double
    private let logBase: Double
    private let sigma: Double
    private let octaves: Int
    private let volumePerMinute: Double
    private let minutes: Double
    /// Where index 0's bucket opens, for fixed-length intervals.
    private let anchor: Int64

    /// The largest log-price swing one octave contributes.
    private static let octaveCap = 0.45
    private static let annualVolatility = 0.8

    init(
        seed: UInt64, venue: Venue, symbol: SyntheticSymbol, interval: Interval, listingStart: Int64,
        missingRate: Double
    ) {
        self.venue = venue
        self.interval = interval
        key = SimulatorHash.combine(
            seed, SimulatorHash.string(venue.rawValue), SimulatorHash.string(symbol.name.uppercased()),
            SimulatorHash.string(interval.description))
        priceScale = symbol.priceDecimals
        self.missingRate = missingRate
        logBase = log(symbol.basePrice)
        let length = Double(interval.approximateMilliseconds)
        minutes = length / 60_000
        sigma = Self.annualVolatility * (length / 31_557_600_000).squareRoot()
        let ratio = Self.octaveCap / sigma
        octaves = max(1, Int(log2(ratio * ratio).rounded(.up)) + 3)
        // About $250k traded a minute; Kraken futures count contracts of $1.
        let notional = 250_000.0
        volumePerMinute = venue == .krakenFutures ? notional : notional / symbol.basePrice
        // Fewer volume decimals where the largest plausible volume would not fit Int64 units (cheap coins
        // on monthly candles); the venues pad the text back to their usual width.
        var volumeScale =
            switch venue {
            case .binanceFutures: 3
            case .krakenFutures: 0
            default: 8
            }
        while volumeScale > 0, volumePerMinute * minutes * 50 * Self.powerOfTen(volumeScale) > 1e18 { volumeScale -= 1 }
        self.volumeScale = volumeScale
        let anchor = interval.fixedMilliseconds == nil ? 0 : interval.start(ofBucketContaining: 0)
        self.anchor = anchor
        firstIndex = Self.index(of: listingStart, interval: interval, anchor: anchor)
    }

    // MARK: - Indices and times

    /// The times requests are clamped to (about 35 000 years either side of 1970), so calendar arithmetic
    /// on a hostile `endTime=9223372036854775807` cannot overflow.
    static let timeRange: ClosedRange<Int64> = -(1 << 50)...(1 << 50)

    static func clamped(_ time: Int64) -> Int64 { min(max(time, timeRange.lowerBound), timeRange.upperBound) }

    /// The index of the candle whose bucket holds `time`.
    func index(of time: Int64) -> Int64 {
        Self.index(of: time, interval: interval, anchor: anchor)
    }

    private static func index(of time: Int64, interval: Interval, anchor: Int64) -> Int64 {
        let start = interval.start(ofBucketContaining: time)
        if let length = interval.fixedMilliseconds { return Interval.floorDivide(start - anchor, length) }
        return Interval.floorDivide(Interval.monthIndex(of: start), Int64(interval.count))
    }

    /// The open time of candle `index`.
    func openTime(ofIndex index: Int64) -> Int64 {
        if let length = interval.fixedMilliseconds { return anchor + index * length }
        return Interval.time(ofMonthIndex: index * Int64(interval.count))
    }

    /// The index of the first candle opening at or after `time`.
    func firstIndex(openingAtOrAfter time: Int64) -> Int64 {
        let index = index(of: time)
        return openTime(ofIndex: index) < time ? index + 1 : index
    }

    /// Whether candle `index` exists: listed by then and not one of the seeded holes.
    func isPresent(_ index: Int64) -> Bool {
        guard index >= firstIndex else { return false }
        guard missingRate > 0 else { return true }
        return SimulatorHash.unit(SimulatorHash.combine(key, 0x6D69_7373, SimulatorHash.bits(index))) >= missingRate
    }

    /// Up to `limit` present indices in `lower...upper`, oldest first; `newest` takes them from the top.
    func presentIndices(_ lower: Int64, _ upper: Int64, limit: Int, newest: Bool) -> [Int64] {
        let lower = max(lower, firstIndex)
        guard lower <= upper, limit > 0 else { return [] }
        var found: [Int64] = []
        found.reserveCapacity(min(limit, Int(min(upper - lower + 1, 100_000))))
        if newest {
            var index = upper
            while index >= lower && found.count < limit {
                if isPresent(index) { found.append(index) }
                index -= 1
            }
            found.reverse()
        } else {
            var index = lower
            while index <= upper && found.count < limit {
                if isPresent(index) { found.append(index) }
                index += 1
            }
        }
        return found
    }

    /// Whether any candle exists in `lower...upper`.
    func hasPresent(_ lower: Int64, _ upper: Int64) -> Bool {
        !presentIndices(lower, upper, limit: 1, newest: false).isEmpty
    }

    // MARK: - Values

    /// The candles at `indices` (ascending) as they stand at `now`: the candle holding `now` is partial.
    func rows(_ indices: [Int64], asOf now: Int64?) -> [SyntheticRow] {
        guard let first = indices.first, let last = indices.last else { return [] }
        let count = Int(last - first) + 2
        let levels = logLevels(from: first, count: count)
        let scale = Self.powerOfTen(priceScale)
        var rows: [SyntheticRow] = []
        rows.reserveCapacity(indices.count)
        for index in indices {
            let offset = Int(index - first)
            var row = row(
                index: index, open: ticks(levels[offset], scale), close: ticks(levels[offset + 1], scale))
            if let now, now < row.closeTime { row = partial(row, at: now) }
            rows.append(row)
        }
        return rows
    }

    private func ticks(_ logPrice: Double, _ scale: Double) -> Int64 {
        max(1, Int64((exp(logPrice) * scale).rounded()))
    }

    private func row(index: Int64, open: Int64, close: Int64) -> SyntheticRow {
        let draw = { (salt: UInt64) in
            SimulatorHash.unit(SimulatorHash.combine(self.key, salt, SimulatorHash.bits(index)))
        }
        let top = Double(max(open, close))
        let bottom = Double(min(open, close))
        let high = max(max(open, close), Int64((top * exp(sigma * 0.7 * draw(1))).rounded(.up)))
        let low = max(1, min(min(open, close), Int64((bottom * exp(-sigma * 0.7 * draw(2))).rounded(.down))))
        let vwap = min(high, max(low, (open + high + low + close + 2) / 4))
        // A rough normal from three uniforms, for log-normal volumes and trade counts.
        let normal = (draw(3) + draw(4) + draw(5) - 1.5) * 2
        let volumeUnits = volumePerMinute * minutes * exp(0.5 * normal) * Self.powerOfTen(volumeScale)
        let volume = max(1, Int64(volumeUnits.rounded()))
        let takerBuy = Int64((Double(volume) * (0.35 + 0.3 * draw(6))).rounded())
        let trades = max(1, Int64((minutes * 40 * exp(0.4 * normal)).rounded()))
        return SyntheticRow(
            openTime: openTime(ofIndex: index), closeTime: openTime(ofIndex: index + 1) - 1, open: open, high: high,
            low: low, close: close, vwap: vwap, volume: volume, takerBuyVolume: takerBuy, trades: trades,
            isClosed: true)
    }

    /// The candle holding `now` as a venue shows it mid-way: close at the price so far, high and low and
    /// volume covering the elapsed part.
    private func partial(_ row: SyntheticRow, at now: Int64) -> SyntheticRow {
        let elapsed = Double(max(0, now - row.openTime) + 1)
        let fraction = min(1, elapsed / Double(row.closeTime - row.openTime + 1))
        func part(_ value: Int64) -> Int64 { row.open + Int64((Double(value - row.open) * fraction).rounded()) }
        var result = row
        result.close = part(row.close)
        result.high = max(row.open, result.close, part(row.high))
        result.low = max(1, min(row.open, result.close, part(row.low)))
        result.vwap = min(result.high, max(result.low, row.vwap))
        result.volume = max(1, Int64((Double(row.volume) * fraction).rounded()))
        result.takerBuyVolume = min(result.volume, Int64((Double(row.takerBuyVolume) * fraction).rounded()))
        result.trades = max(1, Int64((Double(row.trades) * fraction).rounded()))
        result.isClosed = false
        return result
    }

    /// Log prices of candles `start ..< start + count` (the level at a candle's open).
    func logLevels(from start: Int64, count: Int) -> [Double] {
        var levels = [Double](repeating: logBase, count: count)
        for octave in 0..<octaves {
            let spacing = Int64(1) << octave
            let amplitude = min(Self.octaveCap, sigma * Double(spacing).squareRoot())
            let salt = 0x1000 + UInt64(octave)
            var cell = Int64.min
            var left = 0.0
            var right = 0.0
            for offset in 0..<count {
                let index = start + Int64(offset)
                // An arithmetic shift is a floor division for negative indices too.
                let grid = index >> Int64(octave)
                if grid != cell {
                    left = grid == cell &+ 1 ? right : noise(salt, grid)
                    right = noise(salt, grid + 1)
                    cell = grid
                }
                let position = Double(index - grid * spacing) / Double(spacing)
                levels[offset] += amplitude * (left + (right - left) * position)
            }
        }
        return levels
    }

    private func noise(_ salt: UInt64, _ grid: Int64) -> Double {
        SimulatorHash.unit(SimulatorHash.combine(key, salt, SimulatorHash.bits(grid))) * 2 - 1
    }

    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<max(0, exponent) { value *= 10 }
        return value
    }

    /// The row as a ``Candle``: each value is exactly what parsing the simulator's decimal text gives.
    func candle(_ row: SyntheticRow) -> Candle {
        let price = Self.powerOfTen(priceScale)
        let units = Self.powerOfTen(volumeScale)
        return Candle(
            openTime: row.openTime, open: Double(row.open) / price, high: Double(row.high) / price,
            low: Double(row.low) / price, close: Double(row.close) / price, volume: Double(row.volume) / units)
    }
}
