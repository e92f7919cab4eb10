import BotCodecs
import BotRuntime
import Foundation
import TestSupport
import Testing

/// One change to the minimal fixture and the issue it must produce.
struct ConfigCase: Sendable, CustomTestStringConvertible {
    let name: String
    let replacing: String
    let with: String
    let severity: ConfigIssue.Severity
    let path: String
    /// Text on the line the issue must point at (first occurrence in the changed file).
    let lineWith: String
    let fragment: String
    /// Whether the change produces this issue alone (so a warning case must leave the file valid).
    var alone = true

    var testDescription: String { name }

    /// The same case for a change that also produces other issues.
    var together: ConfigCase {
        var copy = self
        copy.alone = false
        return copy
    }

    init(
        _ name: String, _ replacing: String, _ with: String, _ severity: ConfigIssue.Severity = .error, path: String,
        line lineWith: String, _ fragment: String
    ) {
        self.name = name
        self.replacing = replacing
        self.with = with
        self.severity = severity
        self.path = path
        self.lineWith = lineWith
        self.fragment = fragment
    }
}

@Suite("CoreConfig validation")
struct ConfigValidationTests {
    static let minimal: String = {
        let url = PackageLayout.fixtures.appendingPathComponent("config/minimal.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static let env = "environments.paper"
    static let instrument = "instrument_universes.core.instruments.BTC_USDT"
    static let parameters = "strategies.trend.parameters"

    static let cases: [ConfigCase] = [
        // §1.10 rule 1: risk profiles.
        ConfigCase(
            "negative daily loss", "max_daily_loss_pct: 0.015", "max_daily_loss_pct: -0.1",
            path: "risk_profiles.balanced.max_daily_loss_pct", line: "max_daily_loss_pct",
            "must not be negative (got -0.1)"),
        ConfigCase(
            "negative open positions", "max_open_positions: 5", "max_open_positions: -1",
            path: "risk_profiles.balanced.max_open_positions", line: "max_open_positions", "must not be negative"),
        ConfigCase(
            "negative drawdown", "hard_drawdown_pct: 0.1", "hard_drawdown_pct: -1",
            path: "risk_profiles.balanced.hard_drawdown_pct", line: "hard_drawdown_pct", "must not be negative"),
        // Rule 2: strategies.
        ConfigCase(
            "fast_ma zero", "fast_ma: 20", "fast_ma: 0", path: "\(parameters).fast_ma", line: "fast_ma",
            "greater than 0"),
        ConfigCase(
            "slow_ma zero", "slow_ma: 100", "slow_ma: 0", path: "\(parameters).slow_ma", line: "slow_ma",
            "greater than 0"),
        ConfigCase(
            "fast_ma not below slow_ma", "fast_ma: 20", "fast_ma: 200", path: "\(parameters).fast_ma", line: "fast_ma",
            "fast_ma (200) must be smaller than slow_ma (100)"),
        ConfigCase(
            "breakout lookback zero", "breakout_lookback: 55", "breakout_lookback: 0",
            path: "\(parameters).breakout_lookback", line: "breakout_lookback", "greater than 0"),
        ConfigCase(
            "momentum window zero", "momentum_window: 20", "momentum_window: 0", path: "\(parameters).momentum_window",
            line: "momentum_window", "greater than 0"),
        ConfigCase(
            "ATR window zero", "atr_window: 14", "atr_window: 0", path: "\(parameters).atr_window", line: "atr_window",
            "greater than 0"),
        ConfigCase(
            "ATR multiplier zero", "atr_multiplier: 2.0", "atr_multiplier: 0", path: "\(parameters).atr_multiplier",
            line: "atr_multiplier", "greater than 0"),
        // Rule 3: runtime controllers.
        ConfigCase(
            "tick zero", "tick_seconds: 86400", "tick_seconds: 0", path: "runtime.controllers.daily.tick_seconds",
            line: "tick_seconds", "greater than 0"),
        ConfigCase(
            "blank controller interval", "interval: 1d\nstrategies", "interval: \" \"\nstrategies",
            path: "runtime.controllers.daily.interval", line: "interval: \" \"", "the interval is empty"),
        ConfigCase(
            "controller interval 'daily'", "interval: 1d\nstrategies", "interval: daily\nstrategies",
            path: "runtime.controllers.daily.interval", line: "interval: daily", "'daily' is not an interval"),
        ConfigCase(
            "controller interval '1H'", "interval: 1d\nstrategies", "interval: 1H\nstrategies",
            path: "runtime.controllers.daily.interval", line: "interval: 1H", "write '1h'"),
        // Rule 4: instrument universes.
        ConfigCase(
            "universe without instruments", "instrument_universes:\n",
            "instrument_universes:\n  empty:\n    instruments: {}\n",
            path: "instrument_universes.empty.instruments", line: "instruments: {}", "has no instruments"),
        ConfigCase(
            "empty base asset", "base_asset: BTC", "base_asset: \"\"", path: "\(instrument).base_asset",
            line: "base_asset",
            "base asset is missing or empty"),
        ConfigCase(
            "empty quote asset", "quote_asset: USDT", "quote_asset: \"\"", path: "\(instrument).quote_asset",
            line: "quote_asset", "quote asset is missing or empty"),
        ConfigCase(
            "no categories", "categories: [core]", "categories: []", path: "\(instrument).categories",
            line: "categories",
            "at least one category"),
        ConfigCase(
            "no exchange mapping", "exchanges:\n          binance_spot: BTCUSDT", "exchanges: {}",
            path: "\(instrument).exchanges", line: "exchanges: {}", "no exchange mapping"),
        ConfigCase(
            "empty exchange symbol", "binance_spot: BTCUSDT", "binance_spot: \"\"",
            path: "\(instrument).exchanges.binance_spot", line: "binance_spot: \"\"",
            "symbol for exchange 'binance_spot' is empty"),
        ConfigCase(
            "blank backfill interval", "- interval: 1d", "- interval: \"\"", path: "\(instrument).backfill[0].interval",
            line: "- interval", "the interval is empty"),
        ConfigCase(
            "backfill interval '1x'", "- interval: 1d", "- interval: 1x", path: "\(instrument).backfill[0].interval",
            line: "- interval", "unknown unit 'x'"),
        ConfigCase(
            "negative lookback", "lookback_days: 30", "lookback_days: -1",
            path: "\(instrument).backfill[0].lookback_days",
            line: "lookback_days", "greater than 0 (got -1)"),
        // Rule 5: environments.
        ConfigCase(
            "unknown risk profile", "risk_profile: balanced", "risk_profile: balancd", path: "\(env).risk_profile",
            line: "risk_profile: balancd", "unknown risk profile 'balancd' (known: balanced); did you mean 'balanced'?"),
        ConfigCase(
            "unknown universe", "instrument_universe: core", "instrument_universe: coer",
            path: "\(env).instrument_universe",
            line: "instrument_universe: coer", "unknown instrument universe 'coer'"),
        ConfigCase(
            "universe without the exchange", "exchange: binance_spot", "exchange: kraken_spot",
            path: "\(env).instrument_universe", line: "instrument_universe: core",
            "has no symbols for exchange 'kraken_spot'"),
        ConfigCase(
            "default strategy missing", "    default_strategy: trend\n", "", path: "\(env).default_strategy",
            line: "  paper:",
            "no default_strategy is set; choose one of: trend"),
        ConfigCase(
            "unknown default strategy", "default_strategy: trend", "default_strategy: trnd",
            path: "\(env).default_strategy",
            line: "default_strategy: trnd", "unknown strategy 'trnd'"),
        ConfigCase(
            "default strategy without strategies", "engine: daily_trend_momentum", "engine: mean_reversion",
            path: "\(env).default_strategy", line: "default_strategy",
            "strategy 'trend' is set but the configuration defines none"),
        ConfigCase(
            "default controller missing", "    default_controller: daily\n", "", path: "\(env).default_controller",
            line: "  paper:", "no default_controller is set; choose one of: daily"),
        ConfigCase(
            "unknown default controller", "default_controller: daily", "default_controller: weekly",
            path: "\(env).default_controller", line: "default_controller: weekly", "unknown runtime controller 'weekly'"
        ),
        ConfigCase(
            "default controller without controllers",
            "runtime:\n  controllers:\n    daily:\n      tick_seconds: 86400\n      interval: 1d\n",
            "", path: "\(env).default_controller", line: "default_controller",
            "runtime controller 'daily' is set but the configuration defines none"),
        ConfigCase(
            "alert channel without a colon", "[telegram:primary]", "[telegram]", path: "\(env).alert_channels[0]",
            line: "alert_channels", "must be written '<type>:<name>'"),
        ConfigCase(
            "alert channel with an empty key", "[telegram:primary]", "[\"telegram:\"]",
            path: "\(env).alert_channels[0]",
            line: "alert_channels", "must be written '<type>:<name>'"),
        ConfigCase(
            "unsupported alert channel type", "[telegram:primary]", "[pager:primary]", path: "\(env).alert_channels[0]",
            line: "alert_channels", "unsupported alert channel type 'pager'"),
        ConfigCase(
            "undefined alert channel", "[telegram:primary]", "[telegram:missing]", path: "\(env).alert_channels[0]",
            line: "alert_channels", "alert channel 'telegram:missing' is not defined in alerts.telegram_channels"),
        ConfigCase(
            "permission required and forbidden", "forbidden_permissions: [withdraw]",
            "forbidden_permissions: [withdraw, READ]",
            path: "\(env).forbidden_permissions", line: "forbidden_permissions", "both required and forbidden: read"),
        ConfigCase(
            "controller interval not backfilled", "tick_seconds: 86400\n      interval: 1d",
            "tick_seconds: 3600\n      interval: 1h",
            path: "\(env).default_controller", line: "default_controller",
            "controller 'daily' trades interval '1h' but universe 'core' holds no 1h history for exchange 'binance_spot'"
        ),
        ConfigCase(
            "api_base_url not http", "    keychain_key: paper_key\n",
            "    keychain_key: paper_key\n    adapter_settings:\n      api_base_url: ftp://example.com\n",
            path: "\(env).adapter_settings.api_base_url", line: "api_base_url", "not an http:// or https:// URL"),
        // Load errors.
        ConfigCase(
            "unknown environment kind", "environment: paper", "environment: papr", path: "\(env).environment",
            line: "environment: papr",
            "unknown environment kind 'papr' (known: live, paper, testnet) (did you mean 'paper'?)"),
        ConfigCase(
            "missing exchange", "    exchange: binance_spot\n", "", path: "\(env).exchange", line: "  paper:",
            "missing required key 'exchange'"),
        ConfigCase(
            "missing risk-profile field", "    max_leverage: 3.0\n", "", path: "risk_profiles.balanced.max_leverage",
            line: "  balanced:", "missing required key 'max_leverage'"),
        ConfigCase(
            "text where a number belongs", "max_leverage: 3.0", "max_leverage: lots",
            path: "risk_profiles.balanced.max_leverage",
            line: "max_leverage", "expected a number, found 'lots'"),
        ConfigCase(
            "backfill window without days", "            lookback_days: 30\n", "",
            path: "\(instrument).backfill[0].lookback_days",
            line: "- interval", "missing required key 'lookback_days'"),
        ConfigCase(
            "throttle window zero", "    keychain_key: paper_key\n",
            "    keychain_key: paper_key\n    alert_throttle:\n      window_seconds: 0\n",
            path: "\(env).alert_throttle.window_seconds", line: "window_seconds", "longer than 0 seconds"),
        ConfigCase(
            "file audit without directory", "    keychain_key: paper_key\n",
            "    keychain_key: paper_key\n    alert_audit:\n      backend: file\n", path: "\(env).alert_audit",
            line: "alert_audit", "needs a 'directory'"),
        ConfigCase(
            "telegram channel without token", "      token_secret: tg_token\n", "",
            path: "alerts.telegram_channels.primary.token_secret", line: "    primary:",
            "missing required key 'token_secret'"),
        ConfigCase(
            "empty smoke archive upload", "alerts:\n", "reporting:\n  smoke_archive_upload: {}\nalerts:\n",
            path: "reporting.smoke_archive_upload", line: "smoke_archive_upload", "the local backend needs"),
        // Warnings.
        ConfigCase(
            "unknown key with suggestion", "    keychain_key: paper_key\n",
            "    keychain_key: paper_key\n    keychian_user: me\n",
            .warning, path: "\(env).keychian_user", line: "keychian_user",
            "unknown key 'keychian_user' is ignored (did you mean 'keychain_user'?)"),
        ConfigCase(
            "unknown top-level section", "alerts:\n", "alert:\n  x: 1\nalerts:\n", .warning, path: "alert",
            line: "alert:",
            "unknown key 'alert' is ignored (did you mean 'alerts'?)"),
        ConfigCase(
            "negative trend strength", "min_trend_strength: 0.005", "min_trend_strength: -0.1", .warning,
            path: "\(parameters).min_trend_strength", line: "min_trend_strength", "is negative"),
        ConfigCase(
            "negative momentum", "min_momentum: 0.0", "min_momentum: -0.5", .warning,
            path: "\(parameters).min_momentum",
            line: "min_momentum", "is negative"),
        ConfigCase(
            "tick far from the interval", "tick_seconds: 86400", "tick_seconds: 3600", .warning,
            path: "runtime.controllers.daily.tick_seconds", line: "tick_seconds", "by more than 10 %"),
        ConfigCase(
            "duplicate category", "categories: [core]", "categories: [core, Core]", .warning,
            path: "\(instrument).categories[1]",
            line: "categories", "category 'Core' is listed twice"),
        ConfigCase(
            "exchange no environment uses", "binance_spot: BTCUSDT",
            "binance_spot: BTCUSDT\n          kraken_spot: XBTUSDT",
            .warning, path: "\(instrument).exchanges.kraken_spot", line: "kraken_spot",
            "no environment uses exchange 'kraken_spot'"),
        ConfigCase(
            "no backfill windows", "        backfill:\n          - interval: 1d\n            lookback_days: 30\n", "",
            .warning,
            path: instrument, line: "BTC_USDT:", "no backfill windows"),
        ConfigCase(
            "interval listed twice", "            lookback_days: 30\n",
            "            lookback_days: 30\n          - interval: D1\n            lookback_days: 10\n", .warning,
            path: "\(instrument).backfill[1].interval", line: "interval: D1", "interval 1d is listed twice"),
        ConfigCase(
            "no controller interval backfilled", "tick_seconds: 86400\n      interval: 1d",
            "tick_seconds: 3600\n      interval: 1h",
            .warning, path: "\(env).instrument_universe", line: "instrument_universe: core",
            "no runtime controller trades an interval"
        ).together,
        ConfigCase(
            "strategy with another engine", "engine: daily_trend_momentum", "engine: daily_trend_momentun", .warning,
            path: "strategies.trend.engine", line: "engine:", "engine 'daily_trend_momentun' is not supported"
        ).together,
        ConfigCase(
            "coverage target of an unknown environment", "alerts:\n",
            "coverage_monitoring:\n  targets:\n    - environment: papr\nalerts:\n", .warning,
            path: "coverage_monitoring.targets[0].environment", line: "- environment: papr",
            "unknown environment 'papr'"),
    ]

    @Test("the minimal fixture is valid with no warnings")
    func minimalIsValid() throws {
        #expect(!Self.minimal.isEmpty, "Tests/Fixtures/config/minimal.yaml is missing")
        let result = CoreConfigLoader.load(text: Self.minimal, fileName: "minimal.yaml")
        #expect(result.allIssues == [])
        let config = try result.validConfig()
        #expect(
            config.environment(named: "paper")?.dataQuality == DataQualityConfig(maxGapMinutes: 180, minOKRatio: 0.85))
    }

    @Test("each broken rule is reported with its key path and line", arguments: cases)
    func rule(_ change: ConfigCase) throws {
        #expect(Self.minimal.contains(change.replacing), "the case no longer matches the fixture")
        let text = Self.minimal.replacingOccurrences(of: change.replacing, with: change.with)
        let result = CoreConfigLoader.load(text: text, fileName: "case.yaml")
        let issues = result.allIssues
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLine = try #require(lines.firstIndex { $0.contains(change.lineWith) }) + 1
        let issue = try #require(
            issues.first { $0.path == change.path && $0.severity == change.severity },
            "no \(change.severity) at \(change.path); got:\n\(issues.map(\.description).joined(separator: "\n"))")
        #expect(issue.message.contains(change.fragment), "\(issue)")
        #expect(issue.mark.line == expectedLine, "\(issue)")
        #expect(issue.mark.fileName == "case.yaml")
        #expect(
            issue.description.hasPrefix(
                "case.yaml:\(expectedLine):\(issue.mark.column): \(change.severity.rawValue): \(change.path): "))
        if change.severity == .error {
            #expect(throws: ConfigError.self) { try result.validConfig() }
        } else if change.alone {
            #expect(!issues.contains { $0.severity == .error }, "\(issues)")
            #expect(throws: Never.self) { try result.validConfig() }
        }
    }

    @Test("an unknown universe stops the remaining checks of that environment, as in the reference")
    func unknownUniverseSkipsRest() {
        let text = Self.minimal.replacingOccurrences(of: "instrument_universe: core", with: "instrument_universe: nope")
            .replacingOccurrences(of: "default_strategy: trend", with: "default_strategy: nope")
        let errors = CoreConfigLoader.load(text: text).allIssues.filter { $0.severity == .error }
        #expect(errors.map(\.path) == ["environments.paper.instrument_universe"])
    }

    @Test("checks run in the reference order: profiles, strategies, controllers, universes, environments")
    func order() {
        let text = Self.minimal.replacingOccurrences(of: "risk_profile: balanced", with: "risk_profile: x")
            .replacingOccurrences(of: "lookback_days: 30", with: "lookback_days: 0")
            .replacingOccurrences(of: "tick_seconds: 86400", with: "tick_seconds: 0")
            .replacingOccurrences(of: "slow_ma: 100", with: "slow_ma: 0")
            .replacingOccurrences(of: "max_leverage: 3.0", with: "max_leverage: -3.0")
        let errors = CoreConfigLoader.load(text: text).allIssues.filter { $0.severity == .error }.map(\.path)
        #expect(
            errors == [
                "risk_profiles.balanced.max_leverage", "strategies.trend.parameters.slow_ma",
                "runtime.controllers.daily.tick_seconds", "\(Self.instrument).backfill[0].lookback_days",
                "environments.paper.risk_profile",
            ])
    }
}
