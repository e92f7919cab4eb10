import BotData
import BotExchanges
import BotRuntime
import Foundation
import TestSupport
import Testing

/// `run-daily-trend` in process over a cache written from known price paths.
@Suite("RunDailyTrendCommand")
struct RunDailyTrendCommandTests {
    typealias Fixture = PaperCacheFixture
    static let day = Fixture.day
    /// The smoke window: 2024-03-01 to 2024-03-30 (30 bars); 60 quiet bars before it.
    static let windowStart = Fixture.start + 60 * day
    /// The wall clock of every run: 2024-07-19, long after the window.
    static let now = Fixture.start + 200 * day

    static func config(dailyLoss: Double = 0.05) -> String {
        """
        risk_profiles:
          balanced:
            max_daily_loss_pct: \(dailyLoss)
            max_position_pct: 0.5
            target_volatility: 0.5
            max_leverage: 3.0
            stop_loss_atr_multiple: 1.0
            max_open_positions: 5
            hard_drawdown_pct: 0.9
        runtime:
          controllers:
            daily: {tick_seconds: 86400, interval: 1d}
        strategies:
          fast_trend:
            engine: daily_trend_momentum
            parameters: {fast_ma: 3, slow_ma: 5, breakout_lookback: 4, momentum_window: 3, atr_window: 3, atr_multiplier: 1.5, min_trend_strength: 0.0, min_momentum: 0.0}
        instrument_universes:
          small:
            instruments:
              TTT_USDT:
                base_asset: TTT
                quote_asset: USDT
                categories: [test]
                exchanges: {binance_spot: TTTUSDT}
                backfill:
                  - {interval: 1d, lookback_days: 40}
        environments:
          paper_env:
            exchange: binance_spot
            environment: paper
            keychain_key: paper_key
            data_cache_path: cache
            risk_profile: balanced
            instrument_universe: small
            default_strategy: fast_trend
            default_controller: daily
            data_quality: {max_gap_minutes: 2160, min_ok_ratio: 1.0}
            adapter_settings:
              paper_trading:
                initial_balances: {USDT: 100000.0}
                default_market: {min_quantity: 0.001, min_notional: 10.0}
          live_env:
            exchange: binance_spot
            environment: live
            keychain_key: live_key
            data_cache_path: live
            risk_profile: balanced
            instrument_universe: small
            default_strategy: fast_trend
            default_controller: daily

        """
    }

    /// Closes for the cache: 60 quiet days, then 15 days up 2 % a day, then 15 down 3 % a day.
    static func trendTurn() -> [Double] {
        var closes = (0..<60).map { 100 * (1 + 0.003 * sin(Double($0))) }
        for _ in 0..<15 { closes.append(closes.last! * 1.02) }
        for _ in 0..<15 { closes.append(closes.last! * 0.97) }
        return closes
    }

    /// A folder with `c.yaml` and a cache holding `closes` as daily TTTUSDT candles from 2024-01-01.
    static func folder(
        closes: [Double], config: String = config(), _ body: (URL) async throws -> Void
    ) async throws {
        try await withTemporaryDirectory { folder in
            try config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            var previous = closes[0]
            let candles = closes.enumerated().map { index, close in
                defer { previous = close }
                return Candle(
                    openTime: Fixture.start + Int64(index) * day, open: previous,
                    high: max(previous, close) * 1.005, low: min(previous, close) * 0.995, close: close, volume: 1000)
            }
            let store = try await OHLCVStore.open(root: folder.appendingPathComponent("cache"))
            let series = try SeriesKey(exchange: "binance_spot", symbol: "TTTUSDT", interval: .oneDay)
            try await store.write(candles, series: series, now: Fixture.start + Int64(closes.count + 1) * day)
            try await body(folder)
        }
    }

    static func smoke(_ extra: [String] = [], in folder: URL) async -> Fixture.Outcome {
        await Fixture.run(
            RunDailyTrendCommand.self,
            [
                "--config", "c.yaml", "--environment", "paper_env", "--paper-smoke", "--date-window",
                "2024-03-01:2024-03-30", "--smoke-output", "out", "--paper-smoke-audit-log", "audit/log.md",
                "--paper-smoke-json-log", "audit/log.jsonl", "--paper-precheck-audit-dir", "audit/precheck",
            ] + extra, in: folder, now: Self.now)
    }

    /// The report folder the smoke test wrote under `out/`.
    static func report(in folder: URL) throws -> URL {
        let out = folder.appendingPathComponent("out")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: out.path).first {
                $0.hasPrefix("daily_trend_smoke_") && !$0.hasSuffix(".zip")
            })
        return out.appendingPathComponent(name)
    }

    static func ledger(in report: URL) throws -> [[String: Any]] {
        try String(contentsOf: report.appendingPathComponent("ledger.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try Fixture.json(String($0)) }
    }

    @Test("a window where the trend turns: the smoke ledger has entries and exits, the risk state books them")
    func trendTurnSmoke() async throws {
        try await Self.folder(closes: Self.trendTurn()) { folder in
            let outcome = await Self.smoke(["--paper-smoke-summary-json", "ci/smoke.json"], in: folder)
            #expect(outcome.status == 0, "\(outcome.error)")
            let report = try Self.report(in: folder)
            let structured = try Fixture.json(
                String(contentsOf: folder.appendingPathComponent("ci/smoke.json"), encoding: .utf8))
            #expect(structured["status"] as? String == "ok")
            #expect((structured["json_log"] as? [String: Any])?["record_id"] as? String != nil)
            let fills = try Self.ledger(in: report).filter { $0["status"] as? String == "filled" }
            #expect(fills.contains { $0["side"] as? String == "buy" })
            #expect(fills.contains { $0["side"] as? String == "sell" })
            let summary = try Fixture.json(
                String(contentsOf: report.appendingPathComponent("summary.json"), encoding: .utf8))
            #expect(summary["status"] as? String == "ok")
            let risk = try #require(summary["risk_state"] as? [String: Any])
            #expect((risk["positions"] as? [String: Any])?.isEmpty == true)
            // The round trips were booked: equity moved away from the starting 100 000.
            let equity = try #require(risk["equity"] as? Double)
            #expect(abs(equity - 100_000) > 1)
            // The sandboxed risk state is in the report folder; the environment's own was never written.
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("risk_state.json").path))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("cache/risk").path))
            let decisions = try String(
                contentsOf: report.appendingPathComponent("decisions.jsonl"), encoding: .utf8)
            #expect(decisions.contains("\"event\":\"order_executed\""))
            // The audit logs got their entries, and the pre-check report was kept.
            let markdown = try String(contentsOf: folder.appendingPathComponent("audit/log.md"), encoding: .utf8)
            #expect(markdown.contains("| S-0001 |"))
            #expect(
                try FileManager.default.contentsOfDirectory(
                    atPath: folder.appendingPathComponent("audit/precheck").path
                ).count == 1)
        }
    }

    @Test("a crash beyond the daily loss limit: liquidation mode, the position closed, the summary says so")
    func dailyLossLiquidation() async throws {
        // 60 quiet days, 29 up, and on the window's last day (2024-03-30) a 30 % crash.
        var closes = Array(Self.trendTurn().prefix(60))
        for _ in 0..<29 { closes.append(closes.last! * 1.02) }
        closes.append(closes.last! * 0.7)
        try await Self.folder(closes: closes, config: Self.config(dailyLoss: 0.02)) { folder in
            let outcome = await Self.smoke(in: folder)
            #expect(outcome.status == 0, "\(outcome.error)")
            let report = try Self.report(in: folder)
            let summary = try Fixture.json(
                String(contentsOf: report.appendingPathComponent("summary.json"), encoding: .utf8))
            let risk = try #require(summary["risk_state"] as? [String: Any])
            #expect(risk["mode"] as? String == "liquidation")
            #expect((risk["liquidation"] as? [String: Any])?["limit"] as? String == "daily_loss_limit")
            #expect((risk["positions"] as? [String: Any])?.isEmpty == true)
            let sells = try Self.ledger(in: report).filter {
                $0["status"] as? String == "filled" && $0["side"] as? String == "sell"
            }
            #expect(sells.count == 1)
            let decisions = try String(
                contentsOf: report.appendingPathComponent("decisions.jsonl"), encoding: .utf8)
            #expect(decisions.contains("\"event\":\"liquidation_entered\""))
        }
    }

    @Test("low free space: with --smoke-fail-on-low-space exit 4 after the report is written")
    func lowSpace() async throws {
        try await Self.folder(closes: Self.trendTurn()) { folder in
            let outcome = await Self.smoke(
                ["--smoke-min-free-mb", "1000000000000", "--smoke-fail-on-low-space"], in: folder)
            #expect(outcome.status == 4, "\(outcome.error)")
            let report = try Self.report(in: folder)
            let summary = try Fixture.json(
                String(contentsOf: report.appendingPathComponent("summary.json"), encoding: .utf8))
            #expect(summary["status"] as? String == "warning")
            #expect((summary["storage"] as? [String: Any])?["status"] as? String == "low")
        }
    }

    @Test("a cache without the window's bars: exit 1 naming the symbol and the fix, no report left behind")
    func missingBars() async throws {
        try await Self.folder(closes: Array(Self.trendTurn().prefix(70))) { folder in
            let outcome = await Self.smoke(["--skip-paper-precheck"], in: folder)
            #expect(outcome.status == 1)
            #expect(outcome.error.contains("TTTUSDT 1d"))
            #expect(outcome.error.contains("seed-paper-cache"))
            let out = folder.appendingPathComponent("out")
            #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
        }
    }

    @Test("the dry run builds the pipeline and writes no state")
    func dryRun() async throws {
        try await Self.folder(closes: Self.trendTurn()) { folder in
            let outcome = await Fixture.run(
                RunDailyTrendCommand.self, ["--config", "c.yaml", "--environment", "paper_env", "--dry-run"],
                in: folder, now: Self.now)
            #expect(outcome.status == 0, "\(outcome.error)")
            #expect(outcome.output.contains("TTTUSDT 1d: 90 candles"))
            for path in ["cache/risk", "cache/paper", "cache/audit"] {
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path))
            }
        }
    }

    @Test("a live environment is refused with exit 3 listing the gates; --allow-live alone is not enough")
    func liveRefused() async throws {
        try await Self.folder(closes: Self.trendTurn()) { folder in
            for extra in [[], ["--allow-live"], ["--allow-live", "--dry-run"], ["--paper-smoke", "--allow-live"]] {
                let outcome = await Fixture.run(
                    RunDailyTrendCommand.self, ["--config", "c.yaml", "--environment", "live_env"] + extra,
                    in: folder, now: Self.now)
                #expect(outcome.status == 3, "\(extra): \(outcome.error)")
            }
            let outcome = await Fixture.run(
                RunDailyTrendCommand.self, ["--config", "c.yaml", "--environment", "live_env", "--allow-live"],
                in: folder, now: Self.now)
            #expect(outcome.error.contains("compliance_confirmed"))
            #expect(!outcome.error.contains("allow_live_flag"))
        }
    }

    @Test("bad command lines exit 64: a malformed window, smoke flags without --paper-smoke")
    func usageErrors() async throws {
        try await Self.folder(closes: Self.trendTurn()) { folder in
            for arguments in [
                ["--paper-smoke", "--date-window", "2024-02-15:2024-01-01"],
                ["--paper-smoke", "--date-window", "yesterday"],
                ["--date-window", "2024-01-01:2024-02-15"],
                ["--metrics-port", "70000"],
            ] {
                let outcome = await Fixture.run(
                    RunDailyTrendCommand.self, ["--config", "c.yaml", "--environment", "paper_env"] + arguments,
                    in: folder, now: Self.now)
                #expect(outcome.status == 64, "\(arguments): \(outcome.error)")
            }
        }
    }
}
