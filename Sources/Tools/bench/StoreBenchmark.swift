import BotData
import BotExchanges
import Foundation

enum StoreBenchmark: Benchmark {
    static let name = "store"
    static let summary = "OHLCVStore write of N months of 1m candles (--months N --batch ROWS)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        let months = try option("months", in: arguments, default: 60)
        let batch = try option("batch", in: arguments, default: 0)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("store-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let series = try SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneMinute)
        let start: Int64 = 1_577_836_800_000  // 2020-01-01
        let end = PartitionMonth(containing: start).startTime
        var monthStart = PartitionMonth(containing: end)
        for _ in 0..<months { monthStart = monthStart.next }
        let stop = monthStart.startTime
        let now = stop + 86_400_000
        let store = try await OHLCVStore.open(root: root)
        let clock = ContinuousClock()
        var total = 0
        var time = start
        var price = 7000.0
        let began = clock.now
        var month = PartitionMonth(containing: start)
        while time < stop {
            let limit = batch > 0 ? min(stop, time + Int64(batch) * 60_000) : min(stop, month.endTime)
            var candles: [Candle] = []
            candles.reserveCapacity(Int((limit - time) / 60_000))
            while time < limit {
                price += Double((time / 60_000) % 7) - 3
                candles.append(Candle(openTime: time, open: price, high: price + 5, low: price - 5, close: price + 1, volume: 1.5))
                time += 60_000
            }
            total += candles.count
            if batch > 0 { try await store.append(candles, series: series, now: now) } else { try await store.write(candles, series: series, now: now) }
            if time >= month.endTime { month = month.next }
        }
        try await store.flush(now: now)
        let elapsed = clock.now - began
        let writePeak = peakResidentMegabytes() ?? -1
        let openTimesBegan = clock.now
        _ = try await store.openTimes(series: series)
        let openTimesElapsed = clock.now - openTimesBegan
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let readBegan = clock.now
        let times = try await store.openTimes(series: series)
        let readAll = try await store.read(series: series)
        let readElapsed = clock.now - readBegan
        let readSeconds = Double(readElapsed.components.seconds) + Double(readElapsed.components.attoseconds) / 1e18
        let bytes = try await store.partitions(series: series).reduce(0) { $0 + $1.bytes }
        return [
            "candles": total, "seconds": seconds, "candles_per_second": Double(total) / seconds,
            "peak_rss_mb": peakResidentMegabytes() ?? -1, "write_peak_rss_mb": writePeak, "open_times_seconds": Double(openTimesElapsed.components.attoseconds) / 1e18 + Double(openTimesElapsed.components.seconds), "read_seconds": readSeconds, "read_rows": readAll.count + times.count,
            "bytes_on_disk": bytes,
        ]
    }
}
