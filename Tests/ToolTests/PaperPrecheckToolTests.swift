import Foundation
import TestSupport
import Testing

/// Runs the built `paper-precheck` on a cache seeded by the built `seed-paper-cache`.
@Suite("paper-precheck (end to end)")
struct PaperPrecheckToolTests {
    typealias Seed = SeedPaperCacheToolTests

    /// One instrument, daily candles only: seeding and checking stay fast.
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
        environments:
          paper:
            exchange: binance_spot
            environment: paper
            keychain_key: paper_key
            data_cache_path: cache
            risk_profile: balanced
            instrument_universe: small
            default_controller: daily
            data_quality: {max_gap_minutes: 2160, min_ok_ratio: 1.0}

        """

    @Test("seeded cache, checked as of the window's end: exit 0, report kept with sha256sum's digest")
    func seededWindow() throws {
        try withTemporaryDirectory { folder in
            try Self.config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            let seeded = try Seed.run(
                "seed-paper-cache",
                [
                    "--config", "c.yaml", "--environment", "paper", "--start-date", "2024-01-01", "--days", "20",
                    "--end-date", "2024-01-21",
                ],
                in: folder)
            #expect(seeded.status == 0, "\(seeded.errorText)")

            let audit = folder.appendingPathComponent("reports")
            let result = try Seed.run(
                "paper-precheck",
                [
                    "--config", "c.yaml", "--environment", "paper", "--json", "--as-of", "2024-01-21", "--audit-dir",
                    audit.path,
                ],
                in: folder)
            #expect(result.status == 0, "\(result.outputText)\(result.errorText)")
            let payload = try #require(
                try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
            #expect(payload["status"] as? String == "ok")
            #expect(payload["coverage_status"] as? String == "ok")
            #expect(payload["risk_status"] as? String == "ok")
            let checks = try #require((payload["risk"] as? [String: Any])?["checks"] as? [String: Bool])
            #expect(checks.count == 4 && checks.values.allSatisfy { $0 })

            let record = try #require(payload["audit_record"] as? [String: Any])
            let path = try #require(record["path"] as? String)
            #expect(URL(fileURLWithPath: path).deletingLastPathComponent().path == audit.path)
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(name.range(of: #"^\d{8}T\d{6}Z_paper\.json$"#, options: .regularExpression) != nil, "\(name)")
            let sum = try Oracle.command("sha256sum", [path])
            #expect(sum.outputText.hasPrefix("\(try #require(record["sha256"] as? String))  "))

            // The default is now, long after the seeded window: stale, exit 2; --audit-dir '' keeps nothing.
            let now = try Seed.run(
                "paper-precheck", ["--config", "c.yaml", "--environment", "paper", "--audit-dir", ""], in: folder)
            #expect(now.status == 2)
            #expect(now.outputText.contains("Status: ERROR"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: audit.path).count == 1)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("audit").path))
        }
    }
}
