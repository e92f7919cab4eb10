import BotExchanges
import BotRisk
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("ShowRiskStateCommand")
struct ShowRiskStateCommandTests {
    typealias Fixture = PaperCacheFixture
    /// 2024-01-10T00:00:00Z.
    static let now = Fixture.start + 9 * Fixture.day

    static func show(_ arguments: [String], in folder: URL) async -> Fixture.Outcome {
        await Fixture.run(
            ShowRiskStateCommand.self, ["--config", "c.yaml", "--environment", "paper_env"] + arguments, in: folder,
            now: now)
    }

    static func folder(_ body: (URL) async throws -> Void) async throws {
        try await withTemporaryDirectory { folder in
            try Fixture.config.write(to: folder.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
            try await body(folder)
        }
    }

    static func stateFile(in folder: URL) -> URL {
        folder.appendingPathComponent("cache/risk/paper_env_balanced.json")
    }

    @Test("the config's profile maps onto the engine's limits field by field")
    func profileMapping() throws {
        let result = CoreConfigLoader.load(text: Fixture.config, fileName: "c.yaml")
        let config = try #require(result.config)
        let profile = try #require(config.riskProfile(named: "balanced")).riskProfile
        #expect(
            profile
                == RiskProfile(
                    name: "balanced", maxDailyLossPct: 0.015, maxPositionPct: 0.05, targetVolatility: 0.11,
                    maxLeverage: 3, stopLossATRMultiple: 1.5, maxOpenPositions: 5, hardDrawdownPct: 0.1))
    }

    @Test("no state file: the limits and 'no fills recorded yet', exit 0, and no file is created")
    func noState() async throws {
        try await Self.folder { folder in
            let text = await Self.show([], in: folder)
            #expect(text.status == 0, "\(text.error)")
            #expect(text.output.contains("State file: cache/risk/paper_env_balanced.json\n"))
            #expect(text.output.contains("max_daily_loss_pct=1.50% max_position_pct=5.00%"))
            #expect(text.output.contains("max_open_positions=5 hard_drawdown_pct=10.00%"))
            #expect(text.output.contains("No fills recorded yet"))
            let json = await Self.show(["--json"], in: folder)
            #expect(json.status == 0)
            let document = try Fixture.json(json.output)
            #expect(document["recorded"] as? Bool == false)
            #expect(document["profile"] as? String == "balanced")
            #expect((document["limits"] as? [String: Any])?["max_position_pct"] as? Double == 0.05)
            #expect(!FileManager.default.fileExists(atPath: Self.stateFile(in: folder).path))
        }
    }

    @Test("a state written by the engine shows its loss, exposure, positions and liquidation mode")
    func recorded() async throws {
        try await Self.folder { folder in
            let profile = RiskProfile(
                name: "balanced", maxDailyLossPct: 0.015, maxPositionPct: 0.05, targetVolatility: 0.11,
                maxLeverage: 3, stopLossATRMultiple: 1.5, maxOpenPositions: 5, hardDrawdownPct: 0.1)
            let file = RiskStateFile(
                dataCachePath: folder.appendingPathComponent("cache"), environment: "paper_env", profile: "balanced")
            let now = Self.now
            let engine = try RiskEngine(
                profile: profile, environment: "paper_env", startingEquity: 10_000, stateFile: file, clock: { now })
            try await engine.onFill(symbol: "BTCUSDT", side: .buy, quantity: 0.01, price: 40_000, fee: 1, timestamp: now)
            // A 20 % fall on 400 of BTC loses 80 + the fee: 0.81 % of the day, under the 1.5 % limit.
            try await engine.markToMarket(["BTCUSDT": 32_000])
            let before = try Data(contentsOf: Self.stateFile(in: folder))

            let text = await Self.show([], in: folder)
            #expect(text.status == 0, "\(text.error)")
            #expect(text.output.contains("Mode: normal\n"))
            #expect(text.output.contains("Day: 2024-01-10 equity=9919.00 start_of_day_equity=10000.00"))
            #expect(text.output.contains("realized_pnl=-1.00 unrealized_pnl=-80.00 loss=81.00 (0.81% of 1.50% allowed)"))
            #expect(text.output.contains("Exposure: gross=320.00 leverage=0.03x"))
            #expect(text.output.contains(" - BTCUSDT: quantity=0.01 average_price=40000.0 mark_price=32000.0"))

            let json = try Fixture.json(await Self.show(["--json"], in: folder).output)
            #expect(json["environment"] as? String == "paper_env")
            #expect(json["state_file"] as? String == "cache/risk/paper_env_balanced.json")
            #expect(json["recorded"] as? Bool == true)
            #expect(json["mode"] as? String == "normal")
            #expect(json["daily_loss"] as? Double == 81)
            #expect(json["open_positions"] as? Int == 1)
            #expect((json["limits"] as? [String: Any])?["name"] as? String == "balanced")

            // A further fall breaks the daily limit: liquidation mode, with the reason.
            try await engine.markToMarket(["BTCUSDT": 20_000])
            let liquidating = await Self.show([], in: folder)
            #expect(liquidating.output.contains("Mode: LIQUIDATION (daily_loss_limit since 2024-01-10T00:00:00"))
            #expect(try Fixture.json(await Self.show(["--json"], in: folder).output)["mode"] as? String == "liquidation")
            // Showing never writes the file the engine owns.
            #expect(try Data(contentsOf: Self.stateFile(in: folder)) != before)
            let after = try Data(contentsOf: Self.stateFile(in: folder))
            _ = await Self.show([], in: folder)
            #expect(try Data(contentsOf: Self.stateFile(in: folder)) == after)
        }
    }

    @Test("a corrupt state file exits 1 with the typed message; an unknown environment exits 64")
    func failures() async throws {
        try await Self.folder { folder in
            let url = Self.stateFile(in: folder)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{\"balance\": 1".utf8).write(to: url)
            let corrupt = await Self.show([], in: folder)
            #expect(corrupt.status == 1)
            #expect(corrupt.error.contains("paper_env_balanced.json is corrupt"))
            #expect(corrupt.error.contains("restore it from a backup"))

            let unknown = await Fixture.run(
                ShowRiskStateCommand.self, ["--config", "c.yaml", "--environment", "nope"], in: folder, now: Self.now)
            #expect(unknown.status == 64)
            #expect(unknown.error.contains("no environment 'nope' in c.yaml (known: paper_env, live_env)"))
        }
    }
}
