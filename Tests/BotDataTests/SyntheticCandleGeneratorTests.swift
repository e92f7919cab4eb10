import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

@Suite struct SyntheticCandleGeneratorTests {
    private static let january1: Int64 = 1_704_067_200_000  // 2024-01-01T00:00:00Z
    private static let day: Int64 = 86_400_000

    private func row(_ candle: Candle) -> [Double] {
        [Double(candle.openTime), candle.open, candle.high, candle.low, candle.close, candle.volume]
    }

    @Test func matchesTheReferenceGoldenRowsForAAAUSDT() {
        let candles = SyntheticCandleGenerator(seed: 42).candles(
            symbol: "AAAUSDT", baseAsset: "AAA", interval: .oneDay, start: Self.january1, count: 5)
        let expected: [[Double]] = [
            [1_704_067_200_000, 71.63, 71.790133, 71.187854, 71.400822, 128065.391388],
            [1_704_153_600_000, 71.400822, 71.639345, 71.082135, 71.590503, 85229.828911],
            [1_704_240_000_000, 71.590503, 72.064261, 71.271507, 71.788905, 97838.625397],
            [1_704_326_400_000, 71.788905, 72.225921, 71.451074, 72.017867, 91042.271872],
            [1_704_412_800_000, 72.017867, 72.074016, 71.973876, 72.040907, 85477.678088],
        ]
        #expect(candles.map(row) == expected)
        #expect(SyntheticCandleGenerator.basePrice(symbol: "AAAUSDT", baseAsset: "AAA") == 71.63)
        #expect(SyntheticCandleGenerator.volumeAnchor(symbol: "AAAUSDT", baseAsset: "AAA") == 108_396.0)
    }

    @Test func matchesTheReferenceGoldenRowsForOtherSymbols() {
        let generator = SyntheticCandleGenerator(seed: 42)
        let bbb = generator.candles(
            symbol: "BBBUSDT", baseAsset: "BBB", interval: .oneDay, start: Self.january1, count: 5)
        #expect(row(bbb[0]) == [1_704_067_200_000, 89.24, 90.023734, 89.192528, 89.723272, 178863.473048])
        #expect(row(bbb[4]) == [1_704_412_800_000, 90.768973, 90.907941, 89.957512, 90.298488, 206538.789006])
        #expect(SyntheticCandleGenerator.volumeAnchor(symbol: "BBBUSDT", baseAsset: "BBB") == 168_982.0)
        let btc = generator.candles(
            symbol: "BTCUSDT", baseAsset: "BTC", interval: .oneDay, start: Self.january1, count: 1)
        #expect(row(btc[0]) == [1_704_067_200_000, 45000.0, 45185.451578, 44981.189673, 45182.555485, 1214.562178])
        let eth = generator.candles(
            symbol: "ETHUSDT", baseAsset: "eth", interval: .oneDay, start: Self.january1, count: 1)
        #expect(row(eth[0]) == [1_704_067_200_000, 2500.0, 2510.320324, 2488.205495, 2506.102914, 2997.346315])
        let pol = generator.candles(
            symbol: "POLUSDT", baseAsset: "POL", interval: .oneDay, start: Self.january1, count: 1)
        #expect(row(pol[0]) == [1_704_067_200_000, 68.88, 69.158597, 68.657779, 68.938097, 137413.139923])
    }

    @Test func discardsTheTimeOfDayAndCountsDaysInclusively() {
        let generator = SyntheticCandleGenerator()
        let noon = Self.january1 + Self.day / 2
        let candles = generator.candles(
            symbol: "BTCUSDT", baseAsset: "BTC", interval: .oneDay, start: noon, through: Self.january1 + 4 * Self.day)
        #expect(candles.count == 5)
        #expect(candles.first?.openTime == Self.january1)
        #expect(candles.last?.openTime == Self.january1 + 4 * Self.day)
        #expect(
            generator.candles(symbol: "X", baseAsset: "X", interval: .oneDay, start: Self.january1, through: 0).isEmpty)
    }

    @Test(arguments: ["1m", "15m", "1h", "4h", "1d", "1w", "1M"])
    func producesValidCandlesOnEveryInterval(spelling: String) throws {
        let interval = try Interval(parsing: spelling)
        let candles = SyntheticCandleGenerator(seed: 7).candles(
            symbol: "SOLUSDT", baseAsset: "SOL", interval: interval, start: Self.january1 + 12_345, count: 500)
        #expect(candles.count == 500)
        for (index, candle) in candles.enumerated() {
            #expect(candle.low > 0 && candle.volume > 0)
            #expect(candle.low <= min(candle.open, candle.close) && candle.high >= max(candle.open, candle.close))
            #expect(interval.isAligned(candle.openTime))
            if index > 0 { #expect(candle.openTime == interval.next(after: candles[index - 1].openTime)) }
        }
    }

    @Test func isDeterministicPerSeedAndDiffersBetweenSeeds() {
        let make = { (seed: Int64) in
            SyntheticCandleGenerator(seed: seed).candles(
                symbol: "ETHUSDT", baseAsset: "ETH", interval: .oneHour, start: Self.january1, count: 200)
        }
        #expect(make(1) == make(1))
        #expect(make(1) != make(2))
        #expect(SyntheticCandleGenerator().seed == SyntheticCandleGenerator.defaultSeed)
    }

    @Test func turningScenarioPeaksAtTheTurn() throws {
        let scenario = TrendScenario.turning(upCandles: 40, downCandles: 30)
        let candles = SyntheticCandleGenerator(seed: 3).candles(
            for: scenario, symbol: "BTCUSDT", interval: .oneDay, start: Self.january1)
        #expect(candles.count == 70)
        let turn = try #require(scenario.turnIndex)
        #expect(turn == 39)
        let closes = candles.map(\.close)
        #expect(closes.firstIndex(of: closes.max()!) == turn)
        #expect(closes[turn] > closes[0] * 1.3)
        #expect(closes[69] < closes[turn] * 0.8)
        for candle in candles {
            #expect(candle.low <= min(candle.open, candle.close) && candle.high >= max(candle.open, candle.close))
        }
        #expect(TrendScenario(startPrice: 1, segments: [.init(count: 5, drift: 0)]).turnIndex == nil)
    }

    @Test func defectsRemoveHolesAndStaleEnds() {
        let candles = SyntheticCandleGenerator().candles(
            symbol: "BTCUSDT", baseAsset: "BTC", interval: .oneDay, start: Self.january1, count: 10)
        let damaged = SyntheticDefect.apply(
            [
                .hole(Self.january1 + 2 * Self.day..<Self.january1 + 4 * Self.day),
                .staleAfter(lastOpenTime: Self.january1 + 7 * Self.day), .missingCandles(0..<1),
            ], to: candles)
        let days = damaged.map { ($0.openTime - Self.january1) / Self.day }
        #expect(days == [1, 4, 5, 6, 7])
    }

    // Pins the exact bits of non-daily and scenario output, so a platform or toolchain whose arithmetic
    // differs (it must not: only IEEE-exact operations are used) fails here instead of drifting silently.
    @Test func pinsTheBitsOfHourlyAndScenarioOutput() {
        let generator = SyntheticCandleGenerator(seed: 2024)
        let hourly = generator.candles(
            symbol: "ETHUSDT", baseAsset: "ETH", interval: .oneHour, start: Self.january1, count: 1000)
        let scenario = generator.candles(
            for: .turning(upCandles: 60, downCandles: 40), symbol: "BTCUSDT", interval: .fifteenMinutes,
            start: Self.january1)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for candle in hourly + scenario {
            for word in [UInt64(bitPattern: candle.openTime)]
                + [
                    candle.open, candle.high, candle.low, candle.close,
                    candle.volume,
                ].map(\.bitPattern)
            {
                for shift in stride(from: 0, to: 64, by: 8) {
                    hash = (hash ^ (word >> UInt64(shift) & 0xFF)) &* 0x100_0000_01b3
                }
            }
        }
        #expect(hash == 7_749_601_151_577_453_409)
    }
}
