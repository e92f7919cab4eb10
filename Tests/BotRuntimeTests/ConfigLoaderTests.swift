import BotCodecs
import BotExchanges
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("CoreConfigLoader")
struct ConfigLoaderTests {
    static let shippedPath = PackageLayout.root.appendingPathComponent("config/core.yaml").path

    static func shipped() throws -> CoreConfig {
        let result = try CoreConfigLoader.load(path: shippedPath, displayName: "config/core.yaml")
        return try result.validConfig()
    }

    @Test("the shipped config/core.yaml loads and validates with no errors and no warnings")
    func shippedIsClean() throws {
        let result = try CoreConfigLoader.load(path: Self.shippedPath, displayName: "config/core.yaml")
        #expect(result.issues == [])
        #expect(result.allIssues == [], "\(result.allIssues.map(\.description).joined(separator: "\n"))")
        #expect(result.config != nil)
    }

    @Test("the shipped risk profiles carry the reference numbers")
    func riskProfiles() throws {
        let config = try Self.shipped()
        #expect(config.riskProfiles.map(\.name) == ["conservative", "balanced", "aggressive", "manual"])
        let balanced = try #require(config.riskProfile(named: "balanced"))
        #expect(balanced.maxDailyLossPct == 0.015 && balanced.maxPositionPct == 0.05)
        #expect(balanced.targetVolatility == 0.11 && balanced.maxLeverage == 3.0)
        #expect(
            balanced.stopLossATRMultiple == 1.5 && balanced.maxOpenPositions == 5 && balanced.hardDrawdownPct == 0.1)
        #expect(balanced.dataQuality == DataQualityConfig(maxGapMinutes: 2160, minOKRatio: 0.9))
        let aggressive = try #require(config.riskProfile(named: "aggressive"))
        #expect(aggressive.maxOpenPositions == 10 && aggressive.hardDrawdownPct == 0.2)
        let manual = try #require(config.riskProfile(named: "manual"))
        #expect(manual.maxLeverage == 0 && manual.dataQuality?.maxGapMinutes == 4320)
    }

    @Test("the shipped environments: kinds, secrets' names, data_quality own or inherited")
    func environments() throws {
        let config = try Self.shipped()
        #expect(config.environments.count == 10)
        #expect(config.environments.filter { $0.kind == .paper }.count == 5)
        let paper = try #require(config.environment(named: "binance_paper"))
        #expect(
            paper.exchange == "binance_spot" && paper.kind == .paper && paper.keychainKey == "binance_paper_trading")
        #expect(paper.keychainUser == "default" && paper.credentialPurpose == "trading")
        #expect(paper.dataCachePath == "./var/data/binance_paper" && paper.riskProfile == "balanced")
        #expect(paper.requiredPermissions == ["read", "trade"] && paper.forbiddenPermissions == ["withdraw"])
        #expect(paper.defaultStrategy == "core_daily_trend" && paper.defaultController == "daily_trend_core")
        #expect(paper.instrumentUniverse == "core_multi_exchange" && paper.alertChannels.isEmpty)
        #expect(paper.dataQuality == DataQualityConfig(maxGapMinutes: 240, minOKRatio: 0.95))
        #expect(paper.alertThrottle?.windowSeconds == 300 && paper.alertThrottle?.maxEntries == 4096)
        #expect(paper.alertThrottle?.excludeSeverities == ["critical"])
        #expect(paper.alertAudit?.backend == .file && paper.alertAudit?.directory == "audit/alerts")
        #expect(paper.alertAudit?.retentionDays == 730 && paper.alertAudit?.fsync == true)
        #expect(paper.decisionJournal?.filenamePattern == "decisions-%Y%m%d.jsonl")
        let trading = try #require(paper.adapterSettings.paperTrading)
        #expect(trading.valuationAsset == "USDT" && trading.quoteAssets == ["USDT"] && trading.positionSize == nil)
        #expect(trading.initialBalances == ["USDT": 100_000] && trading.defaultMarket.minNotional == 10)
        #expect(trading.defaultMarket.minQuantity == 0.001 && trading.defaultMarket.stepSize == nil)
        #expect(trading.ledgerDirectory == "audit/ledger" && trading.ledgerFsync && trading.ledgerRetentionDays == 730)
        #expect(trading.portfolioID == "binance_paper" && trading.makerFee == 0.0004 && trading.slippageBPS == 5)

        // §1.6.3: no own block → the profile's copy; an own block is not merged field by field.
        #expect(
            config.environment(named: "binance_live")?.dataQuality
                == DataQualityConfig(maxGapMinutes: 1440, minOKRatio: 0.92))
        #expect(
            config.environment(named: "kraken_paper")?.dataQuality
                == DataQualityConfig(maxGapMinutes: 240, minOKRatio: nil))
        #expect(
            config.environment(named: "kraken_paper")?.dataQuality?.filled(
                from: config.riskProfile(named: "balanced")?.dataQuality)
                == DataQualityConfig(maxGapMinutes: 240, minOKRatio: 0.9))
        let zonda = try #require(config.environment(named: "zonda_live"))
        #expect(zonda.alertChannels == ["telegram:primary", "sms:nova_is", "email:ops"])
        #expect(zonda.adapterSettings.valuationAsset == "PLN")
        #expect(zonda.adapterSettings.secondaryValuationAssets == ["USDT", "EUR", "USD"])
        #expect(zonda.adapterSettings.apiBaseURL == nil && zonda.alertThrottle?.windowSeconds == 240)
    }

    @Test("the shipped universes, strategy, controller, reporting and alerts")
    func otherSections() throws {
        let config = try Self.shipped()
        let core = try #require(config.instrumentUniverse(named: "core_multi_exchange"))
        #expect(core.instruments.count == 12 && core.instruments.first?.name == "BTC_USDT")
        let btc = core.instruments[0]
        #expect(btc.exchangeSymbols["kraken_futures"] == "pi_xbtusd" && btc.exchangeOrder.count == 5)
        #expect(btc.backfillWindows.map(\.intervalText) == ["1d", "1h", "15m"])
        #expect(btc.backfillWindows.map(\.lookbackDays) == [1825, 1095, 180])
        #expect(btc.backfillWindows.compactMap(\.interval) == [.oneDay, .oneHour, .fifteenMinutes])
        #expect(
            core.instruments(on: "zonda_spot").map(\.name) == [
                "BTC_USDT", "ETH_USDT", "BTC_EUR", "ETH_EUR", "BTC_PLN", "ETH_PLN",
            ])
        #expect(
            config.instrumentUniverse(named: "pol_only")?.instruments.first?.categories == ["temp", "backfill_only"])

        let strategy = try #require(config.strategy(named: "core_daily_trend"))
        #expect(
            strategy.parameters.fastMA == 25 && strategy.parameters.slowMA == 100
                && strategy.parameters.minMomentum == 0.001)
        let controller = try #require(config.controller(named: "daily_trend_core"))
        #expect(controller.tickSeconds == 86_400 && controller.interval == .oneDay)

        #expect(config.reporting.dailyReportTimeUTC == "21:00" && config.reporting.retentionMonths == "24")
        let upload = try #require(config.reporting.smokeArchiveUpload)
        #expect(
            upload.backend == .local && upload.local?.directory == "audit/smoke_archives" && upload.local?.fsync == true
        )
        #expect(upload.local?.filenamePattern == "{environment}_{timestamp}_{hash}.zip")
        #expect(config.reporting.paperSmokeJSONSync == nil && config.coverageMonitoring == nil)

        #expect(
            config.alerts.telegram.first?.chatID == "123456789"
                && config.alerts.telegram.first?.parseMode == "MarkdownV2")
        #expect(
            config.alerts.sms.map(\.key) == ["orange_local", "tmobile_local", "plus_local", "play_local", "nova_is"])
        #expect(config.alerts.sms.first { $0.key == "plus_local" }?.senderID == nil)
        #expect(config.alerts.email.first?.port == 587 && config.alerts.email.first?.useTLS == true)
        #expect(
            config.alerts.whatsapp.first?.apiVersion == "v16.0"
                && config.alerts.messenger.first?.senderID == "1357924680")
        #expect(config.alerts.signal.first?.senderNumber == "+48500100999")
    }

    @Test("positions point at the key and the value in the file")
    func positions() throws {
        let config = try Self.shipped()
        // Lines are looked up in the file so that comments added above do not break the test.
        let text = try String(contentsOfFile: Self.shippedPath, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let paper = try #require(lines.firstIndex(of: "  binance_paper:"))
        let live = try #require(lines.firstIndex(of: "  binance_live:"))
        #expect(lines[paper + 1] == "    exchange: binance_spot")
        let exchange = config.positions.mark(of: "environments.binance_paper.exchange")
        #expect(exchange == YAMLMark(fileName: "config/core.yaml", line: paper + 2, column: 15))
        #expect(config.positions.keyMark(of: "environments.binance_paper.exchange").column == 5)
        // A key that is not written falls back to its nearest written parent.
        #expect(config.positions.mark(of: "environments.binance_live.data_quality").line == live + 1)
        #expect(!config.positions.contains("environments.binance_live.data_quality"))
    }

    @Test("reference loader behaviours: alias keys, defaults, inheritance, skipped engines")
    func referenceBehaviours() throws {
        let text = """
            risk_profiles:
              p:
                max_daily_loss_pct: 0.1
                max_position_pct: 0.1
                target_volatility: 0.1
                max_leverage: 1
                stop_loss_atr_multiple: "1.5"
                max_open_positions: 2
                hard_drawdown_pct: 0.2
                data_quality: {max_gap_minutes: 180, min_ok_ratio: 0.85}
            runtime:
              controllers:
                c: {tick: 30}
            strategies:
              s: {engine: daily_trend_momentum}
            environments:
              e:
                exchange: x
                environment: testnet
                keychain_key: k
                data_cache_path: /d
                risk_profile: p
                default_strategy: ""
                data_quality: {}
                alert_throttle: {window: 60, exclude_severities: [CRITICAL]}
                alert_audit: {type: FILE, directory: a, retention_days: 30, fsync: true}
                decision_journal: {backend: disabled}
                adapter_settings:
                  api_base_url: http://127.0.0.1:8080
                  ohlcv_refresh_seconds: {1d: 600, 1h: 0}
                  ohlcv_refresh_jitter: {1d: 5}
                  paper_trading: {valuation_asset: usdt, quote_assets: [usdt, eur], default_leverage: 0.5, position_size: -1}
            """
        let result = CoreConfigLoader.load(text: text, fileName: "t.yaml")
        #expect(result.issues == [])
        let config = try #require(result.config)
        #expect(config.riskProfiles[0].stopLossATRMultiple == 1.5)
        #expect(config.controllers[0].tickSeconds == 30 && config.controllers[0].intervalText == "1d")
        #expect(config.strategies[0].parameters == .defaults)
        let environment = try #require(config.environments.first)
        #expect(
            environment.kind == .testnet && environment.defaultStrategy == nil
                && environment.credentialPurpose == "trading")
        #expect(environment.dataQuality == DataQualityConfig(maxGapMinutes: 180, minOKRatio: 0.85))
        #expect(environment.alertThrottle?.windowSeconds == 60 && environment.alertThrottle?.maxEntries == 2048)
        #expect(environment.alertThrottle?.excludeSeverities == ["critical"])
        #expect(environment.alertAudit == AuditLogConfig.file(directory: "a", retention: 30, fsync: true))
        #expect(environment.decisionJournal == nil)
        #expect(environment.adapterSettings.apiBaseURL == "http://127.0.0.1:8080")
        #expect(environment.adapterSettings.refreshSeconds == ["1d": 600])
        #expect(environment.adapterSettings.refreshJitter == ["1d": 5])
        let paper = try #require(environment.adapterSettings.paperTrading)
        #expect(paper.valuationAsset == "USDT" && paper.quoteAssets == ["USDT", "EUR"])
        #expect(paper.initialBalances == ["USDT": 100_000, "EUR": 100_000])
        #expect(paper.defaultLeverage == 1 && paper.positionSize == 0 && paper.ledgerDirectory == "audit/ledger")
        #expect(environment.adapterSettings.values["api_base_url"]?.string == "http://127.0.0.1:8080")
    }

    @Test("an empty file is an empty, valid configuration")
    func emptyFile() throws {
        let result = CoreConfigLoader.load(text: "", fileName: "empty.yaml")
        let config = try result.validConfig()
        #expect(config.environments.isEmpty && config.reporting == .empty && config.alerts.telegram.isEmpty)
    }

    @Test("broken YAML is one error at the YAML reader's position")
    func brokenYAML() throws {
        let url = PackageLayout.fixtures.appendingPathComponent("config/broken-syntax.yaml")
        let result = try CoreConfigLoader.load(path: url.path, displayName: "broken-syntax.yaml")
        #expect(result.config == nil)
        let issue = try #require(result.issues.first)
        #expect(result.issues.count == 1 && issue.severity == .error && issue.path == "")
        #expect(issue.mark == YAMLMark(fileName: "broken-syntax.yaml", line: 2, column: 13))
        #expect(
            issue.description.hasPrefix("broken-syntax.yaml:2:13: error: the file is not valid YAML: '[' starting here")
        )
    }

    @Test("a missing file or a folder is unreadable, not invalid")
    func unreadable() {
        #expect(throws: ConfigError.unreadable(path: "nope.yaml", reason: "no such file")) {
            try CoreConfigLoader.load(path: "/nonexistent/nope.yaml", displayName: "nope.yaml")
        }
        #expect(throws: ConfigError.self) { try CoreConfigLoader.load(path: PackageLayout.fixtures.path) }
    }

    @Test("a wrong kind of section is an error naming what was found")
    func wrongKinds() {
        let result = CoreConfigLoader.load(
            text: "environments: [a, b]\nalerts:\n  telegram_channels: 3\n", fileName: "k.yaml")
        #expect(result.config == nil)
        #expect(
            result.issues.map(\.description) == [
                "k.yaml:1:15: error: environments: expected a mapping of keys, found a list",
                "k.yaml:3:22: error: alerts.telegram_channels: expected a mapping of keys, found the number 3",
            ])
    }

    @Test("an entry written as null is an error where the entry needs settings")
    func nullEntries() {
        let text = "risk_profiles:\n  p:\nenvironments:\n  e:\nalerts:\n  telegram_channels:\n    t:\n"
        let result = CoreConfigLoader.load(text: text, fileName: "n.yaml")
        #expect(result.config == nil)
        #expect(result.issues.map(\.path) == ["risk_profiles.p", "environments.e", "alerts.telegram_channels.t"])
        #expect(result.issues.map(\.mark.line) == [2, 4, 7])
    }

    @Test("a strategy without an engine is skipped with a warning, as the reference drops it")
    func strategyWithoutEngine() throws {
        let result = CoreConfigLoader.load(
            text: "strategies:\n  s:\n    parameters: {fast_ma: 5}\n", fileName: "s.yaml")
        let config = try #require(result.config)
        #expect(config.strategies.isEmpty)
        #expect(
            result.issues.map(\.description) == [
                "s.yaml:2:3: warning: strategies.s: no engine is given; only 'daily_trend_momentum' is implemented, so this strategy is skipped"
            ])
    }
}

extension AuditLogConfig {
    static func file(directory: String, retention: Int?, fsync: Bool) -> AuditLogConfig? {
        let text = """
            environments:
              e: {exchange: x, environment: paper, keychain_key: k, data_cache_path: d, risk_profile: p,
                  alert_audit: {backend: file, directory: \(directory), retention_days: \(retention.map(String.init) ?? "null"), fsync: \(fsync)}}
            """
        return CoreConfigLoader.load(text: text).config?.environments.first?.alertAudit
    }
}
