import BotCodecs
import BotData
import BotExchanges
import BotRisk
import BotRuntime
import Foundation
import TestSupport
import Testing

/// One instrument, daily candles only, so seeding and checking take milliseconds.
enum PrecheckFixture {
    static let day: Int64 = 86_400_000
    /// 2024-01-01T00:00:00Z: the paper window's first day.
    static let start: Int64 = 1_704_067_200_000
    /// 2024-01-21T00:00:00Z: the window's end and the seeded cache's last close.
    static let windowEnd: Int64 = start + 20 * day
    /// 2024-06-01T00:00:00Z: the wall clock in the tests, long after the last candle.
    static let now: Int64 = 1_717_200_000_000

    static func config(
        targetVolatility: String = "0.11", maxPositionPct: String = "0.05", lookbackDays: Int = 30,
        riskProfile: String = "balanced"
    ) -> String {
        """
        risk_profiles:
          balanced:
            max_daily_loss_pct: 0.015
            max_position_pct: \(maxPositionPct)
            target_volatility: \(targetVolatility)
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
              BTC_USDT:
                base_asset: BTC
                quote_asset: USDT
                categories: [core]
                exchanges: {binance_spot: BTCUSDT}
                backfill:
                  - {interval: 1d, lookback_days: \(lookbackDays)}
        environments:
          paper_env:
            exchange: binance_spot
            environment: paper
            keychain_key: paper_key
            data_cache_path: cache
            risk_profile: \(riskProfile)
            instrument_universe: small
            default_controller: daily

        """
    }

    /// A folder holding `c.yaml` (the default config) and its cache, seeded for 2024-01-01 + 20 days.
    static func seeded(_ body: (URL) async throws -> Void) async throws {
        try await withTemporaryDirectory { folder in
            try write(config(), in: folder)
            let seed = await PaperCacheFixture.run(
                SeedPaperCacheCommand.self,
                [
                    "--config", "c.yaml", "--environment", "paper_env", "--start-date", "2024-01-01", "--days", "20",
                    "--end-date", "2024-01-21",
                ],
                in: folder, now: now)
            #expect(seed.status == 0, "\(seed.error)")
            try await body(folder)
        }
    }

    static func write(_ text: String, in folder: URL, name: String = "c.yaml") throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func load(_ text: String) throws -> CoreConfig {
        try #require(CoreConfigLoader.load(text: text, fileName: "c.yaml").config)
    }

    /// The library run against `folder`'s cache.
    static func precheck(
        _ text: String = config(), environment: String = "paper_env", in folder: URL,
        options: (inout PaperPrecheck.Options) -> Void = { _ in }
    ) async throws -> PrecheckReport {
        var settings = PaperPrecheck.Options(asOf: windowEnd, workingDirectory: folder.path)
        options(&settings)
        return try await PaperPrecheck(
            config: try load(text), configPath: "c.yaml", environmentName: environment, options: settings
        ).run()
    }

    /// The command in process, in `folder`, with the clock at ``now``.
    static func command(_ arguments: [String], in folder: URL) async -> PaperCacheFixture.Outcome {
        await PaperCacheFixture.run(
            PaperPrecheckCommand.self, ["--config", "c.yaml", "--environment", "paper_env"] + arguments, in: folder,
            now: now)
    }
}

@Suite("PaperPrecheck")
struct PaperPrecheckTests {
    typealias Fixture = PrecheckFixture

    @Test("a healthy seeded cache as of the window's end: ok, exit 0, every risk trial as intended")
    func healthy() async throws {
        try await Fixture.seeded { folder in
            let report = try await Fixture.precheck(in: folder)
            #expect(report.status == .ok, "\(report.issues) \(report.warnings)")
            #expect(report.configStatus == .ok)
            #expect(report.coverageStatus == .ok)
            #expect(report.riskStatus == .ok)
            #expect(report.exitCode(failOnWarnings: true) == 0)
            #expect(report.warnings.isEmpty && report.issues.isEmpty)
            let coverage = try #require(report.coverage?.report)
            #expect(coverage.entries.map { "\($0.symbol)/\($0.interval)" } == ["BTCUSDT/1d"])
            #expect(coverage.entries.first?.requiredRows == 30)

            let risk = try #require(report.risk)
            #expect(risk.profile == "balanced")
            #expect(risk.checks.tightStopRejected == true)
            #expect(risk.checks.wideStopAllowed == true)
            #expect(risk.checks.oversizedBlocked == true)
            #expect(risk.checks.maxQuantityMatches == true)
            #expect(risk.checks.allPassed)
            // §10.2: ATR 150, stops 0.75 and 2.25 × ATR; allowed = min(0.11·120000/337.5, 0.05·120000/30000) = 0.2.
            let seen = risk.observations
            #expect(seen.symbol == "BTCUSDT" && seen.atr == 150 && seen.equity == 120_000)
            #expect(seen.tightStopMultiple == 0.75 && seen.wideStopMultiple == 2.25)
            #expect(try #require(seen.allowedQuantity).isApproximately(0.2))
            #expect(try #require(seen.maxQuantitySuggestion).isApproximately(0.2))
            #expect(risk.trials.map(\.name) == ["tight_stop", "wide_stop", "oversized"])
            #expect(risk.trials.first?.decision.rejection?.check == .stopDistance)

            let json = report.json
            #expect(
                json.precheckObjectKeys == [
                    "status", "environment", "as_of", "manifest_path", "config", "coverage", "coverage_warnings",
                    "risk", "coverage_status", "risk_status",
                ])
            #expect(json["as_of"] == .string("2024-01-21T00:00:00+00:00"))
            #expect(json["manifest_path"] == .string("cache/ohlcv_manifest.sqlite"))
            #expect(
                json["risk"]?["checks"]
                    == .object([
                        ("tight_stop_rejected", .bool(true)), ("wide_stop_allowed", .bool(true)),
                        ("oversized_blocked", .bool(true)), ("max_quantity_matches", .bool(true)),
                    ]))

            let command = await Fixture.command(["--as-of", "2024-01-21", "--json", "--audit-dir", ""], in: folder)
            #expect(command.status == 0, "\(command.output)\(command.error)")
            let payload = try PaperCacheFixture.json(command.output)
            #expect(payload["status"] as? String == "ok")
            #expect(payload["coverage_status"] as? String == "ok")
            #expect(payload["risk_status"] as? String == "ok")
            #expect(payload["audit_record"] == nil)
        }
    }

    @Test("the coverage section agrees with check-data-coverage on the same cache")
    func agreesWithCheckDataCoverage() async throws {
        try await Fixture.seeded { folder in
            let check = await PaperCacheFixture.run(
                CheckDataCoverageCommand.self,
                ["--config", "c.yaml", "--environment", "paper_env", "--as-of", "2024-01-21", "--json"], in: folder,
                now: Fixture.now)
            #expect(check.status == 0, "\(check.error)")
            let precheck = await Fixture.command(["--as-of", "2024-01-21", "--json", "--audit-dir", ""], in: folder)
            let checked = try PaperCacheFixture.json(check.output)
            let prechecked = try #require(try PaperCacheFixture.json(precheck.output)["coverage"] as? [String: Any])
            let summaries = try [checked, prechecked].map { try #require($0["summary"] as? [String: Any]) }
            #expect(NSDictionary(dictionary: summaries[0]).isEqual(to: summaries[1]))
            let entries = try [checked, prechecked].map { try #require($0["entries"] as? [Any]) }
            #expect(entries[0].count == 1)
            #expect(NSArray(array: entries[0]).isEqual(to: entries[1]))
        }
    }

    @Test("a cache shorter than the lookback is a coverage error: exit 2")
    func tooFewRows() async throws {
        try await Fixture.seeded { folder in
            let longer = Fixture.config(lookbackDays: 90)
            let report = try await Fixture.precheck(longer, in: folder)
            #expect(report.status == .error)
            #expect(report.coverageStatus == .error)
            #expect(report.riskStatus == .ok)
            #expect(report.exitCode(failOnWarnings: false) == 2)
            let issues = try #require(report.coverage?.issues)
            #expect(issues.contains { $0.hasPrefix("BTCUSDT/1d: insufficient_rows:") })
            #expect(report.issues.contains { $0.hasPrefix("coverage: BTCUSDT/1d: insufficient_rows:") })

            try Fixture.write(longer, in: folder)
            let command = await Fixture.command(["--as-of", "2024-01-21", "--audit-dir", ""], in: folder)
            #expect(command.status == 2)
            #expect(command.output.contains("Coverage: ERROR (manifest cache/ohlcv_manifest.sqlite)"))
            #expect(command.output.hasSuffix("Status: ERROR\n"))
        }
    }

    @Test("no manifest: coverage skipped with manifest_missing, a warning (exit 0, 2 with --fail-on-warnings)")
    func missingManifest() async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.write(Fixture.config(), in: folder)
            let report = try await Fixture.precheck(in: folder)
            #expect(report.status == .warning)
            #expect(report.coverageStatus == .skipped)
            #expect(report.coverage == nil)
            #expect(report.coverageWarnings == ["manifest_missing"])
            #expect(report.warnings == ["coverage: manifest_missing"])
            #expect(report.exitCode(failOnWarnings: false) == 0)
            #expect(report.exitCode(failOnWarnings: true) == 2)

            let lenient = await Fixture.command(["--as-of", "2024-01-21", "--audit-dir", ""], in: folder)
            #expect(lenient.status == 0, "\(lenient.error)")
            #expect(lenient.output.contains("Coverage: SKIPPED (manifest cache/ohlcv_manifest.sqlite)"))
            #expect(lenient.output.contains("  ⚠ manifest_missing"))
            #expect(lenient.output.contains("Status: WARNING"))
            let strict = await Fixture.command(
                ["--as-of", "2024-01-21", "--audit-dir", "", "--fail-on-warnings"], in: folder)
            #expect(strict.status == 2)
        }
    }

    @Test("target_volatility 0: the sizing trials cannot run, a risk warning")
    func zeroTargetVolatility() async throws {
        try await Fixture.seeded { folder in
            let report = try await Fixture.precheck(Fixture.config(targetVolatility: "0.0"), in: folder)
            #expect(report.riskStatus == .warning)
            #expect(report.status == .warning)
            let risk = try #require(report.risk)
            #expect(risk.warnings == ["target_volatility_not_positive"])
            #expect(risk.issues.isEmpty)
            #expect(risk.trials.isEmpty)
            #expect(risk.checks.tightStopRejected == nil)
            #expect(report.json["risk"]?["checks"]?["oversized_blocked"] == .null)
            #expect(report.exitCode(failOnWarnings: false) == 0)
            #expect(report.exitCode(failOnWarnings: true) == 2)
        }
    }

    @Test("when the risk budget binds, the oversized order's hints lead to the allowed quantity")
    func riskBudgetBinds() async throws {
        try await withTemporaryDirectory { folder in
            // 0.0005 × 120000 / 337.5 ≈ 0.1778 < the position limit 0.2: max_position answers first with 0.2,
            // then ATR sizing with 0.1778, which passes.
            let report = try await Fixture.precheck(
                Fixture.config(targetVolatility: "0.0005"), in: folder, options: { $0.skipRiskCheck = false })
            let risk = try #require(report.risk)
            #expect(risk.status == .ok, "\(risk.issues) \(risk.warnings)")
            let allowed = try #require(risk.observations.allowedQuantity)
            #expect(allowed.isApproximately(60.0 / 337.5))
            #expect(risk.trials.last?.decision.rejection?.check == .maxPosition)
            #expect(try #require(risk.observations.maxQuantitySuggestion).isApproximately(allowed))
            #expect(risk.checks.maxQuantityMatches == true)
        }
    }

    @Test("a profile the environment names but the file lacks: profile_not_defined, an error")
    func undefinedProfile() async throws {
        try await withTemporaryDirectory { folder in
            let text = Fixture.config(riskProfile: "missing")
            let report = try await Fixture.precheck(text, in: folder)
            #expect(report.risk?.issues == ["profile_not_defined"])
            #expect(report.riskStatus == .error)
            #expect(report.configStatus == .error)
            #expect(report.status == .error)
            #expect(report.exitCode(failOnWarnings: false) == 2)
        }
    }

    @Test("an unknown environment is a report with error_reason, exit 2, naming the known ones on stderr")
    func unknownEnvironment() async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.write(Fixture.config(), in: folder)
            let report = try await Fixture.precheck(environment: "nowhere", in: folder)
            #expect(report.status == .error)
            #expect(report.errorReason == "environment_not_found")
            #expect(report.coverageStatus == .skipped && report.riskStatus == .skipped)
            #expect(report.json["error_reason"] == .string("environment_not_found"))
            #expect(report.exitCode(failOnWarnings: false) == 2)

            let command = await PaperCacheFixture.run(
                PaperPrecheckCommand.self,
                ["--config", "c.yaml", "--environment", "nowhere", "--json", "--audit-dir", ""],
                in: folder, now: Fixture.now)
            #expect(command.status == 2)
            #expect(try PaperCacheFixture.json(command.output)["error_reason"] as? String == "environment_not_found")
            #expect(command.error.contains("no environment 'nowhere' in c.yaml (known: paper_env)"))
        }
    }

    @Test("judged as of the window's end a historical cache is ok; as of now it is stale")
    func historicalAsOf() async throws {
        try await Fixture.seeded { folder in
            #expect(try await Fixture.precheck(in: folder).status == .ok)
            let current = try await Fixture.precheck(in: folder) { $0.asOf = Fixture.now }
            #expect(current.coverageStatus == .error)
            #expect(current.coverage?.report?.entries.first?.state == .stale)

            let historical = await Fixture.command(["--as-of", "2024-01-21", "--audit-dir", ""], in: folder)
            #expect(historical.status == 0, "\(historical.output)")
            let defaultNow = await Fixture.command(["--audit-dir", ""], in: folder)
            #expect(defaultNow.status == 2)
            #expect(defaultNow.output.contains("as of 2024-06-01T00:00:00.000Z"))
        }
    }

    @Test("selections: unknown symbols or intervals are coverage errors; names and symbols match any case")
    func selections() async throws {
        try await Fixture.seeded { folder in
            let known = try await Fixture.precheck(in: folder) {
                $0.symbols = ["btc_usdt"]
                $0.intervals = [.oneDay]
            }
            #expect(known.coverageStatus == .ok)
            let unknown = try await Fixture.precheck(in: folder) {
                $0.symbols = ["ETHUSDT", "ADA_USDT"]
                $0.intervals = [.oneHour]
            }
            #expect(unknown.coverageStatus == .error)
            #expect(
                unknown.coverage?.issues == ["unknown_symbols:['ADA_USDT', 'ETHUSDT']", "unknown_intervals:['1h']"])
            #expect(unknown.coverage?.report == nil)
        }
    }

    @Test("bad thresholds: --min-ok-ratio outside 0…1 stops with invalid_min_ok_ratio; overrides apply")
    func thresholds() async throws {
        try await Fixture.seeded { folder in
            let invalid = try await Fixture.precheck(in: folder) { $0.minOkRatio = 1.5 }
            #expect(invalid.errorReason == "invalid_min_ok_ratio")
            #expect(invalid.exitCode(failOnWarnings: false) == 2)
            #expect(invalid.risk == nil)

            let strict = try await Fixture.precheck(in: folder) {
                $0.maxGapMinutes = 0
                $0.asOf += 2 * Fixture.day
            }
            #expect(strict.coverage?.thresholds.maxGapMinutes == 0)
            #expect(strict.coverage?.issues.contains { $0.hasPrefix("max_gap_exceeded:") } == true)

            let command = await Fixture.command(
                ["--as-of", "2024-01-21", "--audit-dir", "", "--min-ok-ratio", "-0.1", "--json"], in: folder)
            #expect(command.status == 2)
            #expect(try PaperCacheFixture.json(command.output)["error_reason"] as? String == "invalid_min_ok_ratio")
        }
    }

    @Test("an unloadable config is an error report (exit 2); a missing file exits 1; bad flags exit 64")
    func commandFailures() async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.write("risk_profiles: [\n", in: folder)
            let broken = await Fixture.command(["--json", "--audit-dir", ""], in: folder)
            #expect(broken.status == 2)
            let payload = try PaperCacheFixture.json(broken.output)
            #expect(payload["error_reason"] as? String == "config_not_loaded")
            #expect((payload["config"] as? [String: Any])?["valid"] as? Bool == false)

            let missing = await PaperCacheFixture.run(
                PaperPrecheckCommand.self, ["--config", "none.yaml", "--audit-dir", ""], in: folder, now: Fixture.now)
            #expect(missing.status == 1)
            #expect(missing.error.contains("none.yaml"))

            for arguments in [
                ["--manifest", "cache/other.sqlite"], ["--interval", "1x"], ["--as-of", "soon"],
                ["--max-gap-minutes", "-5"], ["--jsn"],
            ] {
                #expect(await Fixture.command(arguments, in: folder).status == 64, "\(arguments)")
            }
        }
    }

    @Test("an unreadable partition throws PrecheckError: the check itself cannot run (exit 1)")
    func unreadableCache() async throws {
        try await Fixture.seeded { folder in
            let january = folder.appendingPathComponent(
                "cache/ohlcv_parquet/binance_spot/BTCUSDT/1d/year=2024/month=01/data.parquet")
            try Data("not parquet".utf8).write(to: january)
            await #expect(throws: PrecheckError.self) { try await Fixture.precheck(in: folder) }
            let command = await Fixture.command(["--as-of", "2024-01-21", "--audit-dir", ""], in: folder)
            #expect(command.status == 1)
            #expect(command.error.contains("cannot read the candle cache"))
        }
    }
}

extension Double {
    fileprivate func isApproximately(_ other: Double) -> Bool { abs(self - other) <= 1e-9 * Swift.max(1, abs(other)) }
}

extension ReportJSON {
    /// The keys of an object, in order.
    var precheckObjectKeys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.0)
    }
}
