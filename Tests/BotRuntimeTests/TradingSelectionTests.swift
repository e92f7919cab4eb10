import BotCodecs
import BotExchanges
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("TradingSelection")
struct TradingSelectionTests {
    typealias Fixture = LiveGateFixture

    static let shippedConfig = PackageLayout.root.appendingPathComponent("config/core.yaml").path

    static func shipped(
        _ environment: String = "binance_paper", strategy: String? = nil, controller: String? = nil,
        riskProfile: String? = nil
    ) throws(BootstrapError) -> TradingSelection {
        try TradingSelection.resolve(
            configPath: shippedConfig, environment: environment, strategy: strategy, controller: controller,
            riskProfile: riskProfile)
    }

    /// The error `body` throws, or nil.
    static func error(_ body: () throws -> TradingSelection) -> BootstrapError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? BootstrapError
        }
    }

    /// The 1-based line of the first line of `text` containing `needle`.
    static func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test("nil names take the environment's defaults; binance_paper trades the eight USDT pairs")
    func shippedDefaults() throws {
        let selection = try Self.shipped()
        #expect(selection.environment.name == "binance_paper")
        #expect(selection.strategy.name == "core_daily_trend")
        #expect(selection.strategy.parameters.fastMA == 25)
        #expect(selection.controller.name == "daily_trend_core")
        #expect(selection.interval == .oneDay)
        #expect(selection.riskProfile.name == "balanced")
        #expect(selection.universe.name == "core_multi_exchange")
        #expect(
            selection.markets.map(\.instrument)
                == ["BTC", "ETH", "SOL", "BNB", "XRP", "ADA", "LTC", "POL"].map {
                    "\($0)_USDT"
                })
        #expect(
            selection.markets.map(\.symbol)
                == ["BTC", "ETH", "SOL", "BNB", "XRP", "ADA", "LTC", "POL"].map {
                    "\($0)USDT"
                })
        #expect(
            selection.markets.first
                == TradedMarket(
                    instrument: "BTC_USDT", symbol: "BTCUSDT", baseAsset: "BTC", quoteAsset: "USDT"))
        #expect(selection.markets.allSatisfy { $0.quoteAsset == "USDT" })
        #expect(selection.paperSettings.ledgerFsync)
        #expect(selection.paperSettings.defaultMarket.minNotional == 10)
        #expect(selection.warnings.isEmpty)
        #expect(selection.configPath == Self.shippedConfig)
        #expect(selection.config.runtime == RuntimeSettings(requireDemoMode: true, livePaperEvidenceMaxAgeDays: 30))
    }

    @Test("--risk-profile aggressive overrides the environment's profile; explicit names are used")
    func overrides() throws {
        let selection = try Self.shipped(
            strategy: "core_daily_trend", controller: "daily_trend_core", riskProfile: "aggressive")
        #expect(selection.riskProfile.name == "aggressive")
        #expect(selection.riskProfile.maxPositionPct == 0.1)
        #expect(selection.environment.riskProfile == "balanced")
    }

    @Test("an environment without paper_trading gets the documented defaults, as an empty block would")
    func paperDefaults() throws {
        let selection = try Self.shipped("binance_futures_paper")
        #expect(selection.paperSettings == PaperTradingSettings.defaults(portfolioID: "binance_futures_paper"))
        #expect(
            selection.markets.map(\.symbol) == [
                "BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "ADAUSDT", "LTCUSDT", "POLUSDT",
            ])
        let text = Fixture().yaml.replacingOccurrences(
            of: "  binance_paper:\n", with: "  binance_paper:\n    adapter_settings:\n      paper_trading: {}\n")
        let config = try #require(CoreConfigLoader.load(text: text).config)
        #expect(
            config.environment(named: "binance_paper")?.adapterSettings.paperTrading
                == PaperTradingSettings.defaults(portfolioID: "binance_paper"))
    }

    @Test("quote_assets selects the markets; none allowed names the exchange and the quotes")
    func quoteAssets() throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.kind = "paper"
            fixture.paperTrading = "        quote_assets: [eur, USDT]\n"
            let selection = try fixture.resolve(in: folder)
            #expect(selection.markets.map(\.symbol) == ["BTCUSDT", "BTCEUR", "ETHUSDT"])
            fixture.paperTrading = "        valuation_asset: PLN\n"
            let error = try #require(Self.error { try fixture.resolve(in: folder) })
            guard case .noMarkets(let environment, let exchange, let universe, let quotes, _) = error else {
                Issue.record("expected noMarkets, got \(error)")
                return
            }
            #expect((environment, exchange, universe, quotes) == ("binance_main", "binance_spot", "basket", ["PLN"]))
            #expect(error.description.contains("exchange 'binance_spot' with an allowed quote asset (PLN)"))
        }
    }

    @Test("unknown names are errors listing the choices and saying what to change")
    func unknownNames() throws {
        let path = Self.shippedConfig
        let environments = try #require(CoreConfigLoader.load(path: path).config).environments.map(\.name)
        let cases: [(BootstrapError?, BootstrapError, String)] = [
            (
                Self.error { try Self.shipped("binance_papr") },
                .unknownEnvironment(name: "binance_papr", available: environments, configPath: path),
                "pass one of them with --environment"
            ),
            (
                Self.error { try Self.shipped(strategy: "mean_revert") },
                .unknownStrategy(
                    name: "mean_revert", fromFlag: true, environment: "binance_paper",
                    available: ["core_daily_trend"], configPath: path),
                "(from --strategy) (available: core_daily_trend)"
            ),
            (
                Self.error { try Self.shipped(controller: "hourly") },
                .unknownController(
                    name: "hourly", fromFlag: true, environment: "binance_paper", available: ["daily_trend_core"],
                    configPath: path),
                "define 'runtime.controllers.hourly'"
            ),
            (
                Self.error { try Self.shipped(riskProfile: "yolo") },
                .unknownRiskProfile(
                    name: "yolo", fromFlag: true, environment: "binance_paper",
                    defined: ["conservative", "balanced", "aggressive", "manual"], configPath: path),
                "(from --risk-profile) (defined: conservative, balanced, aggressive, manual)"
            ),
        ]
        for (thrown, expected, phrase) in cases {
            #expect(thrown == expected)
            #expect(thrown?.description.contains(phrase) == true, "\(expected.description)")
        }
    }

    @Test("no strategy, controller or universe anywhere is an error naming the key to set")
    func missingDefaults() throws {
        var fixture = Fixture()
        fixture.kind = "paper"
        var text = fixture.yaml
        for (from, to) in [
            ("strategies:\n  trend:\n    engine: daily_trend_momentum\n", ""),
            ("    default_strategy: trend\n", ""),
        ] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        let config = try #require(CoreConfigLoader.load(text: text).config)
        let noStrategy = Self.error { () throws(BootstrapError) in
            try TradingSelection.resolve(
                config: config, configPath: "c.yaml", environment: "binance_main", strategy: nil, controller: nil,
                riskProfile: nil)
        }
        #expect(noStrategy == .noStrategy(environment: "binance_main", available: [], configPath: "c.yaml"))
        #expect(noStrategy?.description.contains("'environments.binance_main.default_strategy'") == true)

        let noUniverse = fixture.yaml.replacingOccurrences(of: "    instrument_universe: basket\n", with: "")
        let loaded = try #require(CoreConfigLoader.load(text: noUniverse).config)
        let error = Self.error { () throws(BootstrapError) in
            try TradingSelection.resolve(
                config: loaded, configPath: "c.yaml", environment: "binance_main", strategy: nil, controller: nil,
                riskProfile: nil)
        }
        #expect(error == .noUniverse(environment: "binance_main", available: ["basket"], configPath: "c.yaml"))
    }

    @Test("validation errors abort with every error by file and line; warnings are kept")
    func invalidConfig() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("core.yaml")
            var fixture = Fixture()
            fixture.kind = "paper"
            fixture.riskProfile = "balancd"
            let broken = fixture.yaml.replacingOccurrences(
                of: "runtime:\n", with: "runtime:\n  live_paper_evidence_max_age_days: 0\n")
            try broken.write(to: url, atomically: true, encoding: .utf8)
            let error = Self.error { () throws(BootstrapError) in
                try TradingSelection.resolve(
                    configPath: url.path, environment: "binance_main", strategy: nil, controller: nil, riskProfile: nil)
            }
            guard case .configInvalid(let path, let errors) = error else {
                Issue.record("expected configInvalid, got \(String(describing: error))")
                return
            }
            #expect(path == url.path)
            #expect(
                errors.map(\.path) == [
                    "runtime.live_paper_evidence_max_age_days", "environments.binance_main.risk_profile",
                ])
            let lines = [
                Self.line(of: "live_paper_evidence_max_age_days: 0", in: broken), Self.line(of: "balancd", in: broken),
            ]
            #expect(errors.map(\.mark.line) == lines)
            #expect(error?.description.contains("\(url.path):\(lines[0] ?? 0):") == true)

            fixture.riskProfile = "conservative"
            let withWarning = fixture.yaml.replacingOccurrences(
                of: "    instrument_universe: basket\n    ip_allowlist",
                with: "    instrument_universe: basket\n    colour: blue\n    ip_allowlist")
            try withWarning.write(to: url, atomically: true, encoding: .utf8)
            let selection = try TradingSelection.resolve(
                configPath: url.path, environment: "binance_main", strategy: nil, controller: nil, riskProfile: nil)
            #expect(selection.warnings.map(\.path) == ["environments.binance_main.colour"])
        }
    }

    @Test("an unreadable file and a wrongly typed new key are reported")
    func unreadableAndTypes() throws {
        let missing = Self.error { () throws(BootstrapError) in
            try TradingSelection.resolve(
                configPath: "/nonexistent/core.yaml", environment: "x", strategy: nil, controller: nil,
                riskProfile: nil)
        }
        #expect(missing == .configUnreadable(path: "/nonexistent/core.yaml", reason: "no such file"))
        #expect(missing?.exitCode == 1)
        var fixture = Fixture()
        fixture.complianceConfirmed = nil
        fixture.requireDemoMode = nil
        let text = fixture.yaml.replacingOccurrences(of: "runtime:\n", with: "runtime:\n  require_demo_mode: maybe\n")
            .replacingOccurrences(
                of: "    forbidden_permissions: [withdraw]\n",
                with: "    forbidden_permissions: [withdraw]\n    compliance_confirmed: 1.5\n")
        let result = CoreConfigLoader.load(text: text, fileName: "c.yaml")
        #expect(result.config == nil)
        #expect(
            result.issues.filter { $0.severity == .error }.map(\.path) == [
                "runtime.require_demo_mode", "environments.binance_main.compliance_confirmed",
            ])
    }

    @Test("testnet needs a keychain entry and purpose; an empty allowlist is a warning")
    func testnetCredentials() throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.kind = "testnet"
            fixture.ipAllowlist = "[]"
            let selection = try fixture.resolve(in: folder)
            #expect(selection.warnings.map(\.path) == ["environments.binance_main.ip_allowlist"])
            #expect(selection.warnings.first?.severity == .warning)

            fixture.credentialPurpose = ""
            let error = Self.error { try fixture.resolve(in: folder) }
            guard case .configInvalid(_, let errors) = error else {
                Issue.record("expected configInvalid, got \(String(describing: error))")
                return
            }
            #expect(errors.map(\.path) == ["environments.binance_main.credential_purpose"])
            #expect(errors.first?.mark.line == Self.line(of: "credential_purpose", in: fixture.yaml))
        }
    }

    @Test("paper environments need no keys")
    func paperNeedsNoKeys() throws {
        try withTemporaryDirectory { folder in
            var fixture = Fixture()
            fixture.kind = "paper"
            fixture.keychainKey = ""
            fixture.ipAllowlist = "[]"
            fixture.forbiddenPermissions = "[]"
            let selection = try fixture.resolve(in: folder)
            #expect(selection.warnings.isEmpty)
            #expect(selection.markets.map(\.symbol) == ["BTCUSDT", "ETHUSDT"])
        }
    }
}
