import Foundation
import TestSupport
import Testing

/// Runs the built `show-risk-state` against a state file in the documented format (docs/risk.md).
@Suite("show-risk-state (end to end)")
struct ShowRiskStateToolTests {
    typealias Seed = SeedPaperCacheToolTests

    /// One BTC bought at 1000 and marked at 900, on a day long past: the engine's view starts a new day.
    static let state = """
        {
          "balance" : 9999,
          "current_day" : "2024-01-10",
          "daily_fees" : 1,
          "daily_realized_pnl" : -1,
          "environment" : "paper",
          "format_version" : 1,
          "peak_equity" : 10000,
          "positions" : { "BTCUSDT" : { "average_price" : 1000, "mark_price" : 900, "quantity" : 1 } },
          "profile" : "balanced",
          "start_of_day_equity" : 10000,
          "updated_at" : 1704844800000
        }

        """

    @Test("--json prints the snapshot with environment, profile and state_file, and leaves the file alone")
    func json() throws {
        try Seed.folder { folder in
            let url = folder.appendingPathComponent("cache/risk/paper_balanced.json")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Self.state.utf8).write(to: url)
            let result = try Seed.run(
                "show-risk-state", ["--config", "c.yaml", "--environment", "paper", "--json"], in: folder)
            #expect(result.status == 0, "\(result.errorText)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
            #expect(document["environment"] as? String == "paper")
            #expect(document["profile"] as? String == "balanced")
            #expect(document["state_file"] as? String == "cache/risk/paper_balanced.json")
            #expect(result.outputText.contains("\"state_file\" : \"cache/risk/paper_balanced.json\""))
            #expect(document["mode"] as? String == "normal")
            #expect(document["equity"] as? Double == 9899)
            #expect(document["gross_exposure"] as? Double == 900)
            #expect(document["open_positions"] as? Int == 1)
            #expect((document["limits"] as? [String: Any])?["max_daily_loss_pct"] as? Double == 0.015)
            let position = try #require((document["positions"] as? [String: Any])?["BTCUSDT"] as? [String: Any])
            #expect(position["average_price"] as? Double == 1000)
            #expect(try String(contentsOf: url, encoding: .utf8) == Self.state)
        }
    }

    @Test("--help exits 0; bad flags and an unknown environment exit 64")
    func usage() throws {
        try Seed.folder { folder in
            let help = try Seed.run("show-risk-state", ["--help"], in: folder)
            #expect(help.status == 0)
            #expect(help.outputText.contains("--environment"))
            for arguments in [[], ["--environment", "paper", "--jsn"], ["--environment", "nowhere"]] {
                let bad = try Seed.run("show-risk-state", ["--config", "c.yaml"] + arguments, in: folder)
                #expect(bad.status == 64, "\(arguments): \(bad.errorText)")
            }
        }
    }
}
