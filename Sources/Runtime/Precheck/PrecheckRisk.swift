import BotData
import BotRisk

/// The risk section of a pre-check: the environment's risk profile loaded into a fresh in-memory
/// ``RiskEngine`` and tried with three orders whose outcome the profile's numbers determine (reference
/// §10.2): a stop tighter than `stop_loss_atr_multiple` must be refused, 95 % of the allowed size with a
/// wide stop must pass, and 150 % of it must be blocked with a suggested quantity equal to the allowed one.
public struct PrecheckRisk: Sendable {
    /// The outcome of each trial; nil when the trial did not run (a profile that sizes nothing).
    public struct Checks: Sendable, Hashable {
        /// The order with a stop tighter than the minimum multiple was refused.
        public var tightStopRejected: Bool?
        /// 95 % of the allowed quantity with the wide stop was accepted.
        public var wideStopAllowed: Bool?
        /// 150 % of the allowed quantity was refused.
        public var oversizedBlocked: Bool?
        /// The largest quantity the engine suggests for the oversized order matches the allowed quantity.
        public var maxQuantityMatches: Bool?

        /// Whether every trial that ran passed.
        public var allPassed: Bool {
            [tightStopRejected, wideStopAllowed, oversizedBlocked, maxQuantityMatches].allSatisfy { $0 ?? true }
        }
    }

    /// The scenario's inputs and the quantities derived from the profile.
    public struct Observations: Sendable, Hashable {
        public var symbol: String
        public var price: Double
        public var atr: Double
        public var equity: Double
        public var targetVolatility: Double?
        public var maxPositionPct: Double?
        public var minStopMultiple: Double?
        public var tightStopMultiple: Double?
        public var wideStopMultiple: Double?
        /// `target_volatility × equity`: what one position may lose at its stop.
        public var riskBudget: Double?
        /// The risk budget over the wide stop's distance.
        public var riskBudgetQuantity: Double?
        /// `max_position_pct × equity / price`; nil when the limit is disabled (0).
        public var positionLimitQuantity: Double?
        /// The smaller of the two quantities above.
        public var allowedQuantity: Double?
        /// The largest oversized quantity the engine accepts, following its `max_quantity` hints.
        public var maxQuantitySuggestion: Double?
    }

    /// One trial order and the engine's answer.
    public struct Trial: Sendable, Hashable {
        /// `tight_stop`, `wide_stop` or `oversized`.
        public let name: String
        public let quantity: Double
        public let stopMultiple: Double
        public let stopPrice: Double
        public let decision: RiskDecision
    }

    /// The profile's name (`balanced`).
    public let profile: String
    /// `profile_not_defined`, `tight_stop_not_rejected`, `wide_stop_not_accepted`, `oversized_not_blocked`, …
    public let issues: [String]
    /// `target_volatility_not_positive`, `stop_multiple_not_positive`, `max_position_pct_not_positive`,
    /// `max_quantity_adjustment_differs`, …
    public let warnings: [String]
    public let checks: Checks
    public let observations: Observations
    /// The trials in the order they ran.
    public let trials: [Trial]

    /// `error` with issues, `warning` with warnings, else `ok`.
    public var status: PrecheckStatus {
        issues.isEmpty ? (warnings.isEmpty ? .ok : .warning) : .error
    }

    /// `{profile, status, issues, warnings, checks, observations, orders}`.
    public var json: ReportJSON {
        let flag = { (value: Bool?) in value.map(ReportJSON.bool) ?? .null }
        let seen = observations
        return .object([
            ("profile", .string(profile)), ("status", .string(status.rawValue)),
            ("issues", .array(issues.map(ReportJSON.string))), ("warnings", .array(warnings.map(ReportJSON.string))),
            (
                "checks",
                .object([
                    ("tight_stop_rejected", flag(checks.tightStopRejected)),
                    ("wide_stop_allowed", flag(checks.wideStopAllowed)),
                    ("oversized_blocked", flag(checks.oversizedBlocked)),
                    ("max_quantity_matches", flag(checks.maxQuantityMatches)),
                ])
            ),
            (
                "observations",
                .object([
                    ("symbol", .string(seen.symbol)), ("price", .number(seen.price)), ("atr", .number(seen.atr)),
                    ("equity", .number(seen.equity)), ("target_volatility", .number(seen.targetVolatility)),
                    ("max_position_pct", .number(seen.maxPositionPct)),
                    ("min_stop_multiple", .number(seen.minStopMultiple)),
                    ("tight_stop_multiple", .number(seen.tightStopMultiple)),
                    ("wide_stop_multiple", .number(seen.wideStopMultiple)), ("risk_budget", .number(seen.riskBudget)),
                    ("risk_budget_quantity", .number(seen.riskBudgetQuantity)),
                    ("position_limit_quantity", .number(seen.positionLimitQuantity)),
                    ("allowed_quantity", .number(seen.allowedQuantity)),
                    ("max_quantity_suggestion", .number(seen.maxQuantitySuggestion)),
                ])
            ),
            (
                "orders",
                .object(
                    trials.map { trial in
                        let rejection = trial.decision.rejection
                        return (
                            trial.name,
                            .object([
                                ("side", .string("buy")), ("quantity", .number(trial.quantity)),
                                ("stop_multiple", .number(trial.stopMultiple)),
                                ("stop_price", .number(trial.stopPrice)),
                                ("accepted", .bool(trial.decision.isAllowed)),
                                ("check", .string(rejection?.check.rawValue)), ("reason", .string(rejection?.reason)),
                                ("max_quantity", .number(rejection?.maxQuantity)),
                            ])
                        )
                    })
            ),
        ])
    }
}
