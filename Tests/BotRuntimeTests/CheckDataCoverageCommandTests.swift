import BotCodecs
import BotData
import BotExchanges
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("CheckDataCoverageCommand")
struct CheckDataCoverageCommandTests {
    typealias Fixture = PaperCacheFixture
    static let base = ["--config", "c.yaml", "--environment", "paper_env"]

    static func check(_ arguments: [String], in folder: URL, now: Int64 = Fixture.start + 9 * Fixture.day) async
        -> Fixture.Outcome
    {
        await Fixture.run(CheckDataCoverageCommand.self, base + arguments, in: folder, now: now)
    }

    @Test("a freshly seeded cache is ok as of now, with the environment's thresholds filled from the profile")
    func seededIsOK() async throws {
        try await Fixture.seeded { folder in
            let result = await Self.check(["--json"], in: folder)
            #expect(result.status == 0, "\(result.output)\(result.error)")
            let report = try Fixture.json(result.output)
            #expect(report["status"] as? String == "ok")
            #expect(report["as_of"] as? String == "2024-01-10T00:00:00+00:00")
            #expect(report["manifest_path"] as? String == "cache/ohlcv_manifest.sqlite")
            let entries = try #require(report["entries"] as? [[String: Any]])
            #expect(
                entries.map { "\($0["symbol"]!)/\($0["interval"]!)" } == [
                    "AAAUSDT/1d", "AAAUSDT/1h", "BBBUSDT/1d", "BBBUSDT/1h",
                ])
            #expect(entries.map { $0["required_rows"] as? Int } == [30, 48, 30, 48])
            #expect(entries.allSatisfy { $0["state"] as? String == "ok" && $0["gap_count"] as? Int == 0 })
            let thresholds = try #require(
                (report["threshold_evaluation"] as? [String: Any])?["thresholds"] as? [String: Any])
            #expect(thresholds["max_gap_minutes"] as? Double == 240)
            #expect(thresholds["min_ok_ratio"] as? Double == 0.9)

            let text = await Self.check([], in: folder)
            #expect(text.status == 0)
            #expect(text.output.contains("Summary: status=ok ok=4/4 warning=0 error=0 stale_entries=0"))
            #expect(text.output.hasSuffix("No coverage problems.\n"))
        }
    }

    @Test("seeding up to now without --end-date passes the default check as of now")
    func defaultNow() async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            // 2024-02-20T13:37Z: a check at an arbitrary time of day, long after the paper window.
            let now = Fixture.start + 50 * Fixture.day + 49_020_000
            let seed = await Fixture.run(
                SeedPaperCacheCommand.self, Self.base + ["--days", "5"], in: folder, now: now)
            #expect(seed.status == 0, "\(seed.error)")
            #expect(await Self.check([], in: folder, now: now).status == 0)
            // And as of the end of the paper window, as the smoke test checks.
            #expect(await Self.check(["--as-of", "2024-01-06"], in: folder, now: now).status == 0)
        }
    }

    @Test("--symbol takes instrument names or exchange symbols, --interval any spelling; unknown ones exit 64")
    func selection() async throws {
        try await Fixture.seeded { folder in
            let one = await Self.check(["--symbol", "AAA_USDT", "--interval", "D1", "--json"], in: folder)
            #expect(one.status == 0, "\(one.error)")
            let entries = try #require(try Fixture.json(one.output)["entries"] as? [[String: Any]])
            #expect(entries.map { "\($0["symbol"]!)/\($0["interval"]!)" } == ["AAAUSDT/1d"])

            let symbol = await Self.check(["--symbol", "bbbusdt", "--json"], in: folder)
            let bySymbol = try #require(try Fixture.json(symbol.output)["entries"] as? [[String: Any]])
            #expect(bySymbol.map { $0["symbol"] as? String } == ["BBBUSDT", "BBBUSDT"])

            let unknown = await Self.check(["--symbol", "CCC_USDT"], in: folder)
            #expect(unknown.status == 64)
            #expect(unknown.error.contains("--symbol: CCC_USDT not in the universe of 'paper_env'"))
            let interval = await Self.check(["--interval", "4h"], in: folder)
            #expect(interval.status == 64)
            #expect(interval.error.contains("--interval: 4h is not required for 'paper_env' (known: 1h, 1d)"))
            #expect(await Self.check(["--interval", "1x"], in: folder).status == 64)
            #expect(await Self.check(["--as-of", "yesterday"], in: folder).status == 64)
        }
    }

    @Test("no cache: exit 1 naming the commands that create one")
    func missingCache() async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            let result = await Self.check([], in: folder)
            #expect(result.status == 1)
            #expect(result.error.contains("run seed-paper-cache or backfill first"))
            #expect(result.error.contains("'seed-paper-cache --config c.yaml --environment paper_env'"))
        }
    }

    @Test("a hole written through the store makes the series incomplete (gaps:1) and the check exit 2")
    func hole() async throws {
        try await Fixture.seeded { folder in
            // A separate cache: the daily AAAUSDT series written with three days missing in the middle.
            let store = try await OHLCVStore.open(root: folder.appendingPathComponent("cache2"))
            let generator = SyntheticCandleGenerator()
            for symbol in ["AAA", "BBB"] {
                for interval in [Interval.oneDay, .oneHour] {
                    var candles = generator.candles(
                        symbol: "\(symbol)USDT", baseAsset: symbol, interval: interval,
                        start: Fixture.start - 40 * Fixture.day,
                        through: Fixture.start + 9 * Fixture.day - interval.approximateMilliseconds)
                    if symbol == "AAA", interval == .oneDay {
                        candles = SyntheticDefect.apply(
                            [.hole(Fixture.start..<(Fixture.start + 3 * Fixture.day))], to: candles)
                    }
                    try await store.write(
                        candles,
                        series: SeriesKey(exchange: "binance_spot", symbol: "\(symbol)USDT", interval: interval),
                        now: Fixture.start + 9 * Fixture.day)
                }
            }
            let config = Fixture.config.replacingOccurrences(
                of: "data_cache_path: cache\n", with: "data_cache_path: cache2\n")
            try config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            let result = await Self.check(["--json"], in: folder)
            #expect(result.status == 2)
            let report = try Fixture.json(result.output)
            let entry = try #require((report["entries"] as? [[String: Any]])?.first)
            #expect(entry["state"] as? String == "incomplete")
            #expect(entry["issues"] as? [String] == ["insufficient_rows:27<30", "gaps:1"])
            #expect(entry["largest_gap_minutes"] as? Double == 4320)
            #expect(
                (report["threshold_issues"] as? [String])
                    == ["max_gap_exceeded:4320.0>240.0", "ok_ratio_below_threshold:0.75<0.9"])
        }
    }

    @Test("a deleted partition, once the store reconciles it, is missing history")
    func deletedPartition() async throws {
        try await Fixture.seeded { folder in
            let december = "cache/ohlcv_parquet/binance_spot/BBBUSDT/1d/year=2023/month=12/data.parquet"
            try FileManager.default.removeItem(at: folder.appendingPathComponent(december))
            _ = try await OHLCVStore.open(root: folder.appendingPathComponent("cache"))
            let result = await Self.check(["--symbol", "BBB_USDT", "--interval", "1d"], in: folder)
            #expect(result.status == 2)
            #expect(result.output.contains(" - BBBUSDT 1d: status=error state=incomplete rows=8/30"))
            #expect(result.output.contains(" * BBBUSDT/1d: insufficient_rows:8<30"))
        }
    }

    @Test("stale only is a warning; long after the last candle it is stale and incomplete; both exit 2")
    func stale() async throws {
        try await Fixture.seeded { folder in
            // The last daily candle closed at 2024-01-10 00:00; 26 h later it is stale (limit 25 h).
            let warning = await Self.check(["--interval", "1d", "--as-of", "2024-01-11T02:00", "--json"], in: folder)
            #expect(warning.status == 2)
            let report = try Fixture.json(warning.output)
            // The series are only stale, a warning; the day missing at the end still breaks max_gap_minutes 240.
            #expect((report["summary"] as? [String: Any])?["status"] as? String == "warning")
            #expect(report["status"] as? String == "error")
            #expect((report["threshold_issues"] as? [String])?.first == "max_gap_exceeded:1440.0>240.0")
            let entries = try #require(report["entries"] as? [[String: Any]])
            #expect(entries.allSatisfy { $0["state"] as? String == "stale" && $0["status"] as? String == "warning" })
            #expect((entries.first?["issues"] as? [String]) == ["stale:1560.0>1500.0"])

            let late = await Self.check(["--as-of", "2024-03-01", "--output", "reports/coverage.json"], in: folder)
            #expect(late.status == 2)
            #expect(late.output.contains(" - AAAUSDT 1h: status=error state=stale rows=0/48"))
            #expect(late.output.contains("Summary: status=error ok=0/4 warning=0 error=4 stale_entries=4"))
            let written = try String(
                contentsOf: folder.appendingPathComponent("reports/coverage.json"), encoding: .utf8)
            #expect(try Fixture.json(written)["status"] as? String == "error")
        }
    }
}
