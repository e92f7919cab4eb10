import BotCodecs
import BotRuntime
import Foundation
import TestSupport

/// A small configuration with two paper environments (binance_spot, kraken_spot) and one environment under
/// test (`binance_main`, on binance_spot) whose gate-related keys can be changed one at a time. The
/// defaults satisfy every live gate; `evidence` is the JSONL paper smoke log written next to the config.
struct LiveGateFixture {
    /// 2026-11-21T12:00:00Z.
    static let now: Int64 = 1_795_262_400_000
    static let day: Int64 = 86_400_000

    var kind = "live"
    /// nil leaves `runtime.require_demo_mode` out (default true).
    var requireDemoMode: Bool? = false
    var maxAgeDays: Int?
    /// nil leaves `compliance_confirmed` out (default false).
    var complianceConfirmed: Bool? = true
    var ipAllowlist = "[203.0.113.7, 198.51.100.0/24, 2001:db8::/48]"
    var keychainKey = "binance_main_trading"
    /// nil leaves `credential_purpose` out (default trading).
    var credentialPurpose: String?
    var requiredPermissions = "[read, trade]"
    var forbiddenPermissions = "[withdraw]"
    var riskProfile = "conservative"
    var paperTrading = ""
    /// Lines of the paper smoke log; nil writes no log.
    var evidence: [String]? = [Self.record(environment: "binance_paper", daysAgo: 1, severity: "INFO")]
    var allowLive = true

    /// One JSONL record as `run-daily-trend --paper-smoke` writes it.
    static func record(environment: String, daysAgo: Double, severity: String? = nil, status: String? = nil)
        -> String
    {
        let timestamp = UTCDateTime(milliseconds: now - Int64(daysAgo * Double(day))).pythonISOFormat
        var fields = [
            "\"record_id\": \"J-1\"", "\"timestamp\": \"\(timestamp)\"", "\"environment\": \"\(environment)\"",
        ]
        if let severity { fields.append("\"severity\": \"\(severity)\"") }
        if let status { fields.append("\"status\": \"\(status)\"") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    var yaml: String {
        var runtime = "runtime:\n"
        if let requireDemoMode { runtime += "  require_demo_mode: \(requireDemoMode)\n" }
        if let maxAgeDays { runtime += "  live_paper_evidence_max_age_days: \(maxAgeDays)\n" }
        runtime += "  controllers:\n    daily:\n      tick_seconds: 86400\n      interval: 1d\n"
        var main = """
              binance_main:
                exchange: binance_spot
                environment: \(kind)
                keychain_key: "\(keychainKey)"
                data_cache_path: ./var/main
                risk_profile: \(riskProfile)
                default_strategy: trend
                default_controller: daily
                instrument_universe: basket
                ip_allowlist: \(ipAllowlist)
                required_permissions: \(requiredPermissions)
                forbidden_permissions: \(forbiddenPermissions)

            """
        if let complianceConfirmed { main += "    compliance_confirmed: \(complianceConfirmed)\n" }
        if let credentialPurpose { main += "    credential_purpose: \"\(credentialPurpose)\"\n" }
        if !paperTrading.isEmpty { main += "    adapter_settings:\n      paper_trading:\n\(paperTrading)" }
        return """
            risk_profiles:
              conservative:
                max_daily_loss_pct: 0.01
                max_position_pct: 0.03
                target_volatility: 0.07
                max_leverage: 2.0
                stop_loss_atr_multiple: 1.0
                max_open_positions: 3
                hard_drawdown_pct: 0.05
              aggressive:
                max_daily_loss_pct: 0.03
                max_position_pct: 0.1
                target_volatility: 0.19
                max_leverage: 5.0
                stop_loss_atr_multiple: 2.0
                max_open_positions: 10
                hard_drawdown_pct: 0.2
              manual:
                max_daily_loss_pct: 0.0
                max_position_pct: 0.0
                target_volatility: 0.0
                max_leverage: 0.0
                stop_loss_atr_multiple: 0.0
                max_open_positions: 0
                hard_drawdown_pct: 0.0
            \(runtime)strategies:
              trend:
                engine: daily_trend_momentum
            instrument_universes:
              basket:
                instruments:
                  BTC_USDT:
                    base_asset: BTC
                    quote_asset: USDT
                    categories: [core]
                    exchanges: {binance_spot: BTCUSDT, kraken_spot: XBTUSDT}
                    backfill: [{interval: 1d, lookback_days: 30}]
                  BTC_EUR:
                    base_asset: BTC
                    quote_asset: EUR
                    categories: [fiat]
                    exchanges: {binance_spot: BTCEUR, kraken_spot: XBTEUR}
                    backfill: [{interval: 1d, lookback_days: 30}]
                  ETH_USDT:
                    base_asset: ETH
                    quote_asset: USDT
                    categories: [core]
                    exchanges: {binance_spot: ETHUSDT}
                    backfill: [{interval: 1d, lookback_days: 30}]
            environments:
              binance_paper:
                exchange: binance_spot
                environment: paper
                keychain_key: binance_paper_trading
                data_cache_path: ./var/paper
                risk_profile: conservative
                default_strategy: trend
                default_controller: daily
                instrument_universe: basket
              kraken_paper:
                exchange: kraken_spot
                environment: paper
                keychain_key: kraken_paper_trading
                data_cache_path: ./var/kraken
                risk_profile: conservative
                default_strategy: trend
                default_controller: daily
                instrument_universe: basket
            \(main)
            """
    }

    /// Writes the config (and the evidence log) into `folder`, resolves `binance_main` and evaluates its gates.
    func evaluate(in folder: URL, riskProfileFlag: String? = nil) throws -> [LiveGateFailure] {
        let selection = try resolve(in: folder, riskProfileFlag: riskProfileFlag)
        return LiveTradingGate.evaluate(selection, request: request(in: folder))
    }

    func resolve(in folder: URL, riskProfileFlag: String? = nil) throws -> TradingSelection {
        let configURL = folder.appendingPathComponent("core.yaml")
        try yaml.write(to: configURL, atomically: true, encoding: .utf8)
        if let evidence {
            try (evidence.joined(separator: "\n") + "\n").write(
                to: logURL(in: folder), atomically: true, encoding: .utf8)
        }
        return try TradingSelection.resolve(
            configPath: configURL.path, environment: "binance_main", strategy: nil, controller: nil,
            riskProfile: riskProfileFlag)
    }

    func logURL(in folder: URL) -> URL { folder.appendingPathComponent("paper_trading_log.jsonl") }

    func request(in folder: URL) -> LiveGateRequest {
        LiveGateRequest(allowLive: allowLive, paperAuditLogPath: logURL(in: folder), now: Self.now)
    }
}
