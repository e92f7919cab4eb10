import BotExchanges
import BotStrategies
import TestSupport
import Testing

/// The strategy against a literal port of the reference's algorithm (reference-runtime §4.1: bounded
/// lists, every indicator recomputed on every bar), on seeded random series with many ties, random
/// settings and repeated bars. Signals, confidences and metadata must be bit-identical.
@Suite struct DailyTrendReferenceModelTests {
    /// The reference, line by line: lists trimmed to `max_history`, `sum(xs) / len(xs)`, slices for the
    /// channel, all values computed before deciding.
    struct ReferenceModel {
        let p: DailyTrendMomentumStrategy.Parameters
        var closes: [Double] = []
        var highs: [Double] = []
        var lows: [Double] = []
        var trueRanges: [Double] = []
        var lastClose: Double?
        var inPosition = false
        var peakClose: Double?

        private mutating func push(_ value: Double, _ list: WritableKeyPath<ReferenceModel, [Double]>) {
            self[keyPath: list].append(value)
            if self[keyPath: list].count > p.maxHistory { self[keyPath: list].removeFirst() }
        }

        mutating func ingest(_ bar: Candle) {
            push(bar.close, \.closes)
            push(bar.high, \.highs)
            push(bar.low, \.lows)
            let range =
                lastClose.map { max(bar.high - bar.low, abs(bar.high - $0), abs(bar.low - $0)) } ?? bar.high - bar.low
            push(range, \.trueRanges)
            lastClose = bar.close
            if inPosition { peakClose = max(peakClose ?? bar.close, bar.close) }
        }

        private func mean(_ values: ArraySlice<Double>) -> Double {
            values.reduce(0, +) / Double(values.count)
        }

        typealias Decision = (action: StrategySignal.Action, confidence: Double, metadata: [String: Double])

        mutating func onData(_ bar: Candle) -> Decision? {
            ingest(bar)
            let required = max(p.slowMA, p.breakoutLookback + 1, p.momentumWindow + 1, p.atrWindow)
            guard closes.count >= required, trueRanges.count >= p.atrWindow else { return nil }
            let close = bar.close
            let smaFast = mean(closes.suffix(p.fastMA))
            let smaSlow = mean(closes.suffix(p.slowMA))
            let trend = smaSlow == 0 ? 0 : smaFast / smaSlow - 1
            let base = closes[closes.count - 1 - p.momentumWindow]
            let momentum = base == 0 ? 0 : close / base - 1
            let atr = mean(trueRanges.suffix(p.atrWindow))
            let high = highs[(highs.count - 1 - p.breakoutLookback)..<(highs.count - 1)].max()!
            let low = lows[(lows.count - 1 - p.breakoutLookback)..<(lows.count - 1)].min()!
            let stop = (peakClose ?? close) - atr * p.atrMultiplier
            func metadata(_ position: Double) -> [String: Double] {
                [
                    "sma_fast": smaFast, "sma_slow": smaSlow, "trend_strength": trend, "momentum": momentum,
                    "atr": atr, "breakout_high": high, "breakout_low": low, "stop_price": stop, "position": position,
                ]
            }
            if !inPosition {
                guard close >= high, trend >= p.minTrendStrength, momentum >= p.minMomentum else { return nil }
                inPosition = true
                peakClose = close
                let raw = 0.35 + 2 * max(0, trend - p.minTrendStrength) + 1.5 * max(0, momentum - p.minMomentum)
                return (.enterLong, min(1, max(0.1, raw)), metadata(1))
            }
            guard trend < 0 || close <= stop || close <= low else { return nil }
            inPosition = false
            peakClose = nil
            let raw = 0.35 + 3 * max(0, stop - close) / max(close, 1e-8) + 2 * max(0, -trend)
            return (.exit, min(1, max(0.1, raw)), metadata(0))
        }
    }

    static func randomParameters(_ random: inout SeededGenerator) -> DailyTrendMomentumStrategy.Parameters {
        let fast = Int.random(in: 1...6, using: &random)
        return .init(
            fastMA: fast, slowMA: fast + Int.random(in: 1...15, using: &random),
            breakoutLookback: Int.random(in: 1...12, using: &random),
            momentumWindow: Int.random(in: 1...10, using: &random), atrWindow: Int.random(in: 1...10, using: &random),
            atrMultiplier: [0.5, 1, 1.5, 2, 3].randomElement(using: &random)!,
            minTrendStrength: [0, 0.001, 0.005, -0.01].randomElement(using: &random)!,
            minMomentum: [0, 0.001, -0.02].randomElement(using: &random)!)
    }

    /// A random walk on a 0.25 grid whose drift changes now and then, so channels, stops and ties occur.
    static func randomBars(count: Int, _ random: inout SeededGenerator) -> [Candle] {
        var price = 100.0
        var drift = 0.0
        var bars: [Candle] = []
        for index in 0..<count {
            if index % 40 == 0 { drift = Double.random(in: -0.6...0.6, using: &random) }
            price = max(1, price + drift + Double(Int.random(in: -4...4, using: &random)) * 0.25)
            let high = price + Double(Int.random(in: 0...6, using: &random)) * 0.25
            let low = max(0.25, price - Double(Int.random(in: 0...6, using: &random)) * 0.25)
            bars.append(
                Bars.bar(
                    index, close: (price * 4).rounded() / 4, high: (high * 4).rounded() / 4,
                    low: (low * 4).rounded() / 4))
        }
        return bars
    }

    @Test func matchesTheReferenceBitForBit() throws {
        var random = SeededGenerator(seed: 0x5EED_2024)
        var actionable = 0
        for _ in 0..<250 {
            let parameters = Self.randomParameters(&random)
            let bars = Self.randomBars(count: 500, &random)
            var reference = ReferenceModel(p: parameters)
            let strategy = try DailyTrendMomentumStrategy(parameters: parameters)
            var runner = StrategyRunner(strategy: strategy)
            let warmUp = Int.random(in: 0...30, using: &random)
            runner.warmUp(symbol: "R", history: bars.prefix(warmUp))
            bars.prefix(warmUp).forEach { reference.ingest($0) }
            for (index, bar) in bars.enumerated().dropFirst(warmUp) {
                // Now and then a repeated or late bar, which the runner must ignore.
                if index > 0, Int.random(in: 0..<10, using: &random) == 0 {
                    let old = bars[Int.random(in: 0..<index, using: &random)]
                    #expect(!runner.feed(old, symbol: "R").wasIngested)
                }
                let expected = reference.onData(bar)
                let result = runner.feed(bar, symbol: "R")
                let ready = index + 1 >= parameters.warmUpBarCount
                #expect((result == .warmingUp) == !ready, "bar \(index) \(parameters)")
                let signal = result.signal.flatMap { $0.isActionable ? $0 : nil }
                #expect(signal?.action == expected?.action, "bar \(index) \(parameters)")
                guard let signal, let expected else { continue }
                actionable += 1
                #expect(signal.confidence == expected.confidence)
                #expect(signal.metadata == expected.metadata)
                #expect(signal.stopPrice == expected.metadata["stop_price"])
                #expect(signal.atr == expected.metadata["atr"])
            }
        }
        #expect(actionable > 1000)
    }
}
