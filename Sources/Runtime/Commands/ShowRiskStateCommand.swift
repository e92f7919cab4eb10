import BotCodecs
import BotRisk
import Foundation

/// `show-risk-state`: prints what the risk engine has persisted for an environment — the limits of its risk
/// profile, the day's realised PnL and loss, exposure, open positions and the mode (normal or liquidation).
///
/// Read-only: the state file is loaded and the snapshot is taken from a private copy, so the engine's own
/// catch-up (a new UTC day, a newly latched limit) shows without touching the file a running bot owns.
/// With no file yet the limits are printed and the tool says no fills were recorded (exit 0); a file that
/// cannot be loaded exits 1 with ``RiskStateError``'s message; an unknown environment exits 64.
public struct ShowRiskStateCommand: ToolCommand {
    public static let name = "show-risk-state"
    public static let summary =
        "Prints the risk engine's persisted state for an environment: limits, daily loss, exposure, positions, mode."
    public static let options: [OptionSpec] = [
        .option("config", value: "path", help: "The configuration file.", default: "config/core.yaml"),
        .option("environment", value: "name", help: "The environment whose risk state to show.", required: true),
        .flag("json", help: "Print the state as JSON (the snapshot plus environment, profile and state_file)."),
    ]

    let configPath: String
    let environmentName: String
    let json: Bool

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        configPath = try parsed.requiredString("config")
        environmentName = try parsed.requiredString("environment")
        json = parsed.flag("json")
    }

    public func run(in context: ToolContext) async throws {
        let result = try CoreConfigLoader.load(path: context.resolve(configPath), displayName: configPath)
        let config = try result.config ?? result.validConfig()
        guard let environment = config.environment(named: environmentName) else {
            let known = config.environments.map(\.name).joined(separator: ", ")
            throw UsageError("--environment: no environment '\(environmentName)' in \(configPath) (known: \(known))")
        }
        guard let profile = config.riskProfile(named: environment.riskProfile)?.riskProfile else {
            throw ToolExit(
                code: 1,
                message: "environment '\(environmentName)' names the unknown risk profile '\(environment.riskProfile)'; "
                    + "run 'validate-config --config \(configPath)'")
        }
        let file = RiskStateFile(
            dataCachePath: URL(fileURLWithPath: context.resolve(environment.dataCachePath)),
            environment: environmentName, profile: profile.name)
        let shownPath = (environment.dataCachePath as NSString)
            .appendingPathComponent("risk/\(file.url.lastPathComponent)")
        let snapshot = try await Self.snapshot(
            of: file, shownAs: shownPath, environment: environmentName, profile: profile, now: context.now)
        context.write(
            json
                ? try Self.json(snapshot, environment: environmentName, profile: profile, stateFile: shownPath)
                : Self.text(snapshot, environment: environmentName, profile: profile, stateFile: shownPath))
    }

    /// The engine's view of the stored state as of now, or nil when nothing was stored yet.
    static func snapshot(
        of file: RiskStateFile, shownAs path: String, environment: String, profile: RiskProfile,
        now: @escaping @Sendable () -> Int64
    ) async throws -> RiskSnapshot? {
        guard let state = try file.load() else { return nil }
        guard state.environment == environment, state.profile == profile.name else {
            throw RiskStateError.mismatch(
                path: path, expected: "\(environment)/\(profile.name)", found: "\(state.environment)/\(state.profile)")
        }
        // The engine saves as it loads (a new day, a latched limit); it gets a copy so showing never writes.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "show-risk-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = RiskStateFile(url: scratch.appendingPathComponent("state.json"))
        try copy.save(state)
        let engine = try RiskEngine(
            profile: profile, environment: environment, startingEquity: 0, stateFile: copy, clock: now)
        return await engine.snapshot()
    }

    /// The snapshot's snake_case JSON plus `environment`, `profile` and `state_file`; with no state yet,
    /// the limits and `"recorded": false`.
    static func json(_ snapshot: RiskSnapshot?, environment: String, profile: RiskProfile, stateFile: String)
        throws -> String
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let document = Document(
            snapshot: snapshot, environment: environment, profile: profile, stateFile: stateFile)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        let snapshot: RiskSnapshot?
        let environment: String
        let profile: RiskProfile
        let stateFile: String

        enum Keys: String, CodingKey {
            case environment, profile, limits, recorded
            case stateFile = "state_file"
        }

        func encode(to encoder: any Encoder) throws {
            // The snapshot's own keys first, then ours in the same object.
            try snapshot?.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(environment, forKey: .environment)
            try container.encode(profile.name, forKey: .profile)
            try container.encode(stateFile, forKey: .stateFile)
            try container.encode(snapshot != nil, forKey: .recorded)
            if snapshot == nil { try container.encode(profile, forKey: .limits) }
        }
    }

    /// The operator's view: limits, then the day, exposure, positions and mode.
    static func text(_ snapshot: RiskSnapshot?, environment: String, profile: RiskProfile, stateFile: String)
        -> String
    {
        var lines = [
            "Risk state: \(environment) (profile \(profile.name))", "State file: \(stateFile)",
            "Limits: max_daily_loss_pct=\(percent(profile.maxDailyLossPct)) "
                + "max_position_pct=\(percent(profile.maxPositionPct)) "
                + "target_volatility=\(percent(profile.targetVolatility)) max_leverage=\(profile.maxLeverage) "
                + "stop_loss_atr_multiple=\(profile.stopLossATRMultiple) "
                + "max_open_positions=\(profile.maxOpenPositions) hard_drawdown_pct=\(percent(profile.hardDrawdownPct))",
        ]
        guard let snapshot else {
            lines.append("No fills recorded yet: the engine creates the state file with its first start.")
            return lines.joined(separator: "\n") + "\n"
        }
        if let liquidation = snapshot.liquidation {
            lines.append(
                "Mode: LIQUIDATION (\(liquidation.limit.rawValue) since "
                    + "\(UTCDateTime(milliseconds: liquidation.since).iso8601)): \(liquidation.reason); only reducing orders pass")
        } else {
            lines.append("Mode: normal")
        }
        lines += [
            "Day: \(snapshot.currentDay) equity=\(amount(snapshot.equity)) "
                + "start_of_day_equity=\(amount(snapshot.startOfDayEquity)) peak_equity=\(amount(snapshot.peakEquity))",
            "Daily: realized_pnl=\(amount(snapshot.dailyRealizedPnL)) unrealized_pnl=\(amount(snapshot.unrealizedPnL)) "
                + "loss=\(amount(snapshot.dailyLoss)) (\(percent(snapshot.dailyLossPct)) of "
                + "\(percent(profile.maxDailyLossPct)) allowed)",
            "Drawdown: \(percent(snapshot.drawdownPct)) of \(percent(profile.hardDrawdownPct)) allowed",
            "Exposure: gross=\(amount(snapshot.grossExposure)) leverage=\(String(format: "%.2f", snapshot.leverage))x",
            "Open positions: \(snapshot.openPositions) of \(profile.maxOpenPositions)",
        ]
        for (symbol, position) in snapshot.positions.sorted(by: { $0.key < $1.key }) where position.quantity != 0 {
            lines.append(
                " - \(symbol): quantity=\(position.quantity) average_price=\(position.averagePrice) "
                    + "mark_price=\(position.markPrice) notional=\(amount(position.notional)) "
                    + "unrealized_pnl=\(amount(position.unrealizedPnL))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }
    private static func amount(_ value: Double) -> String { String(format: "%.2f", value) }
}
