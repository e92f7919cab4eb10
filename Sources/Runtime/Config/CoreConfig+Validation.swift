import BotExchanges
import Foundation

extension CoreConfig {
    /// Checks the cross-references and limits of `spec/reference-data.md` §1.10, in its order (risk
    /// profiles, strategies, runtime controllers, instrument universes, environments), plus
    /// `adapter_settings.api_base_url` (DESIGN.md §4.9) and coverage-monitoring targets. Each issue names the
    /// key path and where it is written. The configuration is usable when no issue is an error.
    public func validate() -> [ConfigIssue] {
        var check = ConfigCheck(positions: positions)
        validateRiskProfiles(&check)
        validateStrategies(&check)
        validateControllers(&check)
        validateUniverses(&check)
        validateEnvironments(&check)
        validateCoverageTargets(&check)
        return check.issues
    }

    private func validateRiskProfiles(_ check: inout ConfigCheck) {
        for profile in riskProfiles {
            let path = "risk_profiles".child(profile.name)
            let fields: [(String, Double)] = [
                ("max_daily_loss_pct", profile.maxDailyLossPct), ("max_position_pct", profile.maxPositionPct),
                ("target_volatility", profile.targetVolatility), ("max_leverage", profile.maxLeverage),
                ("stop_loss_atr_multiple", profile.stopLossATRMultiple),
                ("max_open_positions", Double(profile.maxOpenPositions)),
                ("hard_drawdown_pct", profile.hardDrawdownPct),
            ]
            for (field, value) in fields where value < 0 {
                check.error(path.child(field), "must not be negative (got \(Self.format(value)))")
            }
        }
    }

    private func validateStrategies(_ check: inout ConfigCheck) {
        for strategy in strategies {
            let path = "strategies".child(strategy.name).child("parameters")
            let parameters = strategy.parameters
            let positive: [(String, Double)] = [
                ("fast_ma", Double(parameters.fastMA)), ("slow_ma", Double(parameters.slowMA)),
                ("breakout_lookback", Double(parameters.breakoutLookback)),
                ("momentum_window", Double(parameters.momentumWindow)), ("atr_window", Double(parameters.atrWindow)),
                ("atr_multiplier", parameters.atrMultiplier),
            ]
            for (field, value) in positive.prefix(2) where value <= 0 {
                check.error(path.child(field), "must be greater than 0 (got \(Self.format(value)))")
            }
            if parameters.fastMA > 0, parameters.slowMA > 0, parameters.fastMA >= parameters.slowMA {
                check.error(
                    path.child("fast_ma"),
                    "fast_ma (\(parameters.fastMA)) must be smaller than slow_ma (\(parameters.slowMA))")
            }
            for (field, value) in positive.dropFirst(2) where value <= 0 {
                check.error(path.child(field), "must be greater than 0 (got \(Self.format(value)))")
            }
            if parameters.minTrendStrength < 0 {
                check.warning(
                    path.child("min_trend_strength"),
                    "is negative (\(Self.format(parameters.minTrendStrength))), so it filters nothing")
            }
            if parameters.minMomentum < 0 {
                check.warning(
                    path.child("min_momentum"),
                    "is negative (\(Self.format(parameters.minMomentum))), so it filters nothing")
            }
        }
    }

    private func validateControllers(_ check: inout ConfigCheck) {
        if runtime.livePaperEvidenceMaxAgeDays < 1 {
            check.error(
                "runtime.live_paper_evidence_max_age_days",
                "must be at least 1 day (got \(runtime.livePaperEvidenceMaxAgeDays)); the default is 30")
        }
        for controller in controllers {
            let path = "runtime.controllers".child(controller.name)
            if controller.tickSeconds <= 0 {
                check.error(
                    path.child("tick_seconds"), "must be greater than 0 (got \(Self.format(controller.tickSeconds)))")
            }
            guard let interval = check.interval(controller.intervalText, at: path.child("interval")) else { continue }
            let intervalSeconds = Double(interval.approximateMilliseconds / 1000)
            if controller.tickSeconds > 0,
                abs(controller.tickSeconds - intervalSeconds) > max(1, intervalSeconds * 0.1)
            {
                check.warning(
                    path.child("tick_seconds"),
                    "\(Self.format(controller.tickSeconds)) s differs from the interval \(interval) "
                        + "(\(Self.format(intervalSeconds)) s) by more than 10 %; the loop will wake "
                        + (controller.tickSeconds < intervalSeconds
                            ? "several times per candle" : "less than once per candle"))
            }
        }
    }

    private func validateUniverses(_ check: inout ConfigCheck) {
        let usedExchanges = Set(environments.map(\.exchange))
        for universe in instrumentUniverses {
            let path = "instrument_universes".child(universe.name)
            guard !universe.instruments.isEmpty else {
                check.error(path.child("instruments"), "the universe has no instruments; add at least one")
                continue
            }
            for instrument in universe.instruments {
                let instrumentPath = path.child("instruments").child(instrument.name)
                if instrument.baseAsset.trimmingCharacters(in: .whitespaces).isEmpty {
                    check.error(instrumentPath.child("base_asset"), "the base asset is missing or empty (e.g. BTC)")
                }
                if instrument.quoteAsset.trimmingCharacters(in: .whitespaces).isEmpty {
                    check.error(instrumentPath.child("quote_asset"), "the quote asset is missing or empty (e.g. USDT)")
                }
                if instrument.categories.isEmpty {
                    check.error(instrumentPath.child("categories"), "the instrument needs at least one category")
                }
                var seenCategories: Set<String> = []
                for (index, category) in instrument.categories.enumerated()
                where !seenCategories.insert(category.lowercased()).inserted {
                    check.warning(
                        instrumentPath.child("categories").element(index), "category '\(category)' is listed twice")
                }
                if instrument.exchangeOrder.isEmpty {
                    check.error(
                        instrumentPath.child("exchanges"),
                        "the instrument has no exchange mapping; add 'exchanges: {<exchange id>: <symbol>}'")
                }
                for exchange in instrument.exchangeOrder {
                    let exchangePath = instrumentPath.child("exchanges").child(exchange)
                    if instrument.exchangeSymbols[exchange]?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                        check.error(exchangePath, "the symbol for exchange '\(exchange)' is empty")
                    }
                    if !usedExchanges.contains(exchange) {
                        check.warning(exchangePath, "no environment uses exchange '\(exchange)'")
                    }
                }
                if instrument.backfillWindows.isEmpty {
                    check.warning(
                        instrumentPath,
                        "the instrument has no backfill windows; the pipeline will not fetch data for it")
                }
                var seenIntervals: Set<String> = []
                for (index, window) in instrument.backfillWindows.enumerated() {
                    let windowPath = instrumentPath.child("backfill").element(index)
                    if let interval = check.interval(window.intervalText, at: windowPath.child("interval")),
                        !seenIntervals.insert(interval.description).inserted
                    {
                        check.warning(windowPath.child("interval"), "interval \(interval) is listed twice")
                    }
                    if window.lookbackDays <= 0 {
                        check.error(
                            windowPath.child("lookback_days"), "must be greater than 0 (got \(window.lookbackDays))")
                    }
                }
            }
        }
    }

    private func validateEnvironments(_ check: inout ConfigCheck) {
        let controllerIntervals = Set(controllers.compactMap(\.interval))
        for environment in environments {
            let path = "environments".child(environment.name)
            if riskProfile(named: environment.riskProfile) == nil {
                check.error(
                    path.child("risk_profile"),
                    "unknown risk profile '\(environment.riskProfile)'"
                        + Self.known(riskProfiles.map(\.name), near: environment.riskProfile))
            }
            if let url = environment.adapterSettings.apiBaseURL, !Self.isHTTPURL(url) {
                check.error(
                    path.child("adapter_settings").child("api_base_url"),
                    "'\(url)' is not an http:// or https:// URL with a host (e.g. http://127.0.0.1:8080)")
            }
            var universe: InstrumentUniverseConfig?
            if let name = environment.instrumentUniverse {
                universe = instrumentUniverse(named: name)
                guard universe != nil else {
                    // As in the reference, an unknown universe stops the checks of this environment.
                    check.error(
                        path.child("instrument_universe"),
                        "unknown instrument universe '\(name)'"
                            + Self.known(instrumentUniverses.map(\.name), near: name))
                    continue
                }
            }
            let instruments = universe?.instruments(on: environment.exchange) ?? []
            if let universe, instruments.isEmpty {
                check.error(
                    path.child("instrument_universe"),
                    "universe '\(universe.name)' has no symbols for exchange '\(environment.exchange)'; add "
                        + "'\(environment.exchange): <symbol>' under an instrument's exchanges or choose another universe"
                )
            }
            checkDefault(
                environment.defaultStrategy, key: "default_strategy", what: "strategy", names: strategies.map(\.name),
                at: path, &check)
            checkDefault(
                environment.defaultController, key: "default_controller", what: "runtime controller",
                names: controllers.map(\.name), at: path, &check)
            for (index, reference) in environment.alertChannels.enumerated() {
                checkChannel(reference, at: path.child("alert_channels").element(index), &check)
            }
            let overlap = Set(environment.requiredPermissions).intersection(environment.forbiddenPermissions)
            if !overlap.isEmpty {
                check.error(
                    path.child("forbidden_permissions"),
                    "permission\(overlap.count == 1 ? "" : "s") both required and forbidden: "
                        + overlap.sorted().joined(separator: ", "))
            }
            guard let universe else { continue }
            let windowIntervals = instruments.flatMap(\.backfillWindows).compactMap(\.interval)
            let available = Set(windowIntervals)
            if let name = environment.defaultController, let controller = controller(named: name),
                let interval = controller.interval, !available.isEmpty, !available.contains(interval)
            {
                check.error(
                    path.child("default_controller"),
                    "controller '\(name)' trades interval '\(interval)' but universe '\(universe.name)' holds no "
                        + "\(interval) history for exchange '\(environment.exchange)' (backfill intervals: "
                        + available.sorted().map(\.description).joined(separator: ", ") + ")")
            }
            if !available.isEmpty, !controllerIntervals.isEmpty, available.isDisjoint(with: controllerIntervals) {
                check.warning(
                    path.child("instrument_universe"),
                    "no runtime controller trades an interval that universe '\(universe.name)' backfills for "
                        + "exchange '\(environment.exchange)'")
            }
        }
    }

    private func checkDefault(
        _ value: String?, key: String, what: String, names: [String], at path: String, _ check: inout ConfigCheck
    ) {
        switch (value, names.isEmpty) {
        case (nil, false):
            check.error(path.child(key), "no \(key) is set; choose one of: \(names.joined(separator: ", "))")
        case (let name?, false) where !names.contains(name):
            check.error(path.child(key), "unknown \(what) '\(name)'" + Self.known(names, near: name))
        case (let name?, true):
            check.error(path.child(key), "\(what) '\(name)' is set but the configuration defines none")
        default:
            break
        }
    }

    private func checkChannel(_ reference: String, at path: String, _ check: inout ConfigCheck) {
        let parts = reference.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let type = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let key = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        guard parts.count == 2, !type.isEmpty, !key.isEmpty else {
            check.error(path, "alert channel '\(reference)' must be written '<type>:<name>' (e.g. telegram:primary)")
            return
        }
        guard AlertsConfig.channelTypes.contains(type) else {
            check.error(
                path,
                "unsupported alert channel type '\(type)' in '\(reference)'"
                    + Self.known(AlertsConfig.channelTypes, near: type))
            return
        }
        let defined = alerts.keys(ofType: type)
        if !defined.contains(key) {
            let section = "alerts.\(AlertsConfig.section(ofType: type))"
            check.error(
                path,
                "alert channel '\(reference)' is not defined in \(section)"
                    + (defined.isEmpty ? " (it defines none)" : Self.known(defined, near: key)))
        }
    }

    private func validateCoverageTargets(_ check: inout ConfigCheck) {
        guard let coverageMonitoring else { return }
        for (index, target) in coverageMonitoring.targets.enumerated()
        where environment(named: target.environment) == nil {
            check.warning(
                "coverage_monitoring.targets".element(index).child("environment"),
                "unknown environment '\(target.environment)'"
                    + Self.known(environments.map(\.name), near: target.environment))
        }
    }

    // MARK: - Formatting

    /// ` (known: a, b, c)`, with a "did you mean" when `typed` is close to one of them.
    static func known(_ names: [String], near typed: String) -> String {
        let suggestion = ConfigReader.suggestion(for: typed, among: names)
        let list = names.isEmpty ? "none defined" : "known: " + names.joined(separator: ", ")
        return " (\(list))"
            + suggestion.replacingOccurrences(of: " (did", with: "; did")
            .replacingOccurrences(of: "?)", with: "?")
    }

    /// `0.5`, `-1`, `86400`: whole numbers without a fraction.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}

/// Collects validation issues with their positions.
struct ConfigCheck {
    let positions: ConfigPositions
    var issues: [ConfigIssue] = []

    mutating func error(_ path: String, _ message: String) {
        issues.append(ConfigIssue(severity: .error, path: path, mark: positions.mark(of: path), message: message))
    }

    mutating func warning(_ path: String, _ message: String) {
        issues.append(ConfigIssue(severity: .warning, path: path, mark: positions.mark(of: path), message: message))
    }

    /// The parsed interval, or nil after reporting why `text` is not one.
    mutating func interval(_ text: String, at path: String) -> Interval? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            error(path, "the interval is empty; write one such as 1d, 1h or 15m")
            return nil
        }
        do {
            return try Interval(parsing: text)
        } catch {
            self.error(path, error.description)
            return nil
        }
    }
}
