import Foundation
import Synchronization
import TestSupport
import Testing

/// Runs the built `run-daily-trend` continuously against the exchange simulator on loopback: metrics are
/// served while it polls, and SIGINT ends it cleanly.
@Suite("run-daily-trend (end to end)")
struct RunDailyTrendToolTests {
    static func config(baseURL: String) -> String {
        """
        risk_profiles:
          balanced:
            max_daily_loss_pct: 0.05
            max_position_pct: 0.2
            target_volatility: 0.2
            max_leverage: 3.0
            stop_loss_atr_multiple: 1.0
            max_open_positions: 5
            hard_drawdown_pct: 0.5
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
              BTC_USDT:
                base_asset: BTC
                quote_asset: USDT
                categories: [core]
                exchanges: {binance_spot: BTCUSDT}
                backfill:
                  - {interval: 1d, lookback_days: 40}
        environments:
          paper:
            exchange: binance_spot
            environment: paper
            keychain_key: paper_key
            data_cache_path: cache
            risk_profile: balanced
            instrument_universe: small
            default_strategy: fast_trend
            default_controller: daily
            adapter_settings:
              api_base_url: \(baseURL)
              paper_trading:
                initial_balances: {USDT: 100000.0}

        """
    }

    /// A free loopback port (closed again; the tool binds it a moment later).
    static func freePort() throws -> Int {
        let result = try runProcess(
            "python3",
            ["-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"])
        return try #require(Int(result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// A process whose standard error is collected as it arrives.
    final class Running: Sendable {
        /// Standard error so far; a class so the pipe's handler can share it.
        final class Collected: Sendable {
            let text = Mutex("")
        }

        let process: Process
        private let collected = Collected()

        init(_ tool: String, _ arguments: [String], in folder: URL) throws {
            let path = PackageLayout.builtExecutable(tool).path
            #expect(FileManager.default.isExecutableFile(atPath: path), "build the package first: \(path) is missing")
            let process = Process()
            let errors = Pipe()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            let collected = self.collected
            errors.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                collected.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
            self.process = process
        }

        var text: String { collected.text.withLock { $0 } }

        /// Waits until the log contains `needle` or the process ends; a safety net of 120 s, not a timing
        /// assertion.
        func wait(for needle: String) -> Bool {
            for _ in 0..<1200 {
                if text.contains(needle) { return true }
                if !process.isRunning { return text.contains(needle) }
                usleep(100_000)
            }
            return false
        }

        func interrupt() -> Int32 {
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test("continuous run: /metrics is valid Prometheus text while it polls; SIGINT closes positions and exits 0")
    func continuousRunWithMetricsAndInterrupt() throws {
        let simulator = try ExchangeSimulatorToolTests.Running(["--seed", "7"])
        defer { _ = simulator.stop(SIGTERM) }
        let baseURL = simulator.firstLine
        #expect(baseURL.hasPrefix("http://127.0.0.1:"))
        try withTemporaryDirectory { folder in
            try Self.config(baseURL: baseURL).write(
                to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            let port = try Self.freePort()
            let run = try Running(
                "run-daily-trend",
                [
                    "--config", "c.yaml", "--environment", "paper", "--poll-seconds", "1", "--history-bars", "30",
                    "--health-interval", "1", "--metrics-port", String(port),
                ],
                in: folder)
            #expect(run.wait(for: "Cycle 2:"), "no second cycle:\n\(run.text)")
            let curl = try runProcess("curl", ["-s", "-S", "--max-time", "30", "http://127.0.0.1:\(port)/metrics"])
            #expect(curl.status == 0, "\(curl.errorText)")
            let parsed = try Oracle.python("prometheus_parse.py", input: curl.standardOutput)
            let families = try #require(
                try JSONSerialization.jsonObject(with: parsed.standardOutput) as? [[String: Any]])
            let names = Set(families.compactMap { $0["name"] as? String })
            for name in ["trading_cycles", "trading_signals", "trading_liquidation_state", "trading_health_reports"] {
                #expect(names.contains(name), "missing \(name) in \(names.sorted())")
            }
            // Histogram buckets are cumulative: never decreasing, +Inf equal to the count.
            for family in families where family["type"] as? String == "histogram" {
                let samples = family["samples"] as? [[String: Any]] ?? []
                var byLabels: [String: [(Double, Double)]] = [:]
                var counts: [String: Double] = [:]
                for sample in samples {
                    var labels = sample["labels"] as? [String: String] ?? [:]
                    let value = Double(sample["value"] as? String ?? "") ?? -1
                    let le = labels.removeValue(forKey: "le")
                    let key = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                    if let le, let bound = Double(le) { byLabels[key, default: []].append((bound, value)) }
                    if (sample["name"] as? String)?.hasSuffix("_count") == true { counts[key] = value }
                }
                for (key, buckets) in byLabels {
                    let values = buckets.sorted { $0.0 < $1.0 }.map(\.1)
                    #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 })
                    #expect(values.last == counts[key])
                }
            }
            #expect(run.wait(for: "Health:"))
            let status = run.interrupt()
            #expect(status == 0, "\(run.text)")
            #expect(run.text.contains("Shutdown complete"))
            #expect(run.text.contains("paper positions; final report"))
            let account = folder.appendingPathComponent("cache/paper/paper_account.json")
            let saved = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: account)) as? [String: Any])
            #expect((saved["positions"] as? [String: Any])?.isEmpty == true)
            let risk = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: folder.appendingPathComponent("cache/risk/paper_balanced.json")))
                    as? [String: Any])
            #expect((risk["positions"] as? [String: Any] ?? [:]).isEmpty)
        }
    }
}
