import Foundation
import TestSupport
import Testing

/// Runs the built `backfill` against the built `exchange-simulator` (wall clock) through a temporary
/// config whose `adapter_settings.api_base_url` points at it.
@Suite("backfill (end to end)", .serialized)
struct BackfillToolTests {
    static var tool: String { PackageLayout.builtExecutable("backfill").path }

    /// A config with one Binance spot paper environment reading from `url`, caching in `cache`.
    static func config(in folder: URL, url: String, cache: URL, settings: String = "") throws -> String {
        let minimal = try String(
            contentsOf: PackageLayout.fixtures.appendingPathComponent("config/minimal.yaml"), encoding: .utf8)
        let text = minimal.replacingOccurrences(
            of: "    data_cache_path: ./var/data/paper\n",
            with: "    data_cache_path: \(cache.path)\n    adapter_settings:\n      api_base_url: \(url)\n\(settings)")
        let path = folder.appendingPathComponent("core.yaml")
        try text.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    static func run(_ arguments: [String]) throws -> ProcessResult {
        #expect(FileManager.default.isExecutableFile(atPath: tool), "build the package first: \(tool) is missing")
        return try runProcess(tool, arguments)
    }

    static func json(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    static func series(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["series"] as? [[String: Any]])
    }

    @Test("--run-once --json fills the window with the minimum of requests; a rerun requests nothing")
    func runOnce() throws {
        let simulator = try ExchangeSimulatorToolTests.Running(["--seed", "5"])
        defer { _ = simulator.stop(SIGTERM) }
        try withTemporaryDirectory { folder in
            let cache = folder.appendingPathComponent("cache")
            let config = try Self.config(in: folder, url: simulator.firstLine, cache: cache)
            let arguments = [
                "--config", config, "--environment", "paper", "--run-once", "--json", "--interval", "1h", "--days",
                "60",
            ]
            let first = try Self.run(arguments)
            #expect(first.status == 0, "\(first.errorText)")
            let summary = try #require(try Self.series(Self.json(first)).first)
            let fetched = try #require(summary["fetched"] as? Int)
            #expect((1439...1440).contains(fetched))
            #expect(summary["written"] as? Int == fetched && summary["gaps_left"] as? Int == 0)
            #expect(summary["requests"] as? Int == 2 && summary["status"] as? String == "ok")
            #expect(try Self.json(first)["success"] as? Int == 1)

            let csv = folder.appendingPathComponent("csv")
            let again = try Self.run(arguments + ["--export-csv", csv.path])
            #expect(again.status == 0, "\(again.errorText)")
            let second = try Self.json(again)
            let rerun = try #require(try Self.series(second).first)
            #expect(rerun["requests"] as? Int == 0 && rerun["fetched"] as? Int == 0)
            #expect((rerun["skipped"] as? Int ?? 0) >= fetched)
            let exported = try #require((second["exported"] as? [[String: Any]])?.first)
            let path = try #require(exported["path"] as? String)
            #expect(URL(fileURLWithPath: path).lastPathComponent.hasPrefix("BTCUSDT__1h__"))
            #expect(exported["duplicate"] as? Bool == false)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            #expect(
                lines.first == "open_time,open,high,low,close,volume"
                    && lines.count == (exported["rows"] as? Int ?? 0) + 1)
        }
    }

    @Test("a 418 ban stops with the ban message and exit 1")
    func banned() throws {
        let simulator = try ExchangeSimulatorToolTests.Running(["--ban-418", "--ban-seconds", "90"])
        defer { _ = simulator.stop(SIGTERM) }
        try withTemporaryDirectory { folder in
            let config = try Self.config(
                in: folder, url: simulator.firstLine, cache: folder.appendingPathComponent("c"))
            let result = try Self.run(["--config", config, "--environment", "paper", "--run-once"])
            #expect(result.status == 1)
            #expect(result.errorText.contains("banned this IP (HTTP 418)") && result.errorText.contains("90 s"))
            #expect(result.outputText.contains("STOPPED:"))
        }
    }

    @Test("--help exits 0 and lists the flags; a bad flag exits 64")
    func usage() throws {
        let help = try Self.run(["--help"])
        #expect(help.status == 0)
        for flag in ["--run-once", "--granularity", "--latest-only", "--export-csv", "--prune-older-than", "--since"] {
            #expect(help.outputText.contains(flag), "\(flag)")
        }
        #expect(try Self.run(["--bogus"]).status == 64)
        #expect(try Self.run(["--days", "3", "--since", "2024-01-01"]).status == 64)
    }

    @Test("without --run-once it refreshes, audits gaps, and SIGTERM stops it with exit 0")
    func refreshUntilStopped() throws {
        let simulator = try ExchangeSimulatorToolTests.Running(["--seed", "4"])
        defer { _ = simulator.stop(SIGTERM) }
        try withTemporaryDirectory { folder in
            let cache = folder.appendingPathComponent("cache")
            let config = try Self.config(
                in: folder, url: simulator.firstLine, cache: cache,
                settings: "      ohlcv_refresh_seconds:\n        1h: 1\n      ohlcv_refresh_jitter:\n        1h: 0\n")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.tool)
            process.arguments = [
                "--config", config, "--environment", "paper", "--interval", "1h", "--days", "10", "--enable-alerts",
            ]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let audit = cache.appendingPathComponent("audit/paper_ohlcv_gaps.jsonl")
            // Waits for the first refresh's audit line (a safety net bounds the wait; nothing is timed).
            var waited = 0
            while !FileManager.default.fileExists(atPath: audit.path), waited < 600, process.isRunning {
                Thread.sleep(forTimeInterval: 0.05)
                waited += 1
            }
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(log)")
            let line = try String(contentsOf: audit, encoding: .utf8).split(separator: "\n").first.map(String.init)
            #expect(line?.contains("\"BTCUSDT\"") == true, "\(line ?? "no audit line")")
            #expect(log.contains("refreshing 1h every 1 s") && log.contains("refresh 1h:"))
        }
    }

    @Test("killed with SIGKILL at 20 random moments, each run resumed: the same candles as an uninterrupted run")
    func killAndResume() throws {
        let simulator = try ExchangeSimulatorToolTests.Running(["--seed", "9", "--latency-ms", "15"])
        defer { _ = simulator.stop(SIGTERM) }
        try withTemporaryDirectory { folder in
            let arguments = ["--environment", "paper", "--run-once", "--interval", "1h", "--since", "2023-01-01"]
            func cache(_ name: String) throws -> (config: String, csv: URL, root: URL) {
                let sub = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
                let config = try Self.config(
                    in: sub, url: simulator.firstLine, cache: sub.appendingPathComponent("cache"))
                return (config, sub.appendingPathComponent("csv"), sub.appendingPathComponent("cache"))
            }
            func exported(_ url: URL) throws -> (String, Data) {
                let name = try #require(
                    try FileManager.default.contentsOfDirectory(atPath: url.path).first { $0.hasSuffix(".csv") })
                return (name, try Data(contentsOf: url.appendingPathComponent(name)))
            }
            let clean = try cache("clean")
            let uninterrupted = try Self.run(["--config", clean.config, "--export-csv", clean.csv.path] + arguments)
            #expect(uninterrupted.status == 0, "\(uninterrupted.errorText)")
            let (cleanName, cleanBytes) = try exported(clean.csv)

            // Seeded, so a failure names a reproducible round and delay.
            var state: UInt64 = 0x5EED_0F_B4CF
            for round in 0..<20 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let delay = 0.02 + Double(state >> 40) / Double(1 << 24) * 0.6
                let interrupted = try cache("interrupted-\(round)")
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Self.tool)
                process.arguments = ["--config", interrupted.config] + arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                Thread.sleep(forTimeInterval: delay)
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()

                let resumed = try Self.run(
                    ["--config", interrupted.config, "--export-csv", interrupted.csv.path] + arguments)
                #expect(
                    resumed.status == 0,
                    "round \(round) (killed after \(delay) s): \(resumed.errorText) \(resumed.outputText)")
                let (resumedName, resumedBytes) = try exported(interrupted.csv)
                #expect(
                    resumedName == cleanName && resumedBytes == cleanBytes,
                    "round \(round) (killed after \(delay) s) differs from the uninterrupted run")
                let verify = try runProcess(
                    PackageLayout.builtExecutable("inspect-manifest").path,
                    ["--cache", interrupted.root.path, "--verify"])
                #expect(verify.status == 0, "round \(round): \(verify.outputText)")
                try FileManager.default.removeItem(at: folder.appendingPathComponent("interrupted-\(round)"))
            }
        }
    }
}
