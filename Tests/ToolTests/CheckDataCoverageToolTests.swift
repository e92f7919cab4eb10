import Foundation
import TestSupport
import Testing

/// Runs the built `check-data-coverage` after `seed-paper-cache`, in temporary working folders.
@Suite("check-data-coverage (end to end)")
struct CheckDataCoverageToolTests {
    typealias Seed = SeedPaperCacheToolTests

    static func json(_ result: ProcessResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    }

    static func entries(_ result: ProcessResult) throws -> [String: [String: Any]] {
        let list = try #require(try json(result)["entries"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ("\($0["symbol"]!)/\($0["interval"]!)", $0) })
    }

    @Test("runbook offline path: seed binance_paper of config/core.yaml, coverage ok as of the window's end")
    func runbook() throws {
        try withTemporaryDirectory { folder in
            // The shipped file unchanged: its data_cache_path ./var/data/binance_paper is relative to the
            // working folder, here the temporary one.
            let config = folder.appendingPathComponent("config")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: PackageLayout.root.appendingPathComponent("config/core.yaml"),
                to: config.appendingPathComponent("core.yaml"))
            let seeded = try Seed.run(
                "seed-paper-cache",
                [
                    "--environment", "binance_paper", "--days", "60", "--start-date", "2024-01-01", "--end-date",
                    "2024-03-01",
                ],
                in: folder)
            #expect(seeded.status == 0, "\(seeded.errorText)")
            #expect(seeded.outputText.hasPrefix("seeded 30 series"))
            for asOf in ["2024-02-15", "2024-03-01T00:00"] {
                let check = try Seed.run(
                    "check-data-coverage", ["--environment", "binance_paper", "--json", "--as-of", asOf], in: folder)
                #expect(check.status == 0, "\(check.outputText)")
                let report = try Self.json(check)
                #expect(report["status"] as? String == "ok")
                #expect((report["summary"] as? [String: Any])?["total"] as? Int == 30)
                let entries = try Self.entries(check)
                #expect(entries["BTCUSDT/1d"]?["required_rows"] as? Int == 1825)
                #expect(entries["ETHUSDT/1h"]?["required_rows"] as? Int == 26_280)
                #expect(entries["POLUSDT/15m"]?["required_rows"] as? Int == 34_560)
                #expect(entries["BTCEUR/1d"]?["state"] as? String == "ok")
            }
            let verify = try Seed.run(
                "inspect-manifest", ["--config", "config/core.yaml", "--environment", "binance_paper", "--verify"],
                in: folder)
            #expect(verify.status == 0, "\(verify.outputText)")
        }
    }

    @Test("missing, incomplete and stale series exit 2 and are named")
    func problems() throws {
        try Seed.folder { folder in
            let check = ["--config", "c.yaml", "--environment", "paper", "--json", "--as-of", "2024-01-21"]
            // Only 1d seeded: the 1h series is missing.
            #expect(
                try Seed.run("seed-paper-cache", Seed.seedArguments + ["--interval", "1d"], in: folder).status == 0)
            let missing = try Seed.run("check-data-coverage", check, in: folder)
            #expect(missing.status == 2)
            #expect(try Self.entries(missing)["BTCUSDT/1h"]?["state"] as? String == "missing")
            #expect(
                try Self.entries(missing)["BTCUSDT/1h"]?["issues"] as? [String] == [
                    "missing_data", "insufficient_rows:0<48",
                ])
            #expect(try Self.entries(missing)["BTCUSDT/1d"]?["state"] as? String == "ok")

            // December's daily partition deleted; seeding 1h opens the store, which forgets the lost file.
            let december = "cache/ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2023/month=12/data.parquet"
            try FileManager.default.removeItem(at: folder.appendingPathComponent(december))
            #expect(
                try Seed.run("seed-paper-cache", Seed.seedArguments + ["--interval", "1h"], in: folder).status == 0)
            let incomplete = try Seed.run("check-data-coverage", check, in: folder)
            #expect(incomplete.status == 2)
            let daily = try #require(try Self.entries(incomplete)["BTCUSDT/1d"])
            #expect(daily["state"] as? String == "incomplete")
            #expect(daily["issues"] as? [String] == ["insufficient_rows:19<30"])
            #expect(try Self.entries(incomplete)["BTCUSDT/1h"]?["state"] as? String == "ok")

            // Months after the last candle: stale.
            let stale = try Seed.run(
                "check-data-coverage", ["--config", "c.yaml", "--environment", "paper", "--as-of", "2024-06-01"],
                in: folder)
            #expect(stale.status == 2)
            #expect(stale.outputText.contains(" - BTCUSDT 1h: status=error state=stale rows=0/48"))
            #expect(stale.outputText.contains("Problems:\n"))
        }
    }

    @Test("--output writes the JSON report too; no cache exits 1 naming the seeding command")
    func outputAndNoCache() throws {
        try Seed.folder { folder in
            let none = try Seed.run(
                "check-data-coverage", ["--config", "c.yaml", "--environment", "paper"], in: folder)
            #expect(none.status == 1)
            #expect(none.errorText.contains("run seed-paper-cache or backfill first"))
            #expect(none.errorText.contains("'seed-paper-cache --config c.yaml --environment paper'"))

            #expect(try Seed.run("seed-paper-cache", Seed.seedArguments, in: folder).status == 0)
            let text = try Seed.run(
                "check-data-coverage",
                ["--config", "c.yaml", "--environment", "paper", "--as-of", "2024-01-21", "--output", "out/c.json"],
                in: folder)
            #expect(text.status == 0, "\(text.outputText)")
            #expect(text.outputText.contains("Environment: paper (binance_spot)"))
            let written = try Data(contentsOf: folder.appendingPathComponent("out/c.json"))
            let report = try #require(try JSONSerialization.jsonObject(with: written) as? [String: Any])
            #expect(report["status"] as? String == "ok")
            #expect(report["as_of"] as? String == "2024-01-21T00:00:00+00:00")
        }
    }

    @Test("--help exits 0; bad flags and unknown selections exit 64")
    func usage() throws {
        try Seed.folder { folder in
            let help = try Seed.run("check-data-coverage", ["--help"], in: folder)
            #expect(help.status == 0)
            #expect(help.outputText.contains("--as-of"))
            let cases: [[String]] = [
                [], ["--environment"], ["--environment", "paper", "--jsn"], ["--environment", "paper", "--as-of", "x"],
                ["--environment", "nowhere"], ["--environment", "paper", "--symbol", "XRP_USDT"],
                ["--environment", "paper", "--interval", "15m"],
            ]
            for arguments in cases {
                let bad = try Seed.run("check-data-coverage", ["--config", "c.yaml"] + arguments, in: folder)
                #expect(bad.status == 64, "\(arguments): \(bad.errorText)")
            }
        }
    }
}
