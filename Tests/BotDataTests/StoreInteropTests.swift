import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

/// The cache as other tools see it: DuckDB reads our tree directly, and we read (and migrate) the Python
/// original's cache built by pyarrow exactly as `spec/reference-data.md` §3 describes.
@Suite("OHLCVStore: DuckDB and the Python original's cache")
struct StoreInteropTests {
    /// Runs the DuckDB oracle over `root` and returns (open_time type, rows).
    static func duckDB(_ root: URL) throws -> (type: String, rows: [[Double]]) {
        let result = try Oracle.python("store_duckdb_read.py", [root.path])
        let object = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let rows = try #require(object["rows"] as? [[NSNumber]]).map { $0.map(\.doubleValue) }
        return (object["open_time_type"] as? String ?? "", rows)
    }

    @Test(
        "DuckDB read_parquet over ohlcv_parquet/** with hive_partitioning reads every row, open_time as UTC timestamp")
    func duckDBReadsOurTree() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            let daily = StoreSample.candles(
                from: StoreSample.january2024 - 45 * StoreSample.day, count: 90, step: StoreSample.day)
            let hourly = StoreSample.candles(
                from: StoreSample.january2024 - 3 * 3_600_000, count: 50, step: 3_600_000, base: 3_000)
            try await store.write(daily, series: StoreSample.btc1d, now: StoreSample.fixedClock())
            try await store.write(hourly, series: StoreSample.eth1h, now: StoreSample.fixedClock())
            let (type, rows) = try Self.duckDB(root)
            #expect(type == "TIMESTAMP WITH TIME ZONE")
            #expect(rows.count == 140)
            // Files sort as binance_spot/… then kraken_spot/…, each by month: the same order as our series.
            let expected = daily + hourly
            for (row, candle) in zip(rows, expected) {
                #expect(Int64(row[0]) == candle.openTime)
                #expect(Array(row[1...5]) == [candle.open, candle.high, candle.low, candle.close, candle.volume])
                let month = PartitionMonth(containing: candle.openTime)
                #expect(Int(row[6]) == month.year && Int(row[7]) == month.month, "folder year/month")
                #expect(Int(row[8]) == month.year && Int(row[9]) == month.month, "UTC year/month of the timestamp")
            }
        }
    }

    @Test("a cache written by the Python original is read as is, then migrated to our schema")
    func legacyCache() async throws {
        try await withTemporaryDirectory { root in
            let made = try Oracle.python("store_make_legacy_cache.py", [root.path])
            let object = try #require(try JSONSerialization.jsonObject(with: made.standardOutput) as? [String: Any])
            let expected = try #require(object["series"] as? [String: [[NSNumber]]]).mapValues { rows in
                rows.map { row in
                    Candle(
                        openTime: row[0].int64Value, open: row[1].doubleValue, high: row[2].doubleValue,
                        low: row[3].doubleValue, close: row[4].doubleValue, volume: row[5].doubleValue)
                }
            }
            #expect(expected.count == 3)

            let store = try await StoreSample.open(root)
            let recorded = await store.reconciliation.entries.filter {
                if case .recordedUnlistedFile = $0 { true } else { false }
            }
            #expect(recorded.count == 5)  // BTCUSDT and BTC-PLN span two months, XBTUSD one
            for (name, candles) in expected {
                let series = try SeriesKey(parsing: name)
                #expect(try await store.read(series: series) == candles, "\(name)")
                #expect(try await store.info(of: series)?.rowCount == candles.count)
                #expect(
                    try await store.missingRanges(
                        series: series, from: candles[0].openTime, to: candles.last!.openTime + 1
                    ).isEmpty)
            }
            #expect(try await store.verify().isEmpty)

            // Writing into a legacy month merges with its float rows.
            let btc = try SeriesKey(parsing: "binance_spot/BTCUSDT/1d")
            let extra = StoreSample.candles(
                from: expected[btc.description]!.last!.openTime + StoreSample.day, count: 2, step: StoreSample.day)
            #expect(try await store.write(extra, series: btc, now: StoreSample.fixedClock()).inserted == 2)

            let report = try await store.migrateLegacyPartitions(now: StoreSample.fixedClock())
            #expect(report.rewrittenPartitions.count == 4)  // the month written above is ours already
            let legacy = report.legacyMetadata.first { $0.symbol == "BTCUSDT" && $0.interval == "1d" }
            #expect(legacy?.lastTimestamp == expected[btc.description]!.last!.openTime)
            #expect(legacy?.rowCount == expected[btc.description]!.count - 3)
            #expect(try await store.migrateLegacyPartitions(now: StoreSample.fixedClock()).rewrittenPartitions.isEmpty)
            for (name, candles) in expected {
                let stored = try await store.read(series: try SeriesKey(parsing: name))
                #expect(Array(stored.prefix(candles.count)) == candles, "\(name) after migration")
            }
            #expect(try await store.verify().isEmpty)
            let (type, rows) = try Self.duckDB(root)
            #expect(type == "TIMESTAMP WITH TIME ZONE")
            #expect(rows.count == expected.values.reduce(0) { $0 + $1.count } + 2)
        }
    }
}
