import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

/// Candles and series shared by the store tests.
enum StoreSample {
    static let btc1m = try! SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneMinute)
    static let btc1d = try! SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneDay)
    static let eth1h = try! SeriesKey(exchange: "kraken_spot", symbol: "ETHUSD", interval: .oneHour)

    /// 2024-01-01T00:00:00Z.
    static let january2024: Int64 = 1_704_067_200_000
    static let day: Int64 = 86_400_000
    static let fixedClock: @Sendable () -> Int64 = { 1_800_000_000_000 }

    /// `count` candles of `interval` from `start`, values derived from the index so each is distinct.
    static func candles(from start: Int64, count: Int, step: Int64, base: Double = 100) -> [Candle] {
        (0..<count).map { index in
            let price = base + Double(index)
            return Candle(
                openTime: start + Int64(index) * step, open: price, high: price + 2, low: price - 1,
                close: price + 0.5, volume: Double(index) * 0.25)
        }
    }

    static func open(_ root: URL, readOnly: Bool = false, verifyHashes: Bool = false) async throws -> OHLCVStore {
        try await OHLCVStore.open(root: root, readOnly: readOnly, verifyHashes: verifyHashes, clock: fixedClock)
    }

    static func partitionFile(_ root: URL, _ series: SeriesKey, year: Int, month: Int) -> URL {
        let name = "year=\(year)/month=\(month < 10 ? "0" : "")\(month)"
        return root.appendingPathComponent("ohlcv_parquet/\(series.description)/\(name)/data.parquet")
    }
}

@Suite("OHLCVStore: write, read, merge")
struct StoreWriteReadTests {
    @Test("daily candles across two years round-trip; files are in the Hive layout; the manifest counts them")
    func roundTrip() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            let start = StoreSample.january2024 - 40 * StoreSample.day  // 2023-11-22
            let candles = StoreSample.candles(from: start, count: 100, step: StoreSample.day)
            let summary = try await store.write(candles, series: StoreSample.btc1d, now: StoreSample.fixedClock())
            #expect(summary.inserted == 100 && summary.replaced == 0 && summary.droppedOpen == 0)
            #expect(summary.partitionsWritten.map(\.description) == ["2023-11", "2023-12", "2024-01", "2024-02"])
            for (year, month) in [(2023, 11), (2023, 12), (2024, 1), (2024, 2)] {
                let file = StoreSample.partitionFile(root, StoreSample.btc1d, year: year, month: month)
                #expect(FileManager.default.fileExists(atPath: file.path), "missing \(file.path)")
            }
            #expect(try await store.read(series: StoreSample.btc1d) == candles)
            let window = try await store.read(
                series: StoreSample.btc1d, from: StoreSample.january2024,
                to: StoreSample.january2024 + 3 * StoreSample.day)
            #expect(window == Array(candles[40..<43]))
            let info = try #require(try await store.info(of: StoreSample.btc1d))
            #expect(info.rowCount == 100 && info.firstOpenTime == start && info.lastOpenTime == candles.last?.openTime)
            let partitions = try await store.partitions(series: StoreSample.btc1d)
            #expect(partitions.map(\.rows) == [9, 31, 31, 29])
            #expect(partitions.allSatisfy { $0.sha256.count == 64 && $0.bytes > 0 })
            #expect(partitions[2].path == "ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet")
        }
    }

    @Test("a later write merges by open time across months: the new value wins, duplicates collapse")
    func mergeAndDedupe() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            let series = StoreSample.btc1d
            let first = StoreSample.candles(
                from: StoreSample.january2024 - 5 * StoreSample.day, count: 10, step: StoreSample.day)
            try await store.write(first, series: series, now: StoreSample.fixedClock())
            // Overlaps the last 3 (one with new values, two identical), adds 4, and repeats one in the batch.
            var second = Array(first[7..<10])
            second[0].close = 999
            second += StoreSample.candles(
                from: first[9].openTime + StoreSample.day, count: 4, step: StoreSample.day, base: 500)
            var repeated = second[4]
            repeated.volume = 42
            second.append(repeated)
            // Out of order on purpose; of two candles with one open time in a batch, the later one wins.
            let batch = Array(second.dropLast().reversed()) + [repeated]
            let summary = try await store.write(batch, series: series, now: StoreSample.fixedClock())
            #expect(summary.inserted == 4 && summary.replaced == 1 && summary.unchanged == 2)
            #expect(summary.partitionsWritten.map(\.description) == ["2024-01"])
            let stored = try await store.read(series: series)
            #expect(stored.count == 14)
            #expect(stored.map(\.openTime) == (0..<14).map { first[0].openTime + Int64($0) * StoreSample.day })
            #expect(stored[7].close == 999)
            #expect(stored.contains { $0.openTime == repeated.openTime && $0.volume == 42 })
            #expect(try await store.info(of: series)?.rowCount == 14)
            // Writing the same candles again changes nothing and rewrites no file.
            let again = try await store.write(stored, series: series, now: StoreSample.fixedClock())
            #expect(again.unchanged == 14 && again.written == 0 && again.partitionsWritten.isEmpty)
        }
    }

    @Test("only closed candles are stored: a candle closing after now is dropped and counted, also for 1M")
    func onlyClosed() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            let minute: Int64 = 60_000
            let now = StoreSample.january2024 + 10 * minute + 30_000  // 00:10:30
            let candles = StoreSample.candles(from: StoreSample.january2024, count: 12, step: minute)
            let summary = try await store.write(candles, series: StoreSample.btc1m, now: now)
            // 00:09 closes at 00:10 (stored); 00:10 closes at 00:11 (> now), 00:11 too.
            #expect(summary.inserted == 10 && summary.droppedOpen == 2)
            #expect(
                try await store.read(series: StoreSample.btc1m).last?.openTime == StoreSample.january2024 + 9 * minute)
            // A candle closing exactly at now is closed.
            let exact = try await store.write([candles[10]], series: StoreSample.btc1m, now: now + 30_000)
            #expect(exact.inserted == 1)

            let monthly = try SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneMonth)
            let february: Int64 = 1_706_745_600_000  // 2024-02-01
            let march: Int64 = 1_709_251_200_000  // 2024-03-01
            let bars = [StoreSample.january2024, february].enumerated().map { index, time in
                Candle(openTime: time, open: 1, high: 2, low: 0.5, close: 1.5, volume: Double(index))
            }
            let result = try await store.write(bars, series: monthly, now: march - 1)
            #expect(result.inserted == 1 && result.droppedOpen == 1)
            let misaligned = try await store.write(
                [Candle(openTime: StoreSample.january2024 + 1, open: 1, high: 1, low: 1, close: 1, volume: 1)],
                series: StoreSample.btc1m, now: now)
            #expect(misaligned.droppedMisaligned == 1 && misaligned.inserted == 0)
        }
    }

    @Test("missingRanges lists every hole on the grid, before, inside and after the stored candles")
    func missingRanges() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            let hour: Int64 = 3_600_000
            let start = StoreSample.january2024
            var candles = StoreSample.candles(from: start, count: 48, step: hour)
            candles.removeSubrange(10..<13)  // hole 10:00..<13:00
            candles.removeFirst(2)  // hole 00:00..<02:00
            try await store.write(candles, series: StoreSample.eth1h, now: StoreSample.fixedClock())
            let ranges = try await store.missingRanges(
                series: StoreSample.eth1h, from: start - 30 * 60_000, to: start + 50 * hour)
            #expect(
                ranges == [
                    start..<(start + 2 * hour), (start + 10 * hour)..<(start + 13 * hour),
                    (start + 48 * hour)..<(start + 50 * hour),
                ])
            #expect(
                try await store.missingRanges(series: StoreSample.eth1h, from: start + 2 * hour, to: start + 10 * hour)
                    .isEmpty)
            let times = try await store.openTimes(
                series: StoreSample.eth1h, from: start + 9 * hour, to: start + 14 * hour)
            #expect(times == [start + 9 * hour, start + 13 * hour])
        }
    }

    @Test("prune removes whole months older than the horizon, keeps the straddling month, fixes the counts")
    func prune() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            // January 1 to March 15.
            let candles = StoreSample.candles(from: StoreSample.january2024, count: 75, step: StoreSample.day)
            try await store.write(candles, series: StoreSample.btc1d, now: StoreSample.fixedClock())
            let horizon = StoreSample.january2024 + 40 * StoreSample.day  // 2024-02-10
            let summary = try await store.prune(olderThan: horizon, now: StoreSample.fixedClock())
            #expect(summary.removedRows == 31)
            #expect(
                summary.removedPartitions == ["ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet"])
            #expect(
                !FileManager.default.fileExists(
                    atPath: StoreSample.partitionFile(root, StoreSample.btc1d, year: 2024, month: 1)
                        .deletingLastPathComponent().path))
            let info = try #require(try await store.info(of: StoreSample.btc1d))
            #expect(info.rowCount == 44 && info.firstOpenTime == candles[31].openTime)
            #expect(try await store.read(series: StoreSample.btc1d) == Array(candles[31...]))
            #expect(try await store.verify().isEmpty)
        }
    }

    @Test("series lists every series with its counts, and bad series names are refused with a reason")
    func seriesListing() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            try await store.write(
                StoreSample.candles(from: StoreSample.january2024, count: 3, step: 3_600_000),
                series: StoreSample.eth1h, now: StoreSample.fixedClock())
            try await store.write(
                StoreSample.candles(from: StoreSample.january2024, count: 2, step: StoreSample.day),
                series: StoreSample.btc1d, now: StoreSample.fixedClock())
            let all = try await store.series()
            #expect(all.map(\.series) == [StoreSample.btc1d, StoreSample.eth1h])
            #expect(all.map(\.rowCount) == [2, 3])
            #expect(try SeriesKey(parsing: "binance_spot/BTCUSDT/D1") == StoreSample.btc1d)
            #expect(throws: OHLCVStoreError.self) { try SeriesKey(parsing: "binance_spot/BTCUSDT") }
            #expect(throws: OHLCVStoreError.self) { try SeriesKey(exchange: "..", symbol: "X", interval: .oneDay) }
        }
    }

    @Test("append queues pages and writes them once bufferLimit candles are queued; flush writes the rest")
    func appendAndFlush() async throws {
        try await withTemporaryDirectory { root in
            let store = try await OHLCVStore.open(root: root, bufferLimit: 100, clock: StoreSample.fixedClock)
            let candles = StoreSample.candles(from: StoreSample.january2024 - 30 * 60_000, count: 250, step: 60_000)
            var written = 0
            for page in stride(from: 0, to: 250, by: 40) {
                let summary = try await store.append(
                    candles[page..<min(page + 40, 250)], series: StoreSample.btc1m, now: StoreSample.fixedClock())
                written += summary.inserted
            }
            #expect(written == 240)  // three writes of 120; the last 10 candles are still queued
            #expect(await store.queuedCount == 10)
            #expect(try await store.read(series: StoreSample.btc1m).count == 240)
            let rest = try await store.flush(now: StoreSample.fixedClock())
            #expect(rest.inserted == 10 && rest.partitionsWritten.map(\.description) == ["2024-01"])
            #expect(await store.queuedCount == 0)
            #expect(try await store.read(series: StoreSample.btc1m) == candles)
            let open = try await store.append(candles.suffix(1), series: StoreSample.btc1m, now: candles[249].openTime)
            let queued = await store.queuedCount
            #expect(open.droppedOpen == 1 && queued == 0)
        }
    }

    @Test("PartitionMonth matches the UTC calendar at month, year and leap-day edges")
    func months() {
        #expect(PartitionMonth(containing: StoreSample.january2024).description == "2024-01")
        #expect(PartitionMonth(containing: StoreSample.january2024 - 1).description == "2023-12")
        #expect(PartitionMonth(containing: 1_709_164_800_000).description == "2024-02")  // 2024-02-29
        #expect(PartitionMonth(containing: 0).description == "1970-01")
        #expect(PartitionMonth(containing: -1).description == "1969-12")
        #expect(PartitionMonth(year: 2024, month: 2)?.endTime == 1_709_251_200_000)
        #expect(PartitionMonth(year: 2000, month: 3)?.startTime == 951_868_800_000)
        #expect(PartitionMonth(year: 2024, month: 13) == nil)
    }
}
