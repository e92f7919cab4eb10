import BotExchanges
import Testing

@Suite("Candle pages")
struct CandlePageTests {
    static func candle(_ openTime: Int64) -> Candle {
        Candle(openTime: openTime, open: 1, high: 1, low: 1, close: 1, volume: 1)
    }

    @Test("only candles whose next bucket has opened are closed")
    func closedCandles() {
        let hour: Int64 = 3_600_000
        let page = CandlePage(
            venue: .binanceSpot, symbol: "BTCUSDT", interval: .oneHour, candles: [0, hour, 2 * hour].map(Self.candle))
        #expect(page.closedCandles(asOf: 3 * hour - 1).map(\.openTime) == [0, hour])
        #expect(page.closedCandles(asOf: 3 * hour).map(\.openTime) == [0, hour, 2 * hour])
        #expect(page.closedCandles(asOf: hour - 1).isEmpty)
    }

    @Test("a month candle closes on the first of the next month")
    func monthCandle() {
        let february2024: Int64 = 1_706_745_600_000  // 2024-02-01
        let march2024: Int64 = 1_709_251_200_000  // 2024-03-01 (29 days later: leap year)
        let candle = Self.candle(february2024)
        #expect(!candle.isClosed(interval: .oneMonth, asOf: march2024 - 1))
        #expect(candle.isClosed(interval: .oneMonth, asOf: march2024))
    }

    @Test("earliest available open time for a venue with a history limit")
    func earliest() throws {
        let source = try makeSource(.krakenSpot, transport: RecordingTransport([]))
        let day: Int64 = 86_400_000
        let now = 20_000 * day + 5_000
        #expect(source.earliestAvailableOpenTime(interval: .oneDay, now: now) == (20_000 - 719) * day)
        let week = try #require(source.earliestAvailableOpenTime(interval: .oneWeek, now: now))
        #expect(Interval.oneWeek.isAligned(week))
        #expect(Interval.oneWeek.advance(week, by: 719) == Interval.oneWeek.start(ofBucketContaining: now))
    }
}
