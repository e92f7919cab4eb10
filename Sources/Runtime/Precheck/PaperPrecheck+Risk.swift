import BotExchanges
import BotRisk
import Foundation

extension PaperPrecheck {
    /// The sanity scenario's account and market (reference §10.2).
    static let sanityEquity = 120_000.0
    static let sanityPrice = 30_000.0
    /// Used when the environment's universe has no symbol on its exchange.
    static let defaultSanitySymbol = "BTCUSDT"
    /// The tight-stop trial's quantity: small enough that no size limit refuses it first.
    static let tightStopQuantity = 0.1

    /// Runs the risk sanity scenario for `environment`'s profile against a fresh in-memory engine.
    func riskSanity(for environment: EnvironmentConfig) async -> PrecheckRisk {
        let price = Self.sanityPrice
        let atr = max(1, price * 0.005)
        let equity = Self.sanityEquity
        var observations = PrecheckRisk.Observations(
            symbol: sanitySymbol(for: environment), price: price, atr: atr, equity: equity)
        guard let profile = config.riskProfile(named: environment.riskProfile)?.riskProfile else {
            return PrecheckRisk(
                profile: environment.riskProfile, issues: ["profile_not_defined"], warnings: [],
                checks: PrecheckRisk.Checks(), observations: observations, trials: [])
        }
        var issues: [String] = []
        var warnings: [String] = []
        var checks = PrecheckRisk.Checks()
        var trials: [PrecheckRisk.Trial] = []
        let result = { () -> PrecheckRisk in
            PrecheckRisk(
                profile: profile.name, issues: issues, warnings: warnings, checks: checks, observations: observations,
                trials: trials)
        }

        let minimum = max(profile.stopLossATRMultiple, 0)
        var tight = max(0.05, minimum * 0.5)
        if tight >= minimum { tight = max(0.05, minimum - 0.05) }
        var wide = max(minimum * 1.5, minimum + 0.5, 1.0)
        if wide <= minimum { wide = minimum + 0.25 }
        observations.targetVolatility = profile.targetVolatility
        observations.maxPositionPct = profile.maxPositionPct
        observations.minStopMultiple = minimum
        observations.tightStopMultiple = tight
        observations.wideStopMultiple = wide
        if profile.stopLossATRMultiple <= 0 { warnings.append("stop_multiple_not_positive") }
        if profile.maxPositionPct <= 0 { warnings.append("max_position_pct_not_positive") }
        if profile.targetVolatility <= 0 { warnings.append("target_volatility_not_positive") }

        let engine: RiskEngine
        do {
            let asOf = options.asOf
            engine = try RiskEngine(
                profile: profile, environment: environment.name, startingEquity: equity, stateFile: nil,
                clock: { asOf })
        } catch {
            issues.append("profile_build_failed:\(error)")
            return result()
        }
        // Without a stop requirement or a risk budget the profile sizes nothing: the trials would prove nothing.
        guard profile.targetVolatility > 0, minimum > 0 else { return result() }

        let symbol = observations.symbol
        func trial(_ name: String, quantity: Double, multiple: Double) async -> PrecheckRisk.Trial {
            let stop = price - atr * multiple
            let order = OrderRequest(
                symbol: symbol, side: .buy, quantity: quantity, type: .limit, price: price, stopPrice: stop, atr: atr,
                metadata: [
                    "stop_price": String(stop), "atr": String(atr), "stop_multiple": String(multiple),
                    "source": "paper_precheck",
                ])
            let decision: RiskDecision
            do {
                decision = try await engine.check(order)
            } catch {
                // The engine has no state file, so saving cannot fail; keep the trial honest if it ever does.
                decision = .rejected(RiskRejection(check: .order, reason: "\(error)"))
            }
            return PrecheckRisk.Trial(
                name: name, quantity: quantity, stopMultiple: multiple, stopPrice: stop, decision: decision)
        }

        let tightTrial = await trial("tight_stop", quantity: Self.tightStopQuantity, multiple: tight)
        trials.append(tightTrial)
        checks.tightStopRejected = !tightTrial.decision.isAllowed
        if let rejection = tightTrial.decision.rejection {
            if rejection.check != .stopDistance {
                warnings.append("tight_stop_rejected_by:\(rejection.check.rawValue)")
            }
        } else {
            issues.append("tight_stop_not_rejected")
        }

        let distance = atr * wide
        guard distance > 0 else {
            issues.append("wide_stop_distance_non_positive")
            return result()
        }
        let budget = profile.targetVolatility * equity
        observations.riskBudget = budget
        observations.riskBudgetQuantity = budget / distance
        // 0 disables the position limit in the engine, so it does not bound the allowed size either.
        observations.positionLimitQuantity =
            profile.maxPositionPct > 0 ? profile.maxPositionPct * equity / price : nil
        guard
            let allowed = [observations.riskBudgetQuantity, observations.positionLimitQuantity].compactMap({ $0 })
                .min(), allowed.isFinite
        else {
            issues.append("unable_to_compute_allowed_quantity")
            return result()
        }
        observations.allowedQuantity = allowed
        guard allowed > 0 else {
            issues.append("allowed_quantity_not_positive")
            return result()
        }

        let wideTrial = await trial("wide_stop", quantity: allowed * 0.95, multiple: wide)
        trials.append(wideTrial)
        checks.wideStopAllowed = wideTrial.decision.isAllowed
        if !wideTrial.decision.isAllowed { issues.append("wide_stop_not_accepted") }

        let oversized = await trial("oversized", quantity: allowed * 1.5, multiple: wide)
        trials.append(oversized)
        checks.oversizedBlocked = !oversized.decision.isAllowed
        guard let rejection = oversized.decision.rejection else {
            issues.append("oversized_not_blocked")
            return result()
        }
        // The first failing limit answers; a stricter one may follow, so follow the hints until one passes.
        var suggestion = rejection.maxQuantity
        var hints = 0
        while let quantity = suggestion, quantity > 0, hints < 8 {
            hints += 1
            let retry = await trial("oversized_retry", quantity: quantity, multiple: wide)
            guard let next = retry.decision.rejection else { break }
            suggestion = next.maxQuantity.flatMap { $0 < quantity ? $0 : nil }
        }
        observations.maxQuantitySuggestion = suggestion
        let matches = suggestion.map { Self.isClose($0, allowed) } ?? false
        checks.maxQuantityMatches = matches
        if !matches { warnings.append("max_quantity_adjustment_differs") }
        return result()
    }

    /// The first instrument of the environment's universe with a symbol on its exchange.
    private func sanitySymbol(for environment: EnvironmentConfig) -> String {
        guard let name = environment.instrumentUniverse, let universe = config.instrumentUniverse(named: name) else {
            return Self.defaultSanitySymbol
        }
        let symbols = universe.instruments(on: environment.exchange).compactMap {
            $0.exchangeSymbols[environment.exchange]
        }
        return symbols.first { !$0.isEmpty } ?? Self.defaultSanitySymbol
    }

    /// Python's `math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-6)`.
    static func isClose(_ left: Double, _ right: Double) -> Bool {
        abs(left - right) <= max(1e-3 * max(abs(left), abs(right)), 1e-6)
    }
}
