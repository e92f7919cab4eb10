import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

@Suite("OHLCVStore manifest: schema and read-only opening")
struct ManifestSchemaTests {
    static func columns(_ table: String, in connection: SQLiteConnection) throws -> [String] {
        try connection.query("PRAGMA table_info(\(table))") { try $0.value(at: 1, as: String.self) }
    }

    @Test("a new manifest has the series, partitions, ledger, watermarks and gap_state tables, in WAL mode")
    func tables() async throws {
        try await withTemporaryDirectory { root in
            _ = try await StoreSample.open(root)
            let connection = try SQLiteConnection(path: root.appendingPathComponent("ohlcv_manifest.sqlite").path)
            #expect(try connection.scalar("PRAGMA journal_mode", as: String.self) == "wal")
            #expect(
                try Self.columns("series", in: connection) == [
                    "id", "exchange", "symbol", "interval", "first_open_time", "last_open_time", "row_count",
                    "updated_at",
                ])
            #expect(
                try Self.columns("partitions", in: connection) == [
                    "series_id", "year", "month", "path", "rows", "first_open_time", "last_open_time", "sha256",
                    "bytes",
                    "modified_ns", "written_at",
                ])
            #expect(
                try Self.columns("ledger", in: connection) == [
                    "content_key", "series_id", "range_start", "range_end", "rows", "kind", "path", "created_at",
                ])
            #expect(
                try Self.columns("watermarks", in: connection) == ["series_id", "high_water_open_time", "updated_at"])
            #expect(try Self.columns("gap_state", in: connection).contains("incident_opened_at"))
            #expect(try connection.scalar("PRAGMA user_version", as: Int.self) == 3)
        }
    }

    @Test("read-only opening never creates or migrates: missing and legacy manifests fail with what to do")
    func readOnly() async throws {
        try await withTemporaryDirectory { root in
            await #expect(
                throws: OHLCVStoreError.manifestMissing(path: root.appendingPathComponent("ohlcv_manifest.sqlite").path)
            ) {
                _ = try await StoreSample.open(root, readOnly: true)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
            // The Python original's manifest: its own tables, user_version 0.
            let legacy = try SQLiteConnection(path: root.appendingPathComponent("ohlcv_manifest.sqlite").path)
            try legacy.execute("CREATE TABLE metadata (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            do {
                _ = try await StoreSample.open(root, readOnly: true)
                Issue.record("opening an unmigrated manifest read-only should fail")
            } catch let error as OHLCVStoreError {
                #expect(error == .manifestNotMigrated(path: root.appendingPathComponent("ohlcv_manifest.sqlite").path))
                #expect(error.description.contains("open the cache once for writing"))
            }
            let writable = try await StoreSample.open(root)
            try await writable.write(
                StoreSample.candles(from: StoreSample.january2024, count: 2, step: StoreSample.day),
                series: StoreSample.btc1d, now: StoreSample.fixedClock())
            let reader = try await StoreSample.open(root, readOnly: true)
            #expect(try await reader.info(of: StoreSample.btc1d)?.rowCount == 2)
            await #expect(throws: OHLCVStoreError.readOnly(path: root.path)) {
                try await reader.write([], series: StoreSample.btc1d, now: 0)
            }
        }
    }
}
