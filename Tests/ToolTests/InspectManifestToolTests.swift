import Foundation
import TestSupport
import Testing

/// Runs the built `inspect-manifest` executable over a copy of `Tests/Fixtures/store/cache` (written by
/// OHLCVStore: BTCUSDT 1d over Dec 2023–Jan 2024, ETHUSD 1h on 2024-01-01, one ledger segment, one watermark).
@Suite("inspect-manifest (end to end)")
struct InspectManifestToolTests {
    static var tool: String { PackageLayout.builtExecutable("inspect-manifest").path }
    static let january = "ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet"

    static func run(_ arguments: [String], in folder: URL = PackageLayout.root) throws -> ProcessResult {
        #expect(FileManager.default.isExecutableFile(atPath: tool), "build the package first: \(tool) is missing")
        return try runProcess(tool, arguments, workingDirectory: folder)
    }

    /// A private copy of the fixture cache under `folder`.
    static func copyCache(into folder: URL) throws -> URL {
        let cache = folder.appendingPathComponent("cache")
        try FileManager.default.copyItem(at: PackageLayout.fixtures.appendingPathComponent("store/cache"), to: cache)
        return cache
    }

    @Test("--verify on a consistent cache lists series, partitions, ledger and watermarks and exits 0")
    func verifyOK() throws {
        try withTemporaryDirectory { folder in
            let cache = try Self.copyCache(into: folder)
            let result = try Self.run(["--cache", cache.path, "--verify"])
            #expect(result.status == 0, "\(result.errorText)")
            let lines = result.outputText.split(separator: "\n").map(String.init)
            #expect(lines.contains("series (2):") && lines.contains("partitions (3):"))
            #expect(
                lines.contains(
                    "  binance_spot/BTCUSDT/1d  rows 40  first 2023-12-22T00:00:00.000Z (1703203200000)  "
                        + "last 2024-01-30T00:00:00.000Z (1706572800000)"))
            #expect(lines.contains { $0.hasPrefix("  \(Self.january)  rows 30  ") && $0.contains("sha256 ") })
            #expect(lines.contains("ledger (1):") && lines.contains("watermarks (1):"))
            #expect(lines.last == "verify: ok (3 partitions re-read, rows and SHA-256 match)")
        }
    }

    @Test("--json with --series lists only that series with stable keys")
    func json() throws {
        try withTemporaryDirectory { folder in
            let cache = try Self.copyCache(into: folder)
            let result = try Self.run([
                "--cache=\(cache.path)", "--series", "kraken_spot/ETHUSD/1h", "--json", "--verify",
            ])
            #expect(result.status == 0, "\(result.errorText)")
            let object = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
            let series = try #require(object["series"] as? [[String: Any]])
            #expect(series.count == 1)
            #expect(series.first?["rows"] as? Int == 24)
            #expect(series.first?["first_open_time"] as? Int64 == 1_704_067_200_000)
            #expect(series.first?["last_open_time_iso"] as? String == "2024-01-01T23:00:00.000Z")
            let partitions = try #require(object["partitions"] as? [[String: Any]])
            #expect(
                partitions.map { $0["path"] as? String } == [
                    "ohlcv_parquet/kraken_spot/ETHUSD/1h/year=2024/month=01/data.parquet"
                ])
            #expect((partitions.first?["sha256"] as? String)?.count == 64)
            #expect((object["ledger"] as? [[String: Any]])?.first?["rows"] as? Int == 24)
            #expect(
                (object["watermarks"] as? [[String: Any]])?.first?["high_water_open_time"] as? Int64
                    == 1_704_150_000_000)
            let verify = try #require(object["verify"] as? [String: Any])
            #expect(verify["ok"] as? Bool == true)
        }
    }

    @Test("a damaged partition and a deleted one make --verify exit 2, listing each file")
    func mismatches() throws {
        try withTemporaryDirectory { folder in
            let cache = try Self.copyCache(into: folder)
            let january = cache.appendingPathComponent(Self.january)
            var bytes = try [UInt8](Data(contentsOf: january))
            for offset in 40..<48 { bytes[offset] ^= 0x5A }
            try Data(bytes).write(to: january)
            let hourly = "ohlcv_parquet/kraken_spot/ETHUSD/1h/year=2024/month=01/data.parquet"
            try FileManager.default.removeItem(at: cache.appendingPathComponent(hourly))

            let result = try Self.run(["--cache", cache.path, "--verify"])
            #expect(result.status == 2)
            let lines = result.outputText.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix("verify: ") && $0.hasSuffix("mismatches:") })
            #expect(lines.contains { $0.hasPrefix("  \(Self.january): SHA-256 ") })
            #expect(lines.contains { $0.hasPrefix("  \(Self.january): cannot be read as candles") })
            #expect(lines.contains { $0.hasPrefix("  \(hourly): recorded in the manifest but the file is missing") })
            // Without --verify the listing alone succeeds.
            #expect(try Self.run(["--cache", cache.path]).status == 0)
        }
    }

    @Test("--config with --environment takes the environment's data_cache_path (relative to the working folder)")
    func fromConfig() throws {
        try withTemporaryDirectory { folder in
            _ = try Self.copyCache(into: folder)
            let text = try String(
                contentsOf: PackageLayout.fixtures.appendingPathComponent("config/minimal.yaml"), encoding: .utf8
            )
            .replacingOccurrences(of: "data_cache_path: ./var/data/paper", with: "data_cache_path: ./cache")
            try text.write(to: folder.appendingPathComponent("core.yaml"), atomically: true, encoding: .utf8)
            let result = try Self.run(["--config", "core.yaml", "--environment", "paper", "--verify"], in: folder)
            #expect(result.status == 0, "\(result.errorText)")
            #expect(result.outputText.contains("partitions (3):"))
            let unknown = try Self.run(["--config", "core.yaml", "--environment", "live"], in: folder)
            #expect(unknown.status == 64)
            #expect(unknown.errorText.contains("no environment 'live'"))
        }
    }

    @Test("a folder without a manifest exits 1 naming it, and creates nothing")
    func cannotOpen() throws {
        try withTemporaryDirectory { folder in
            let result = try Self.run(["--cache", folder.path])
            #expect(result.status == 1)
            #expect(result.errorText.contains("no manifest at \(folder.path)/ohlcv_manifest.sqlite"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    @Test(
        "bad command lines exit 64",
        arguments: [
            ["--verfy", "--cache", "x"], [], ["--config", "c.yaml"],
            ["--cache", "x", "--config", "c.yaml", "--environment", "e"], ["--cache", "x", "--series", "BTCUSDT"],
        ])
    func usage(_ arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(result.errorText.contains("USAGE: inspect-manifest"))
        #expect(result.outputText.isEmpty)
    }

    @Test("--help exits 0 and documents the options and exit codes")
    func help() throws {
        let result = try Self.run(["--help"])
        #expect(result.status == 0)
        for text in [
            "--cache <path>", "--config <path>", "--environment <name>", "--series", "--verify", "--json", "EXIT CODES",
        ] {
            #expect(result.outputText.contains(text), "help lacks \(text)")
        }
    }
}
