import BotCodecs
import BotData
import BotExchanges
import BotRuntime
import Foundation
import TestSupport
import Testing

/// A small configuration and in-process runners shared by the seed and coverage command tests.
enum PaperCacheFixture {
    /// Two USDT instruments on binance_spot (1d for 30 days, 1h for 2 days), a paper and a live environment.
    static let config = """
        risk_profiles:
          balanced:
            max_daily_loss_pct: 0.015
            max_position_pct: 0.05
            target_volatility: 0.11
            max_leverage: 3.0
            stop_loss_atr_multiple: 1.5
            max_open_positions: 5
            hard_drawdown_pct: 0.1
            data_quality: {max_gap_minutes: 2160.0, min_ok_ratio: 0.9}
        runtime:
          controllers:
            daily: {tick_seconds: 86400, interval: 1d}
        instrument_universes:
          small:
            instruments:
              AAA_USDT:
                base_asset: AAA
                quote_asset: USDT
                categories: [alt]
                exchanges: {binance_spot: AAAUSDT}
                backfill:
                  - {interval: 1d, lookback_days: 30}
                  - {interval: 1h, lookback_days: 2}
              BBB_USDT:
                base_asset: BBB
                quote_asset: USDT
                categories: [alt]
                exchanges: {binance_spot: BBBUSDT}
                backfill:
                  - {interval: 1d, lookback_days: 30}
                  - {interval: 1h, lookback_days: 2}
        environments:
          paper_env:
            exchange: binance_spot
            environment: paper
            keychain_key: paper_key
            data_cache_path: cache
            risk_profile: balanced
            instrument_universe: small
            default_controller: daily
            data_quality: {max_gap_minutes: 240}
          live_env:
            exchange: binance_spot
            environment: live
            keychain_key: live_key
            data_cache_path: live
            risk_profile: balanced
            instrument_universe: small
            default_controller: daily

        """

    static let day: Int64 = 86_400_000
    /// 2024-01-01T00:00:00Z.
    static let start: Int64 = 1_704_067_200_000

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs `Command` in `folder` (holding `c.yaml`) with the wall clock at `now`.
    static func run<Command: ToolCommand>(
        _ command: Command.Type, _ arguments: [String], in folder: URL, now: Int64
    ) async -> Outcome {
        let output = CapturedOutput()
        let error = CapturedOutput()
        let context = ToolContext(
            standardOutput: output, standardError: error, now: { now }, currentDirectory: folder.path)
        let status = await Command.main(arguments, environment: [:], context: context)
        return Outcome(status: status, output: output.text, error: error.text)
    }

    /// A folder with `c.yaml`, seeded for 2024-01-01 + 5 days up to 2024-01-10 (the clock's now).
    static func seeded(_ body: (URL) async throws -> Void) async throws {
        try await withTemporaryDirectory { folder in
            try config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            let seed = await run(
                SeedPaperCacheCommand.self,
                ["--config", "c.yaml", "--environment", "paper_env", "--days", "5", "--start-date", "2024-01-01"],
                in: folder, now: start + 9 * day)
            #expect(seed.status == 0, "\(seed.error)")
            try await body(folder)
        }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

@Suite("SeedPaperCacheCommand")
struct SeedPaperCacheCommandTests {
    typealias Fixture = PaperCacheFixture

    @Test("the window is the reference's series; the history before it ends at the start date's open")
    func windowAndHistory() async throws {
        try await Fixture.seeded { folder in
            let store = try await OHLCVStore.open(root: folder.appendingPathComponent("cache"), readOnly: true)
            let daily = try SeriesKey(exchange: "binance_spot", symbol: "AAAUSDT", interval: .oneDay)
            let candles = try await store.read(series: daily)
            let first = try #require(candles.firstIndex { $0.openTime == Fixture.start })
            // Golden row of reference-data §9 (AAAUSDT, 2024-01-01, seed 42).
            #expect(
                candles[first]
                    == Candle(
                        openTime: Fixture.start, open: 71.63, high: 71.790133, low: 71.187854, close: 71.400822,
                        volume: 128_065.391388))
            #expect(candles[first - 1].close == 71.63)
            // 30 days of lookback plus the margin for a check as of the start date; up to the last closed day.
            #expect(try #require(candles.first).openTime <= Fixture.start - 31 * Fixture.day)
            #expect(candles.last?.openTime == Fixture.start + 8 * Fixture.day)
            let times = candles.map(\.openTime)
            #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 == Fixture.day })
            #expect(candles.allSatisfy { $0.low <= min($0.open, $0.close) && $0.high >= max($0.open, $0.close) })
        }
    }

    @Test("every series gets ledger segments per partition, a watermark, and the manifest verifies")
    func ledgerAndVerify() async throws {
        try await Fixture.seeded { folder in
            let store = try await OHLCVStore.open(root: folder.appendingPathComponent("cache"), readOnly: true)
            let series = try await store.series()
            #expect(
                series.map(\.series.description).sorted() == [
                    "binance_spot/AAAUSDT/1d", "binance_spot/AAAUSDT/1h", "binance_spot/BBBUSDT/1d",
                    "binance_spot/BBBUSDT/1h",
                ])
            let partitions = try await store.partitions()
            let segments = try await store.segments()
            #expect(Set(segments.map(\.contentKey)) == Set(partitions.map(\.sha256)))
            #expect(segments.count == partitions.count)
            let watermarks = try await store.watermarks()
            #expect(watermarks.count == 4)
            for watermark in watermarks {
                #expect(watermark.highWaterOpenTime == series.first { $0.series == watermark.series }?.lastOpenTime)
            }
            #expect(try await store.verify().isEmpty)
        }
    }

    @Test("seeding again with the same arguments changes nothing and records no new segment")
    func idempotent() async throws {
        try await Fixture.seeded { folder in
            let again = await Fixture.run(
                SeedPaperCacheCommand.self,
                ["--config", "c.yaml", "--environment", "paper_env", "--days", "5", "--json"], in: folder,
                now: Fixture.start + 9 * Fixture.day)
            #expect(again.status == 0, "\(again.error)")
            let report = try Fixture.json(again.output)
            let series = try #require(report["series"] as? [[String: Any]])
            #expect(series.count == 4)
            #expect(series.allSatisfy { $0["written"] as? Int == 0 && $0["partitions_written"] as? Int == 0 })
            #expect(report["seed"] as? Int == 42)
            #expect(report["end_date"] as? String == "2024-01-10T00:00:00.000Z")
            let store = try await OHLCVStore.open(root: folder.appendingPathComponent("cache"), readOnly: true)
            #expect(try await store.segments().count == store.partitions().count)
        }
    }

    @Test("--interval seeds only that interval for each symbol; --seed changes the prices")
    func intervalAndSeed() async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            let result = await Fixture.run(
                SeedPaperCacheCommand.self,
                ["--config", "c.yaml", "--environment", "paper_env", "--interval", "D1", "--seed", "7", "--days", "3"],
                in: folder, now: Fixture.start + 3 * Fixture.day)
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output.hasPrefix("seeded 2 series"))
            let store = try await OHLCVStore.open(root: folder.appendingPathComponent("cache"), readOnly: true)
            #expect(try await store.series().map(\.series.interval) == [.oneDay, .oneDay])
            let daily = try SeriesKey(exchange: "binance_spot", symbol: "AAAUSDT", interval: .oneDay)
            let day = try await store.read(series: daily, from: Fixture.start, to: Fixture.start + 1)
            #expect(day.first?.open == 71.63)
            #expect(day.first?.close != 71.400822)
        }
    }

    @Test("refuses a live environment, a window ending after the end date, a future end date, bad values")
    func refusals() async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            let now = Fixture.start + 9 * Fixture.day
            let live = await Fixture.run(
                SeedPaperCacheCommand.self, ["--config", "c.yaml", "--environment", "live_env"], in: folder, now: now)
            #expect(live.status == 1)
            #expect(live.error.contains("environment 'live_env' is live"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("live").path))

            let late = await Fixture.run(
                SeedPaperCacheCommand.self, ["--config", "c.yaml", "--environment", "paper_env", "--days", "60"],
                in: folder, now: now)
            #expect(late.status == 64)
            #expect(late.error.contains("ends at 2024-03-01T00:00:00.000Z, after now"))

            let future = await Fixture.run(
                SeedPaperCacheCommand.self,
                ["--config", "c.yaml", "--environment", "paper_env", "--days", "5", "--end-date", "2025-01-01"],
                in: folder, now: now)
            #expect(future.status == 64)
            #expect(future.error.contains("is in the future"))

            for arguments in [
                ["--days", "0"], ["--interval", "1H"], ["--start-date", "2024-13-01"], ["--seed", "x"],
            ] {
                let bad = await Fixture.run(
                    SeedPaperCacheCommand.self, ["--config", "c.yaml", "--environment", "paper_env"] + arguments,
                    in: folder, now: now)
                #expect(bad.status == 64, "\(arguments): \(bad.error)")
            }

            let unknown = await Fixture.run(
                SeedPaperCacheCommand.self, ["--config", "c.yaml", "--environment", "nope"], in: folder, now: now)
            #expect(unknown.status == 64)
            #expect(unknown.error.contains("no environment 'nope' in c.yaml (known: paper_env, live_env)"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("cache").path))
        }
    }
}
