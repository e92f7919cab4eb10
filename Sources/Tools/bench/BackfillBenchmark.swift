import BotData
import BotExchanges
import BotNet
import Foundation

/// End-to-end backfill against the exchange simulator on loopback: HTTP, JSON parsing, rate limiter,
/// Parquet partitions and manifest, exactly as the `backfill` tool runs, with no simulated latency.
enum BackfillBenchmark: Benchmark {
    static let name = "backfill"
    static let summary =
        "backfill N years of 1m candles for one symbol from the simulator (--years N, --venue V, --simulator URL)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        let years = try option("years", in: arguments, default: 5)
        let venueName = try option("venue", in: arguments, default: Venue.binanceSpot.rawValue)
        guard let venue = Venue(rawValue: venueName) else {
            throw BenchmarkUsageError(description: "--venue must be one of \(Venue.allCases.map(\.rawValue))")
        }
        let end: Int64 = 1_735_689_600_000  // 2025-01-01T00:00:00Z
        let start = end - Int64(years) * 365 * 86_400_000
        let now: @Sendable () -> Int64 = { end + 3_600_000 }
        // In process by default; `--simulator URL` uses a running `exchange-simulator --no-rate-limits --now …`
        // instead, so the simulator's own work does not share this process.
        let external = try option("simulator", in: arguments, default: "")
        let simulator = ExchangeSimulator(
            market: SyntheticMarket(listingStart: start - 86_400_000), rateLimits: .unlimited, now: now)
        let url = external.isEmpty ? try await simulator.start() : try requireURL(external)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-backfill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }

        let client = HTTPClient(transport: URLSessionTransport())
        // A limiter far above any venue's budget: this measures our pipeline, not the venue's rules.
        let limiter = RateLimiter(venue: venue, limit: RateLimit(capacity: 1_000_000_000, windowMilliseconds: 60_000))
        let source = try CandleSources.make(
            venue: venue, environment: .live, baseURL: url.absoluteString, client: client, limiter: limiter)
        let symbol = SyntheticMarket.defaultSymbols(for: venue)[0].name
        let store = try await OHLCVStore.open(root: root)
        let service = BackfillService(store: store, sources: [source], now: now)
        let request = BackfillRequest(
            series: try SeriesKey(exchange: venue.rawValue, symbol: symbol, interval: .oneMinute), start: start, end: end - 60_000)

        let clock = ContinuousClock()
        let began = clock.now
        let summary = try await service.backfill(request)
        let elapsed = clock.now - began
        if external.isEmpty { await simulator.stop() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return [
            "simulator": external.isEmpty ? "in process" : "separate process",
            "venue": venue.rawValue, "symbol": symbol, "years": years, "candles_written": summary.written,
            "requests": summary.requests, "seconds": seconds,
            "candles_per_second": Double(summary.written) / seconds,
            "peak_rss_mb": peakResidentMegabytes() ?? -1, "errors": summary.errors,
        ]
    }

    private static func requireURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), url.scheme == "http" else {
            throw BenchmarkUsageError(description: "--simulator needs an http:// URL, e.g. http://127.0.0.1:8080")
        }
        return url
    }
}
