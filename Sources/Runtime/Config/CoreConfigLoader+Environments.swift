import BotCodecs
import Foundation

extension CoreConfigLoader {
    static let environmentKeys = [
        "exchange", "environment", "keychain_key", "keychain_user", "credential_purpose", "data_cache_path",
        "risk_profile", "alert_channels", "ip_allowlist", "instrument_universe", "adapter_settings",
        "required_permissions", "forbidden_permissions", "default_strategy", "default_controller", "alert_throttle",
        "alert_audit", "decision_journal", "data_quality", "compliance_confirmed",
    ]

    static func readEnvironments(_ top: YAMLMapping?, _ reader: ConfigReader, riskProfiles: [RiskProfileConfig])
        -> [EnvironmentConfig]
    {
        let section = reader.section(top, "environments", at: "")
        return reader.named(section, at: "environments").map { name, node, path in
            let map = reader.mapping(node, at: path, known: environmentKeys)
            if map == nil {
                reader.error(
                    path, "an environment needs exchange, environment, keychain_key, data_cache_path and risk_profile")
            }
            let required = map != nil
            let kindText = reader.string(map, "environment", at: path, required: required)
            var kind = EnvironmentKind.paper
            if let kindText {
                if let parsed = EnvironmentKind(rawValue: kindText) {
                    kind = parsed
                } else {
                    let known = EnvironmentKind.allCases.map(\.rawValue)
                    reader.error(
                        path.child("environment"),
                        "unknown environment kind '\(kindText)' (known: \(known.joined(separator: ", ")))"
                            + ConfigReader.suggestion(for: kindText, among: known))
                }
            }
            let riskProfile = reader.string(map, "risk_profile", at: path, required: required) ?? ""
            // §1.6.3: an environment without its own block takes a copy of its profile's; an own block is
            // not merged field by field (the coverage check falls back per field later).
            let ownQuality = readDataQuality(map, at: path, reader)
            let inherited = riskProfiles.first { $0.name == riskProfile }?.dataQuality
            return EnvironmentConfig(
                name: name, exchange: reader.string(map, "exchange", at: path, required: required) ?? "", kind: kind,
                keychainKey: reader.string(map, "keychain_key", at: path, required: required) ?? "",
                keychainUser: reader.string(map, "keychain_user", at: path),
                credentialPurpose: readCredentialPurpose(map, at: path, reader),
                dataCachePath: reader.string(map, "data_cache_path", at: path, required: required) ?? "",
                riskProfile: riskProfile,
                instrumentUniverse: reader.optionalText(map, "instrument_universe", at: path),
                alertChannels: reader.strings(map, "alert_channels", at: path),
                ipAllowlist: reader.strings(map, "ip_allowlist", at: path),
                requiredPermissions: reader.strings(map, "required_permissions", at: path).map { $0.lowercased() },
                forbiddenPermissions: reader.strings(map, "forbidden_permissions", at: path).map { $0.lowercased() },
                complianceConfirmed: reader.bool(map, "compliance_confirmed", at: path) ?? false,
                defaultStrategy: reader.optionalText(map, "default_strategy", at: path),
                defaultController: reader.optionalText(map, "default_controller", at: path),
                adapterSettings: readAdapterSettings(map, at: path, environment: name, reader),
                alertThrottle: readThrottle(map, at: path, reader),
                alertAudit: readAuditLog(map, "alert_audit", at: path, pattern: "alerts-%Y%m%d.jsonl", reader),
                decisionJournal: readAuditLog(
                    map, "decision_journal", at: path, pattern: "decisions-%Y%m%d.jsonl", reader),
                dataQuality: ownQuality ?? inherited)
        }
    }

    /// `credential_purpose`: `trading` when absent or null; a value written blank stays blank so the
    /// credential checks of keyed environments can point at it instead of silently trading.
    static func readCredentialPurpose(_ map: YAMLMapping?, at path: String, _ reader: ConfigReader) -> String {
        (reader.string(map, "credential_purpose", at: path) ?? "trading").trimmingCharacters(in: .whitespaces)
    }

    static func readThrottle(_ parent: YAMLMapping?, at path: String, _ reader: ConfigReader) -> AlertThrottleConfig? {
        let sectionPath = path.child("alert_throttle")
        guard
            let map = reader.section(
                parent, "alert_throttle", at: path,
                known: ["window_seconds", "window", "exclude_severities", "exclude_categories", "max_entries"]),
            !map.isEmpty
        else { return nil }
        let windowKey = map["window_seconds"] != nil ? "window_seconds" : "window"
        let window = reader.double(map, windowKey, at: sectionPath, required: true)
        if let window, window <= 0 {
            reader.error(
                sectionPath.child(windowKey), "the throttle window must be longer than 0 seconds (got \(window))")
        }
        return AlertThrottleConfig(
            windowSeconds: window ?? 0,
            excludeSeverities: reader.strings(map, "exclude_severities", at: sectionPath).map { $0.lowercased() },
            excludeCategories: reader.strings(map, "exclude_categories", at: sectionPath).map { $0.lowercased() },
            maxEntries: reader.int(map, "max_entries", at: sectionPath) ?? 2048)
    }

    static func readAuditLog(
        _ parent: YAMLMapping?, _ key: String, at path: String, pattern: String, _ reader: ConfigReader
    ) -> AuditLogConfig? {
        let sectionPath = path.child(key)
        guard
            let map = reader.section(
                parent, key, at: path,
                known: ["backend", "type", "directory", "filename_pattern", "retention_days", "fsync"]),
            !map.isEmpty
        else { return nil }
        let backendKey = map["backend"] != nil ? "backend" : "type"
        let backendText = (reader.string(map, backendKey, at: sectionPath) ?? "memory")
            .trimmingCharacters(in: .whitespaces).lowercased()
        if key == "decision_journal", backendText == "disabled" || backendText == "none" { return nil }
        guard let backend = AuditLogConfig.Backend(rawValue: backendText) else {
            reader.error(sectionPath.child(backendKey), "unknown backend '\(backendText)' (known: memory, file)")
            return nil
        }
        let directory = reader.optionalText(map, "directory", at: sectionPath)
        if backend == .file, directory == nil {
            reader.error(sectionPath, "the file backend needs a 'directory'")
        }
        return AuditLogConfig(
            backend: backend, directory: directory,
            filenamePattern: reader.optionalText(map, "filename_pattern", at: sectionPath) ?? pattern,
            retentionDays: reader.int(map, "retention_days", at: sectionPath),
            fsync: reader.bool(map, "fsync", at: sectionPath) ?? false)
    }

    static let adapterKeys = [
        "api_base_url", "valuation_asset", "secondary_valuation_assets", "ohlcv_refresh_seconds",
        "ohlcv_refresh_overrides", "ohlcv_refresh_jitter", "ohlcv_gap_alerts", "paper_trading",
    ]

    static func readAdapterSettings(
        _ parent: YAMLMapping?, at path: String, environment: String, _ reader: ConfigReader
    ) -> AdapterSettings {
        let sectionPath = path.child("adapter_settings")
        guard let map = reader.section(parent, "adapter_settings", at: path, known: adapterKeys) else {
            return .empty
        }
        var values: [String: ConfigValue] = [:]
        for entry in map {
            if let key = ConfigReader.text(of: entry.key.value) { values[key] = entry.value }
        }
        // §1.6.2: the first of the two refresh maps that is a non-empty mapping wins.
        let refreshKey =
            map["ohlcv_refresh_seconds"]?.mapping?.isEmpty == false
            ? "ohlcv_refresh_seconds" : "ohlcv_refresh_overrides"
        var refresh: [String: Int] = [:]
        for (interval, value) in numbers(map, refreshKey, at: sectionPath, reader) where Int(value) > 0 {
            refresh[interval] = Int(value)
        }
        var jitter: [String: Double] = [:]
        for (interval, value) in numbers(map, "ohlcv_refresh_jitter", at: sectionPath, reader) where value >= 0 {
            jitter[interval] = value
        }
        return AdapterSettings(
            values: values, apiBaseURL: reader.optionalText(map, "api_base_url", at: sectionPath),
            valuationAsset: reader.optionalText(map, "valuation_asset", at: sectionPath),
            secondaryValuationAssets: reader.strings(map, "secondary_valuation_assets", at: sectionPath),
            refreshSeconds: refresh, refreshJitter: jitter,
            gapAlerts: readGapAlerts(map, at: sectionPath, reader),
            paperTrading: readPaperTrading(map, at: sectionPath, environment: environment, reader))
    }

    /// A mapping of interval → number; non-numeric values are errors.
    static func numbers(_ parent: YAMLMapping?, _ key: String, at path: String, _ reader: ConfigReader)
        -> [(String, Double)]
    {
        let sectionPath = path.child(key)
        guard let map = reader.section(parent, key, at: path) else { return [] }
        return map.compactMap { entry in
            guard let name = ConfigReader.text(of: entry.key.value) else { return nil }
            guard let number = ConfigReader.number(entry.value.value) else {
                reader.error(
                    sectionPath.child(name), "expected a number, found \(ConfigReader.kind(of: entry.value.value))",
                    at: entry.value.mark)
                return nil
            }
            return (name, number)
        }
    }

    static func readGapAlerts(_ parent: YAMLMapping?, at path: String, _ reader: ConfigReader) -> GapAlertSettings? {
        let sectionPath = path.child("ohlcv_gap_alerts")
        guard
            let map = reader.section(
                parent, "ohlcv_gap_alerts", at: path,
                known: [
                    "warning_gap_minutes", "incident_threshold_count", "incident_window_minutes",
                    "sms_escalation_minutes", "warning_throttle_minutes",
                ])
        else { return nil }
        var warnings: [String: Int] = [:]
        for (interval, value) in numbers(map, "warning_gap_minutes", at: sectionPath, reader) where value > 0 {
            warnings[interval] = max(1, Int(value))
        }
        // Each count is a whole number of at least 1; anything else falls back to the default (§1.6.2).
        func count(_ key: String, _ fallback: Int) -> Int {
            guard let value = map[key].flatMap({ ConfigReader.integer($0.value) }), value >= 1 else { return fallback }
            return value
        }
        return GapAlertSettings(
            warningGapMinutes: warnings, incidentThresholdCount: count("incident_threshold_count", 5),
            incidentWindowMinutes: count("incident_window_minutes", 10),
            smsEscalationMinutes: count("sms_escalation_minutes", 15),
            warningThrottleMinutes: count("warning_throttle_minutes", 5))
    }

    static let marketKeys = ["min_quantity", "min_notional", "step_size", "tick_size"]

    static func readMarketRules(_ map: YAMLMapping?, at path: String, _ reader: ConfigReader) -> MarketRules {
        MarketRules(
            minQuantity: reader.double(map, "min_quantity", at: path),
            minNotional: reader.double(map, "min_notional", at: path),
            stepSize: reader.double(map, "step_size", at: path), tickSize: reader.double(map, "tick_size", at: path))
    }

    static func readPaperTrading(
        _ parent: YAMLMapping?, at path: String, environment: String, _ reader: ConfigReader
    ) -> PaperTradingSettings? {
        let sectionPath = path.child("paper_trading")
        guard
            let map = reader.section(
                parent, "paper_trading", at: path,
                known: [
                    "valuation_asset", "quote_assets", "position_size", "default_leverage", "initial_balances",
                    "default_market", "markets", "portfolio_id", "maker_fee", "taker_fee", "slippage_bps",
                    "ledger_directory", "ledger_filename_pattern", "ledger_retention_days", "ledger_fsync",
                ])
        else { return nil }
        let valuation = (reader.optionalText(map, "valuation_asset", at: sectionPath) ?? "USDT").uppercased()
        var quotes: [String] = []
        for asset in reader.strings(map, "quote_assets", at: sectionPath).map({ $0.uppercased() })
        where !quotes.contains(asset) {
            quotes.append(asset)
        }
        if quotes.isEmpty { quotes = [valuation] }
        var balances: [String: Double] = [:]
        for (asset, amount) in numbers(map, "initial_balances", at: sectionPath, reader) {
            balances[asset.uppercased()] = amount
        }
        for asset in quotes where balances[asset] == nil { balances[asset] = 100_000 }
        let marketsPath = sectionPath.child("markets")
        var markets: [String: MarketRules] = [:]
        for (symbol, node, symbolPath) in reader.named(reader.section(map, "markets", at: sectionPath), at: marketsPath)
        {
            markets[symbol] = readMarketRules(
                reader.mapping(node, at: symbolPath, known: marketKeys), at: symbolPath, reader)
        }
        let ledgerDirectory: String?
        if let written = reader.string(map, "ledger_directory", at: sectionPath) {
            ledgerDirectory = written.trimmingCharacters(in: .whitespaces).isEmpty ? nil : written
        } else {
            ledgerDirectory = "audit/ledger"
        }
        let retentionBlank = map["ledger_retention_days"].map { $0.isNull || $0.string?.isEmpty == true } ?? false
        return PaperTradingSettings(
            valuationAsset: valuation, quoteAssets: quotes,
            positionSize: reader.double(map, "position_size", at: sectionPath).map { max(0, $0) },
            defaultLeverage: max(1, reader.double(map, "default_leverage", at: sectionPath) ?? 1),
            initialBalances: balances,
            defaultMarket: readMarketRules(
                reader.section(map, "default_market", at: sectionPath, known: marketKeys),
                at: sectionPath.child("default_market"), reader),
            markets: markets,
            portfolioID: reader.optionalText(map, "portfolio_id", at: sectionPath) ?? environment,
            makerFee: reader.double(map, "maker_fee", at: sectionPath) ?? 0.0004,
            takerFee: reader.double(map, "taker_fee", at: sectionPath) ?? 0.0006,
            slippageBPS: reader.double(map, "slippage_bps", at: sectionPath) ?? 5,
            ledgerDirectory: ledgerDirectory,
            ledgerFilenamePattern: reader.optionalText(map, "ledger_filename_pattern", at: sectionPath)
                ?? "ledger-%Y%m%d.jsonl",
            ledgerRetentionDays: retentionBlank
                ? nil : (reader.int(map, "ledger_retention_days", at: sectionPath) ?? 730),
            ledgerFsync: reader.bool(map, "ledger_fsync", at: sectionPath) ?? false)
    }
}
