import BotData
import BotExchanges
import Foundation
import TestSupport
import Testing

@Suite("OHLCVStore: CSV import and export")
struct StoreCSVTests {
    @Test("export then import into another cache gives the same candles; the header and ms times are as documented")
    func roundTrip() async throws {
        try await withTemporaryDirectory { root in
            let source = try await StoreSample.open(root.appendingPathComponent("a"))
            var candles = StoreSample.candles(from: StoreSample.january2024 - 2 * 3_600_000, count: 30, step: 3_600_000)
            candles[3].volume = 0.000_01
            candles[4].close = 65_432.123456789
            try await source.write(candles, series: StoreSample.eth1h, now: StoreSample.fixedClock())
            let file = root.appendingPathComponent("eth.csv")
            #expect(try await source.exportCSV(series: StoreSample.eth1h, into: file) == 30)
            let text = try String(contentsOf: file, encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.first == "open_time,open,high,low,close,volume")
            #expect(lines[1] == "1704060000000,100.0,102.0,99.0,100.5,0.0")
            #expect(lines.count == 31)

            let target = try await StoreSample.open(root.appendingPathComponent("b"))
            let summary = try await target.importCSV(
                url: file, series: StoreSample.eth1h, now: StoreSample.fixedClock())
            #expect(summary.inserted == 30)
            #expect(try await target.read(series: StoreSample.eth1h) == candles)
            let window = root.appendingPathComponent("window.csv")
            #expect(
                try await source.exportCSV(
                    series: StoreSample.eth1h, from: StoreSample.january2024,
                    to: StoreSample.january2024 + 3 * 3_600_000, into: window) == 3)
        }
    }

    @Test("import accepts ISO-8601 open times (Z, offsets, fractions, naive as UTC) and columns in any order")
    func isoImport() async throws {
        try await withTemporaryDirectory { root in
            let file = root.appendingPathComponent("iso.csv")
            try """
            volume,open_time,open,high,low,close
            1.5,2024-01-01T00:00:00Z,1,2,0.5,1.5
            2.5,2024-01-01 01:00:00+00:00,2,3,1.5,2.5
            3.5,2024-01-01T04:00:00.000+02:00,3,4,2.5,3.5
            4.5,2024-01-01T03:00:00,4,5,3.5,4.5
            5.5,1704081600000,5,6,4.5,5.5
            """.write(to: file, atomically: true, encoding: .utf8)
            let store = try await StoreSample.open(root.appendingPathComponent("cache"))
            try await store.importCSV(url: file, series: StoreSample.eth1h, now: StoreSample.fixedClock())
            let stored = try await store.read(series: StoreSample.eth1h)
            #expect(stored.map(\.openTime) == (0..<5).map { StoreSample.january2024 + Int64($0) * 3_600_000 })
            #expect(stored.map(\.volume) == [1.5, 2.5, 3.5, 4.5, 5.5])
        }
    }

    @Test("a bad record names the file and line, and nothing is stored")
    func badRecord() async throws {
        try await withTemporaryDirectory { root in
            let file = root.appendingPathComponent("bad.csv")
            try "open_time,open,high,low,close,volume\n1704067200000,1,2,0.5,1.5,1\nyesterday,1,2,0.5,1.5,1\n"
                .write(to: file, atomically: true, encoding: .utf8)
            let store = try await StoreSample.open(root.appendingPathComponent("cache"))
            await #expect(
                throws: OHLCVStoreError.csv(
                    path: file.path, line: 3, reason: "open_time 'yesterday' is neither epoch milliseconds nor ISO-8601"
                )
            ) {
                try await store.importCSV(url: file, series: StoreSample.eth1h, now: StoreSample.fixedClock())
            }
            #expect(try await store.series().isEmpty)
        }
    }
}
