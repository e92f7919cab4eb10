import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

/// Each crash shape of DESIGN.md §4.2, made with real files, then repaired by opening the store.
@Suite("OHLCVStore: reconciliation on open")
struct StoreReconciliationTests {
    static let series = StoreSample.btc1d
    /// January and February 2024.
    static let candles = StoreSample.candles(from: StoreSample.january2024, count: 60, step: StoreSample.day)

    static func populate(_ root: URL) async throws {
        let store = try await StoreSample.open(root)
        try await store.write(candles, series: series, now: StoreSample.fixedClock())
    }

    @Test("a partition renamed into place but never recorded (crash before the commit) is recorded on open")
    func unrecordedFile() async throws {
        try await withTemporaryDirectory { root in
            let source = root.appendingPathComponent("source")
            let target = root.appendingPathComponent("target")
            try await Self.populate(source)
            try await Self.populate(target)
            // Target records January only: February's file arrives as if the crash hit before its commit.
            let february = StoreSample.partitionFile(target, Self.series, year: 2024, month: 2)
            try FileManager.default.removeItem(at: february)
            let reopened = try await StoreSample.open(target)
            #expect(await reopened.reconciliation.entries.count == 1)
            try FileManager.default.copyItem(
                at: StoreSample.partitionFile(source, Self.series, year: 2024, month: 2), to: february)
            let leftover = february.deletingLastPathComponent().appendingPathComponent(".data.parquet.tmp-1f2e")
            try Data([1, 2, 3]).write(to: leftover)

            let store = try await StoreSample.open(target)
            let entries = await store.reconciliation.entries
            #expect(
                entries.contains(
                    .recordedUnlistedFile(
                        path: "ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=02/data.parquet", rows: 29)))
            #expect(entries.contains { if case .removedTemporaryFile = $0 { true } else { false } })
            #expect(!FileManager.default.fileExists(atPath: leftover.path))
            #expect(try await store.info(of: Self.series)?.rowCount == 60)
            #expect(try await store.read(series: Self.series) == Self.candles)
            #expect(try await store.verify().isEmpty)
            // A second open finds nothing left to repair.
            #expect(await (try StoreSample.open(target)).reconciliation.isClean)
        }
    }

    @Test("a record whose file was deleted is removed and the series' count and range are fixed")
    func missingFile() async throws {
        try await withTemporaryDirectory { root in
            try await Self.populate(root)
            try FileManager.default.removeItem(at: StoreSample.partitionFile(root, Self.series, year: 2024, month: 1))
            let store = try await StoreSample.open(root)
            #expect(
                await store.reconciliation.entries == [
                    .removedMissingFile(
                        path: "ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet", rows: 31)
                ])
            let info = try #require(try await store.info(of: Self.series))
            #expect(info.rowCount == 29 && info.firstOpenTime == Self.candles[31].openTime)
            #expect(
                try await store.missingRanges(
                    series: Self.series, from: StoreSample.january2024, to: Self.candles[31].openTime)
                    == [StoreSample.january2024..<Self.candles[31].openTime])
        }
    }

    @Test("a damaged file is reported naming the file and month; other months stay readable; backfill repairs it")
    func corruptFile() async throws {
        try await withTemporaryDirectory { root in
            try await Self.populate(root)
            let january = StoreSample.partitionFile(root, Self.series, year: 2024, month: 1)
            var bytes = try [UInt8](Data(contentsOf: january))
            for offset in 40..<60 { bytes[offset] ^= 0xFF }
            try Data(bytes).write(to: january)

            let store = try await StoreSample.open(root)
            let relative = "ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet"
            #expect(await store.reconciliation.corruptFiles == [relative])
            let entry = try #require(await store.reconciliation.entries.first)
            #expect(entry.description.contains("re-run backfill for binance_spot/BTCUSDT/1d over 2024-01"))
            let february = Self.candles[31].openTime
            #expect(try await store.read(series: Self.series, from: february) == Array(Self.candles[31...]))
            do {
                _ = try await store.read(series: Self.series)
                Issue.record("reading the damaged month should fail")
            } catch let error as OHLCVStoreError {
                guard case .corruptPartition(let path, let name, let month, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(path == january.path && name == "binance_spot/BTCUSDT/1d" && month == "2024-01")
            }
            let issues = try await store.verify()
            #expect(issues.contains { if case .hashMismatch(relative, _, _) = $0 { true } else { false } })
            #expect(issues.contains { if case .unreadableFile(relative, _) = $0 { true } else { false } })

            // Re-running backfill for the month writes it again; the damaged bytes are kept aside, not deleted.
            let repair = try await store.write(
                Array(Self.candles[0..<31]), series: Self.series, now: StoreSample.fixedClock())
            #expect(repair.partitionsWritten.map(\.description) == ["2024-01"])
            #expect(try await store.read(series: Self.series) == Self.candles)
            #expect(try await store.verify().isEmpty)
            let kept = try FileManager.default.contentsOfDirectory(atPath: january.deletingLastPathComponent().path)
            #expect(kept.contains { $0.hasPrefix("data.parquet.corrupt-") })
        }
    }

    @Test("a valid file whose hash differs from its record (rewritten outside the store) is recorded again")
    func changedFile() async throws {
        try await withTemporaryDirectory { root in
            let other = root.appendingPathComponent("other")
            let target = root.appendingPathComponent("target")
            try await Self.populate(target)
            let replacement = StoreSample.candles(
                from: StoreSample.january2024, count: 5, step: StoreSample.day, base: 7)
            try await StoreSample.open(other).write(replacement, series: Self.series, now: StoreSample.fixedClock())
            let january = StoreSample.partitionFile(target, Self.series, year: 2024, month: 1)
            try FileManager.default.removeItem(at: january)
            try FileManager.default.copyItem(
                at: StoreSample.partitionFile(other, Self.series, year: 2024, month: 1), to: january)

            let store = try await StoreSample.open(target)
            #expect(
                await store.reconciliation.entries == [
                    .rerecordedChangedFile(
                        path: "ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet", rows: 5)
                ])
            #expect(try await store.info(of: Self.series)?.rowCount == 34)
            #expect(try await store.read(series: Self.series, to: Self.candles[31].openTime) == replacement)
        }
    }

    @Test("verifyHashes hashes every file, so a damaged file is found even with its size and date kept")
    func verifyHashes() async throws {
        try await withTemporaryDirectory { root in
            try await Self.populate(root)
            let january = StoreSample.partitionFile(root, Self.series, year: 2024, month: 1)
            let attributes = try FileManager.default.attributesOfItem(atPath: january.path)
            var bytes = try [UInt8](Data(contentsOf: january))
            bytes[50] ^= 0x01
            try Data(bytes).write(to: january)
            try FileManager.default.setAttributes(
                [.modificationDate: try #require(attributes[.modificationDate])], ofItemAtPath: january.path)
            let store = try await StoreSample.open(root, verifyHashes: true)
            #expect(
                await store.reconciliation.corruptFiles == [
                    "ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet"
                ])
        }
    }
}
