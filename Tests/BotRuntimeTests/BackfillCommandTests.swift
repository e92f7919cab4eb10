import BotData
import BotExchanges
import BotRuntime
import Foundation
import TestSupport
import Testing

/// `backfill` in process at a fixed "now", against an in-process simulator sharing that clock.
@Suite("BackfillCommand", .timeLimit(.minutes(1)))
struct BackfillCommandTests {
    /// 2024-06-01T12:30:00Z.
    static let now: Int64 = 1_717_245_000_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    static func config(exchange: String, url: URL, symbols: [String: String]) -> String {
        var instruments = ""
        for (name, symbol) in symbols.sorted(by: { $0.key < $1.key }) {
            instruments += """
                      \(name):
                        base_asset: \(name.split(separator: "_")[0])
                        quote_asset: \(name.split(separator: "_")[1])
                        categories: [core]
                        exchanges:
                          \(exchange): \(symbol)
                        backfill:
                          - interval: 1h
                            lookback_days: 20
                          - interval: 1d
                            lookback_days: 100

                """
        }
        return """
            risk_profiles:
              balanced:
                max_daily_loss_pct: 0.015
                max_position_pct: 0.05
                target_volatility: 0.11
                max_leverage: 3.0
                stop_loss_atr_multiple: 1.5
                max_open_positions: 5
                hard_drawdown_pct: 0.1
            instrument_universes:
              core:
                description: test
                instruments:
            \(instruments)
            environments:
              paper:
                exchange: \(exchange)
                environment: paper
                keychain_key: k
                data_cache_path: cache
                risk_profile: balanced
                instrument_universe: core
                adapter_settings:
                  api_base_url: \(url.absoluteString)
            """
    }

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    /// Runs `backfill` in `folder` (its config written there) against a fresh simulator.
    static func run(
        _ arguments: [String], exchange: String = "binance_spot", symbols: [String: String] = ["BTC_USDT": "BTCUSDT"],
        folder: URL, terminal: Bool = false
    ) async throws -> Outcome {
        let simulator = ExchangeSimulator(market: SyntheticMarket(seed: 2), rateLimits: .unlimited, now: { now })
        let url = try await simulator.start()
        try config(exchange: exchange, url: url, symbols: symbols)
            .write(to: folder.appendingPathComponent("core.yaml"), atomically: true, encoding: .utf8)
        let output = CapturedOutput()
        let error = CapturedOutput()
        let context = ToolContext(
            standardOutput: output, standardError: error, now: { now }, currentDirectory: folder.path,
            isStandardErrorTerminal: terminal)
        let status = await BackfillCommand.main(
            ["--config", "core.yaml", "--environment", "paper"] + arguments, environment: [:], context: context)
        await simulator.stop()
        return Outcome(status: status, output: output.text, error: error.text)
    }

    static func json(_ text: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return try #require(object["series"] as? [[String: Any]])
    }

    @Test("windows come from the universe; --interval adds seed 004 defaults; --symbol filters")
    func plan() async throws {
        try await withTemporaryDirectory { folder in
            let symbols = ["BTC_USDT": "BTCUSDT", "ETH_USDT": "ETHUSDT"]
            let all = try await Self.run(["--run-once", "--json"], symbols: symbols, folder: folder)
            #expect(all.status == 0, "\(all.error)")
            let series = try Self.json(all.output)
            #expect(
                series.map { "\($0["symbol"]!) \($0["interval"]!)" } == [
                    "BTCUSDT 1h", "BTCUSDT 1d", "ETHUSDT 1h", "ETHUSDT 1d",
                ])
            let hourStart = Self.now - 20 * Self.day + Self.hour / 2
            #expect(series[0]["requested_start"] as? Int64 == hourStart && series[0]["fetched"] as? Int == 20 * 24 - 1)
            #expect(series[1]["fetched"] as? Int == 99 && series[1]["requests"] as? Int == 1)

            let four = try await Self.run(
                ["--run-once", "--json", "--granularity", "4h", "--symbol", "ETHUSDT"], symbols: symbols, folder: folder
            )
            let only = try Self.json(four.output)
            #expect(
                only.count == 1 && only[0]["symbol"] as? String == "ETHUSDT" && only[0]["interval"] as? String == "4h")
            // 180 days of 4h candles (seed 004), the one holding "now" excluded.
            #expect(only[0]["fetched"] as? Int == 180 * 6 - 1)
        }
    }

    @Test("Kraken spot: older history is reported unavailable, not as gaps; the text summary counts successes")
    func krakenSpot() async throws {
        try await withTemporaryDirectory { folder in
            let result = try await Self.run(
                ["--run-once", "--interval", "1h", "--days", "60"], exchange: "kraken_spot",
                symbols: ["BTC_USDT": "XBTUSDT"], folder: folder)
            #expect(result.status == 0, "\(result.error)")
            #expect(
                result.output.contains("✓ XBTUSDT 1h: fetched 719, written 719, skipped 0, gaps left 0, requests 1"))
            #expect(result.output.contains("\(60 * 24 - 720) older candles are unavailable"))
            #expect(result.output.hasSuffix("Success: 1/1\nErrors: 0/1\n"))
        }
    }

    @Test("--latest-only only looks after the newest candle; a full run fills an older hole")
    func latestOnly() async throws {
        try await withTemporaryDirectory { folder in
            let first = try await Self.run(["--run-once", "--interval", "1h", "--days", "10"], folder: folder)
            #expect(first.status == 0)
            // Punch a hole by deleting the older month's file, then re-open so the store notices.
            let series = try SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneHour)
            let root = folder.appendingPathComponent("cache")
            let store = try await OHLCVStore.open(root: root)
            let may = try #require(try await store.partitions(series: series).first { $0.month.month == 5 })
            try FileManager.default.removeItem(at: root.appendingPathComponent(may.path))
            _ = try await OHLCVStore.open(root: root)
            let latest = try await Self.run(
                ["--run-once", "--json", "--interval", "1h", "--days", "10", "--latest-only"], folder: folder)
            let latestRequests = try Self.json(latest.output).first?["requests"] as? Int
            #expect(latest.status == 0 && latestRequests == 0)
            let full = try await Self.run(["--run-once", "--json", "--interval", "1h", "--days", "10"], folder: folder)
            #expect(full.status == 0)
            let summary = try #require(try Self.json(full.output).first)
            #expect(summary["fetched"] as? Int == may.rows && summary["gaps_left"] as? Int == 0)
        }
    }

    @Test("on a terminal the progress line is redrawn in place")
    func terminalProgress() async throws {
        try await withTemporaryDirectory { folder in
            let result = try await Self.run(
                ["--run-once", "--interval", "1h", "--days", "90"], folder: folder, terminal: true)
            #expect(result.status == 0)
            #expect(result.error.contains("\r\u{1B}[2KBTCUSDT 1h: 1000/2159 (46%)"))
            #expect(result.error.contains("\r\u{1B}[2KBTCUSDT 1h: 2159/2159 (100%)"))
        }
    }
}
