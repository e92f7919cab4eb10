import BotExchanges
import BotRisk
import Foundation
import TestSupport
import Testing

@Suite struct RiskStateFileTests {
    @Test func fileIsNamedAfterEnvironmentAndProfile() {
        let file = RiskStateFile(
            dataCachePath: URL(fileURLWithPath: "/data"), environment: "binance paper", profile: "balanced")
        #expect(file.url.path == "/data/risk/binance_paper_balanced.json")
    }

    @Test func stateSurvivesARestart() async throws {
        try await withTemporaryDirectory { folder in
            let clock = TestClock()
            let file = RiskStateFile(dataCachePath: folder, environment: "paper", profile: "balanced")
            let limits = profile(name: "balanced", dailyLoss: 0.01, drawdown: 0.5)
            var risk: RiskEngine? = try RiskEngine(
                profile: limits, environment: "paper", startingEquity: 10_000, stateFile: file, clock: clock.read)
            try await risk?.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 1_000, fee: 1, timestamp: 0)
            try await risk?.onFill(symbol: "ETHUSDT", side: .sell, quantity: 2, price: 100, fee: 0, timestamp: 0)
            try await risk?.markToMarket(["BTCUSDT": 880])
            let before = try #require(await risk?.snapshot())
            #expect(before.mode == .liquidation)
            risk = nil

            let restarted = try RiskEngine(
                profile: limits, environment: "paper", startingEquity: 1, stateFile: file, clock: clock.read)
            #expect(await restarted.snapshot() == before)
            #expect(try await restarted.check(buy("SOLUSDT", 1), referencePrice: 1).rejection?.check == .dailyLossLimit)
            #expect(try file.load() == (await restarted.currentState))
        }
    }

    @Test func fileIsJSONWithStableSortedKeys() async throws {
        try await withTemporaryDirectory { folder in
            let file = RiskStateFile(url: folder.appendingPathComponent("state.json"))
            let risk = try RiskEngine(
                profile: profile(), environment: "paper", startingEquity: 500, stateFile: file, clock: TestClock().read)
            try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 100, fee: 0, timestamp: 0)
            let first = try Data(contentsOf: file.url)
            try file.save(try #require(try file.load()))
            #expect(try Data(contentsOf: file.url) == first)
            let text = String(decoding: first, as: UTF8.self)
            let keys = [
                "\"balance\"", "\"current_day\"", "\"daily_fees\"", "\"daily_realized_pnl\"",
                "\"environment\"", "\"format_version\"", "\"peak_equity\"", "\"positions\"", "\"profile\"",
                "\"start_of_day_equity\"", "\"updated_at\"",
            ]
            let offsets = try keys.map { key in try #require(text.range(of: key)).lowerBound }
            #expect(offsets == offsets.sorted())
            #expect(text.hasSuffix("}\n"))
        }
    }

    @Test func corruptFileIsATypedErrorNamingThePath() throws {
        try withTemporaryDirectory { folder in
            let file = RiskStateFile(url: folder.appendingPathComponent("paper_manual.json"))
            try Data("{\"profile\": 3".utf8).write(to: file.url)
            do throws(RiskStateError) {
                _ = try RiskEngine(
                    profile: profile(), environment: "paper", startingEquity: 1, stateFile: file,
                    clock: TestClock().read)
                Issue.record("a corrupt file must not load")
            } catch {
                guard case .corrupt(let path, _) = error else {
                    Issue.record("expected corrupt, got \(error)")
                    return
                }
                #expect(path == file.url.path)
                #expect(error.description.contains(file.url.path))
                #expect(error.description.contains("move it aside"))
            }
            // A corrupt file is never overwritten by a fresh state.
            #expect(try Data(contentsOf: file.url) == Data("{\"profile\": 3".utf8))
        }
    }

    @Test func missingKeyIsNamed() throws {
        try withTemporaryDirectory { folder in
            let file = RiskStateFile(url: folder.appendingPathComponent("s.json"))
            try Data("{\"format_version\": 1}".utf8).write(to: file.url)
            #expect {
                try file.load()
            } throws: { error in
                (error as? RiskStateError)?.description.contains("missing") == true
            }
        }
    }

    @Test func stateOfAnotherProfileIsRefused() throws {
        try withTemporaryDirectory { folder in
            let file = RiskStateFile(url: folder.appendingPathComponent("s.json"))
            _ = try RiskEngine(
                profile: profile(name: "balanced"), environment: "paper", startingEquity: 1, stateFile: file,
                clock: TestClock().read)
            #expect(
                throws: RiskStateError.mismatch(
                    path: file.url.path, expected: "paper/aggressive",
                    found: "paper/balanced")
            ) {
                _ = try RiskEngine(
                    profile: profile(name: "aggressive"), environment: "paper", startingEquity: 1, stateFile: file,
                    clock: TestClock().read)
            }
        }
    }

    @Test func restartAfterMidnightStartsTheNewDay() async throws {
        try await withTemporaryDirectory { folder in
            let clock = TestClock()
            let file = RiskStateFile(url: folder.appendingPathComponent("s.json"))
            let limits = profile(dailyLoss: 0.01)
            let risk = try RiskEngine(
                profile: limits, environment: "paper", startingEquity: 1_000, stateFile: file, clock: clock.read)
            try await risk.onFill(symbol: "BTCUSDT", side: .buy, quantity: 1, price: 100, fee: 0, timestamp: 0)
            try await risk.onFill(symbol: "BTCUSDT", side: .sell, quantity: 1, price: 50, fee: 0, timestamp: 0)
            clock.advance(by: 24 * TestClock.hour)
            let restarted = try RiskEngine(
                profile: limits, environment: "paper", startingEquity: 1, stateFile: file, clock: clock.read)
            #expect(try file.load()?.currentDay == "2026-11-22")
            #expect(try file.load()?.startOfDayEquity == 950)
            #expect(try await restarted.check(buy(1), referencePrice: 1) == .allowed)
        }
    }
}
