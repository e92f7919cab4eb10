import Foundation
import TestSupport
import Testing

/// Runs the built `seed-paper-cache` and `check-data-coverage` executables in temporary working folders.
@Suite("seed-paper-cache (end to end)")
struct SeedPaperCacheToolTests {
    /// One instrument on binance_spot (1d for 30 days, 1h for 2 days) in a paper environment caching in `cache`.
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
        runtime:
          controllers:
            daily: {tick_seconds: 86400, interval: 1d}
        instrument_universes:
          small:
            instruments:
              BTC_USDT:
                base_asset: BTC
                quote_asset: USDT
                categories: [core]
                exchanges: {binance_spot: BTCUSDT}
                backfill:
                  - {interval: 1d, lookback_days: 30}
                  - {interval: 1h, lookback_days: 2}
        environments:
          paper:
            exchange: binance_spot
            environment: paper
            keychain_key: paper_key
            data_cache_path: cache
            risk_profile: balanced
            instrument_universe: small
            default_controller: daily
            data_quality: {max_gap_minutes: 240, min_ok_ratio: 1.0}

        """

    static func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> ProcessResult {
        let path = PackageLayout.builtExecutable(tool).path
        #expect(FileManager.default.isExecutableFile(atPath: path), "build the package first: \(path) is missing")
        return try runProcess(path, arguments, workingDirectory: folder)
    }

    /// A folder holding `c.yaml`.
    static func folder(_ body: (URL) throws -> Void) throws {
        try withTemporaryDirectory { folder in
            try config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            try body(folder)
        }
    }

    static let seedArguments = [
        "--config", "c.yaml", "--environment", "paper", "--start-date", "2024-01-01", "--days", "20", "--end-date",
        "2024-01-21",
    ]

    /// Every file below `folder/cache/ohlcv_parquet` by relative path.
    static func parquetFiles(in folder: URL) throws -> [String: Data] {
        let root = folder.appendingPathComponent("cache/ohlcv_parquet")
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".parquet") else { continue }
            files[path] = try Data(contentsOf: root.appendingPathComponent(path))
        }
        return files
    }

    @Test("two runs with the same arguments write byte-identical Parquet files; another seed does not")
    func byteIdentical() throws {
        try Self.folder { first in
            try Self.folder { second in
                try Self.folder { other in
                    #expect(try Self.run("seed-paper-cache", Self.seedArguments, in: first).status == 0)
                    #expect(try Self.run("seed-paper-cache", Self.seedArguments, in: second).status == 0)
                    let reseeded = try Self.run("seed-paper-cache", Self.seedArguments + ["--seed", "43"], in: other)
                    #expect(reseeded.status == 0, "\(reseeded.errorText)")
                    let files = try Self.parquetFiles(in: first)
                    #expect(files.count == 5)  // 1d: Nov, Dec, Jan; 1h: Dec, Jan
                    #expect(files.keys.contains("binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet"))
                    #expect(try Self.parquetFiles(in: second) == files)
                    let changed = try Self.parquetFiles(in: other)
                    #expect(Set(changed.keys) == Set(files.keys))
                    #expect(changed.allSatisfy { files[$0.key] != $0.value })
                }
            }
        }
    }

    @Test("the seeded cache passes inspect-manifest --verify and check-data-coverage as of the window end")
    func verifiesAndCovers() throws {
        try Self.folder { folder in
            let seeded = try Self.run("seed-paper-cache", Self.seedArguments + ["--json"], in: folder)
            #expect(seeded.status == 0, "\(seeded.errorText)")
            let report = try #require(try JSONSerialization.jsonObject(with: seeded.standardOutput) as? [String: Any])
            #expect((report["series"] as? [[String: Any]])?.count == 2)
            #expect(seeded.errorText.contains("INFO binance_spot/BTCUSDT/1d: "))
            let verify = try Self.run("inspect-manifest", ["--cache", "cache", "--verify"], in: folder)
            #expect(verify.status == 0, "\(verify.outputText)")
            #expect(verify.outputText.contains("ledger (5):"))
            let check = try Self.run(
                "check-data-coverage", ["--config", "c.yaml", "--environment", "paper", "--as-of", "2024-01-21"],
                in: folder)
            #expect(check.status == 0, "\(check.outputText)")
        }
    }

    @Test("--help exits 0; bad flags exit 64")
    func usage() throws {
        try Self.folder { folder in
            let help = try Self.run("seed-paper-cache", ["--help"], in: folder)
            #expect(help.status == 0)
            #expect(help.outputText.contains("--start-date"))
            for arguments in [["--dayz", "3"], ["--days"], ["--days", "many"], ["--interval", "fortnight"]] {
                let bad = try Self.run("seed-paper-cache", ["--config", "c.yaml"] + arguments, in: folder)
                #expect(bad.status == 64, "\(arguments): \(bad.errorText)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("cache").path))
        }
    }
}
