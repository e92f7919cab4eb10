import BotData
import BotExchanges
import BotNet
import Foundation
import Synchronization
import TestSupport
import Testing

/// The backfill against the exchange simulator over real HTTP on 127.0.0.1.
@Suite(.timeLimit(.minutes(2))) struct BackfillServiceTests {
    /// 2024-06-01T12:30:00Z: the 12:00 hourly candle is still forming.
    static let now: Int64 = 1_717_245_000_000
    static let day: Int64 = 86_400_000
    static let instant = RetryTiming(now: { .zero }, sleep: { _ in }, random: { 0.5 }, currentDate: { Date.now })

    /// One symbol per venue, three on Binance spot.
    static let symbols: [(Venue, String)] = [
        (.binanceSpot, "BTCUSDT"), (.binanceSpot, "ETHUSDT"), (.binanceSpot, "SOLUSDT"), (.binanceFutures, "BTCUSDT"),
        (.krakenSpot, "XBTUSDT"), (.krakenFutures, "PI_XBTUSD"), (.zondaSpot, "BTC-PLN"),
    ]

    /// Three symbols on each of the five venues (the market-data acceptance run).
    static let threePerVenue: [(Venue, String)] = [
        (.binanceSpot, "BTCUSDT"), (.binanceSpot, "ETHUSDT"), (.binanceSpot, "SOLUSDT"),
        (.binanceFutures, "BTCUSDT"), (.binanceFutures, "ETHUSDT"), (.binanceFutures, "SOLUSDT"),
        (.krakenSpot, "XBTUSDT"), (.krakenSpot, "ETHUSDT"), (.krakenSpot, "SOLUSDT"),
        (.krakenFutures, "PI_XBTUSD"), (.krakenFutures, "PF_XBTUSD"), (.krakenFutures, "PI_ETHUSD"),
        (.zondaSpot, "BTC-PLN"), (.zondaSpot, "ETH-PLN"), (.zondaSpot, "BTC-USDT"),
    ]

    /// A rate-limit clock whose waits pass at once by moving its time forward, so the venues' budgets
    /// (one request a second on Kraken and Zonda) are honoured without the test waiting for them.
    final class VirtualClock: Sendable {
        private let time = Mutex<Int64>(BackfillServiceTests.now)
        var clock: RateLimitClock {
            RateLimitClock(
                now: { self.time.withLock { $0 } },
                sleep: { duration in
                    let milliseconds =
                        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
                    self.time.withLock { $0 += max(1, milliseconds) }
                })
        }
    }

    static func sources(_ base: URL) throws -> [any CandleSource] {
        let client = CandleSources.client(transport: URLSessionTransport(defaultTimeout: .seconds(10)), timing: instant)
        return try Venue.allCases.map { venue throws in
            try CandleSources.make(
                venue: venue, environment: .live, baseURL: base.absoluteString, client: client,
                clock: VirtualClock().clock)
        }
    }

    /// The adapters' page sizes (docs/exchanges.md).
    static let pageLimits: [Venue: Int] = [
        .binanceSpot: 1000, .binanceFutures: 1500, .krakenSpot: 720, .krakenFutures: 2000, .zondaSpot: 100,
    ]

    static func requests(days: Int64, symbols: [(Venue, String)] = symbols) throws -> [BackfillRequest] {
        try symbols.map { venue, symbol throws in
            BackfillRequest(
                series: try SeriesKey(exchange: venue.rawValue, symbol: symbol, interval: .oneHour),
                start: now - days * day)
        }
    }

    /// Runs `body` with a started simulator and a store in a fresh folder.
    static func withSimulator(
        faults: SimulatorFaults = .none, missingRate: Double = 0,
        _ body: (ExchangeSimulator, OHLCVStore, BackfillService, URL) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { folder in
            let simulator = ExchangeSimulator(
                market: SyntheticMarket(seed: 11, missingRate: missingRate), faults: faults, rateLimits: .unlimited,
                now: { now }, sleep: { _ in })
            let base = try await simulator.start()
            let store = try await OHLCVStore.open(root: folder, clock: { now })
            let service = BackfillService(store: store, sources: try sources(base), now: { now }, sleep: { _ in })
            do {
                try await body(simulator, store, service, folder)
            } catch {
                await simulator.stop()
                throw error
            }
            await simulator.stop()
        }
    }

    /// The simulator's complete candles of a series in the summary's window (from the venue's limit on).
    static func expected(_ simulator: ExchangeSimulator, _ summary: SeriesBackfillSummary) async throws -> [Candle] {
        let venue = try #require(Venue(rawValue: summary.series.exchange))
        let from = max(summary.requestedStart, summary.availableFrom ?? .min)
        return try await simulator.market.candles(
            venue: venue, symbol: summary.series.symbol, interval: summary.series.interval, from: from,
            to: summary.requestedEnd)
    }

    @Test("two years of 1h candles, three symbols on each of five venues: exactly the simulator's candles, minimal requests, rerun free")
    func fiveVenues() async throws {
        try await Self.withSimulator { simulator, store, service, _ in
            let requests = try Self.requests(days: 730, symbols: Self.threePerVenue)
            let summaries = try await service.backfill(requests)
            #expect(summaries.count == requests.count)
            let stats = await simulator.statistics()
            var pageRequests: [Venue: Int] = [:]
            for summary in summaries {
                let venue = try #require(Venue(rawValue: summary.series.exchange))
                #expect(summary.errors.isEmpty, "\(summary.series): \(summary.errors)")
                let stored = try await store.read(series: summary.series)
                let expected = try await Self.expected(simulator, summary)
                #expect(stored.count == expected.count, "\(summary.series)")
                #expect(stored == expected, "\(summary.series) differs from the simulator")
                #expect(summary.fetched == expected.count && summary.written == expected.count)
                #expect(summary.gapsLeft == 0 && summary.skipped == 0)
                let limit = try #require(Self.pageLimits[venue])
                #expect(summary.requests == (expected.count + limit - 1) / limit, "\(summary.series)")
                pageRequests[venue, default: 0] += summary.requests
                if venue == .krakenSpot {
                    // Kraken spot serves its 720 newest candles only: the rest is reported, not pretended.
                    #expect(summary.availableFrom != nil && expected.count == 719)
                    #expect(summary.unavailable == 730 * 24 - 1 - 719)
                } else {
                    #expect(expected.count == 730 * 24 - 1)
                }
                // Ledger: one segment per month written; the watermark is the newest candle.
                let segments = try await store.segments(series: summary.series)
                #expect(segments.count == summary.segments && segments.reduce(0) { $0 + $1.rows } == expected.count)
                let watermark = try await store.watermark(series: summary.series)
                #expect(watermark?.highWaterOpenTime == expected.last?.openTime)
            }
            for venue in Venue.allCases {
                #expect(stats.requests(venue) == pageRequests[venue], "\(venue)")
            }
            let issues = try await store.verify()
            #expect(issues.isEmpty)

            // A second run over the complete window sends no candle request at all.
            let again = try await service.backfill(requests)
            let afterwards = await simulator.statistics().totalRequests
            #expect(afterwards == stats.totalRequests)
            #expect(again.allSatisfy { $0.requests == 0 && $0.fetched == 0 && $0.written == 0 && $0.skipped > 0 })
        }
    }

    @Test("holes anywhere in the window are filled, and venue holes are skipped and counted")
    func holes() async throws {
        try await Self.withSimulator(missingRate: 0.01) { simulator, store, service, _ in
            let series = try SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneHour)
            let full = BackfillRequest(series: series, start: Self.now - 120 * Self.day)
            let complete = try await simulator.market.candles(
                venue: .binanceSpot, symbol: "BTCUSDT", interval: .oneHour, from: .min, to: Self.now - 3_600_000 / 2)
            // Pre-fill the store with every other month, leaving holes before the newest candle.
            let prefilled = complete.filter { PartitionMonth(containing: $0.openTime).month % 2 == 0 }
            try await store.write(prefilled, series: series, now: Self.now)
            let summary = try await service.backfill(full)
            #expect(summary.errors.isEmpty)
            let expected = try await Self.expected(simulator, summary)
            #expect(
                try await store.read(series: series, from: summary.requestedStart, to: summary.requestedEnd) == expected
            )
            // The venue's own holes stay: about 1% of the window, counted as gaps left.
            let window = Int((summary.requestedEnd - summary.requestedStart) / 3_600_000)
            #expect(summary.gapsLeft == window - expected.count && summary.gapsLeft > 0)
            let rerun = try await service.backfill(full)
            #expect(rerun.fetched == 0 && rerun.gapsLeft == summary.gapsLeft)
        }
    }

    @Test("faults: 5xx, truncated bodies, a 429 burst, duplicate and shuffled rows — the data is still exact")
    func faults() async throws {
        let faults = SimulatorFaults(
            errorRate: 0.1, truncateRate: 0.05, burst429: 3, retryAfterSeconds: 1, duplicateRate: 0.05, shuffle: true)
        try await Self.withSimulator(faults: faults) { simulator, store, service, _ in
            let requests = try Self.requests(days: 365)
            let summaries = try await service.backfill(requests)
            for summary in summaries {
                #expect(summary.errors.isEmpty, "\(summary.series): \(summary.errors)")
                let expected = try await Self.expected(simulator, summary)
                #expect(try await store.read(series: summary.series) == expected, "\(summary.series)")
            }
            let statuses = await simulator.statistics().venues.values.reduce(into: [Int: Int]()) {
                $0.merge($1.statuses, uniquingKeysWith: +)
            }
            #expect(statuses[429] == 3 && statuses.keys.contains { $0 >= 500 })
            #expect(try await store.verify().isEmpty)
        }
    }

    @Test("a 418 ban stops the run with the ban message; what was stored before stays valid")
    func ban() async throws {
        try await Self.withSimulator { simulator, store, service, _ in
            let series = try SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneHour)
            let older = BackfillRequest(
                series: series, start: Self.now - 200 * Self.day, end: Self.now - 100 * Self.day)
            let first = try await service.backfill(older)
            #expect(first.errors.isEmpty && first.written == 100 * 24)
            let before = try await store.read(series: series)
            await simulator.setFaults(SimulatorFaults(ban418: true, banSeconds: 300))
            let requests = try Self.requests(
                days: 200, symbols: [(.binanceSpot, "BTCUSDT"), (.binanceSpot, "ETHUSDT")])
            await #expect {
                _ = try await service.backfill(requests)
            } throws: { error in
                guard case .banned(let venue, let retryAfter, let completed) = error as? BackfillError else {
                    return false
                }
                let message = (error as? BackfillError)?.description ?? ""
                return venue == .binanceSpot && retryAfter == 300 && completed.count == 1
                    && message.contains("418") && message.contains("300 s")
            }
            #expect(try await store.read(series: series) == before)
            #expect(try await store.verify().isEmpty)
        }
    }
}
