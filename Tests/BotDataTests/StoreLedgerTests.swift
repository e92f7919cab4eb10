import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

/// The backfill ledger and watermarks of seed 003: exactly-once delivery across runs.
@Suite("OHLCVStore: ledger and watermarks")
struct StoreLedgerTests {
    static func segment(_ key: String, start: Int64, end: Int64, kind: LedgerSegment.Kind = .csv) -> LedgerSegment {
        LedgerSegment(
            contentKey: key, series: StoreSample.btc1m, rangeStart: start, rangeEnd: end,
            rows: Int((end - start) / 60_000) + 1,
            kind: kind, path: "incoming/BTCUSDT__1m__\(start)_\(end).csv", createdAt: 1_700_000_000_000)
    }

    @Test("recording the same content key twice is a no-op, also after reopening; the first record stays")
    func exactlyOnce() async throws {
        try await withTemporaryDirectory { root in
            let key = String(repeating: "ab", count: 32)
            let store = try await StoreSample.open(root)
            #expect(try await store.hasSegment(contentKey: key) == false)
            #expect(try await store.recordSegment(Self.segment(key, start: 0, end: 59 * 60_000)) == true)
            #expect(
                try await store.recordSegment(Self.segment(key, start: 60_000, end: 120_000, kind: .parquet)) == false)
            let reopened = try await StoreSample.open(root)
            #expect(try await reopened.hasSegment(contentKey: key.uppercased()))
            #expect(try await reopened.recordSegment(Self.segment(key, start: 0, end: 59 * 60_000)) == false)
            let segments = try await reopened.segments()
            #expect(segments == [Self.segment(key, start: 0, end: 59 * 60_000)])
        }
    }

    @Test("watermarks only move forward; recording a segment can advance the watermark in the same transaction")
    func watermarks() async throws {
        try await withTemporaryDirectory { root in
            let store = try await StoreSample.open(root)
            #expect(try await store.watermark(series: StoreSample.btc1m) == nil)
            #expect(try await store.advanceWatermark(series: StoreSample.btc1m, to: 1_000, now: 5) == 1_000)
            #expect(try await store.advanceWatermark(series: StoreSample.btc1m, to: 500, now: 6) == 1_000)
            let key = String(repeating: "cd", count: 32)
            try await store.recordSegment(
                Self.segment(key, start: 60_000, end: 3_540_000), advancingWatermarkTo: 3_540_000)
            let mark = try #require(try await store.watermark(series: StoreSample.btc1m))
            #expect(mark.highWaterOpenTime == 3_540_000 && mark.updatedAt == 1_700_000_000_000)
            // A duplicate segment does not move the watermark back either.
            try await store.recordSegment(Self.segment(key, start: 0, end: 60_000), advancingWatermarkTo: 60_000)
            #expect(try await store.watermarks().map(\.highWaterOpenTime) == [3_540_000])
        }
    }
}
