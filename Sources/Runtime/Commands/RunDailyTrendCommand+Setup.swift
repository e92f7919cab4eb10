import BotCodecs
import BotData
import BotExchanges
import BotExecution
import BotRisk
import Foundation

extension RunDailyTrendCommand {
    /// The environment, strategy, controller and risk profile to run, after the trading-mode gates.
    func resolveSelection(in context: ToolContext) throws -> TradingSelection {
        let selection: TradingSelection
        do {
            selection = try TradingSelection.resolve(
                configPath: context.resolve(configPath), environment: environmentName, strategy: strategyName,
                controller: controllerName, riskProfile: riskProfileName)
            for warning in selection.warnings { context.logger.warning("\(warning)") }
            if selection.environment.kind == .live, smoke != nil {
                throw ToolExit(
                    code: 3,
                    message: "the smoke test runs on paper or testnet environments only; '\(environmentName)' is live")
            }
            // The paper smoke audit log is the evidence the live gate asks for.
            let evidence = jsonLogPath.map { URL(fileURLWithPath: context.resolve($0)) }
            try LiveTradingGate.enforce(
                selection, request: LiveGateRequest(allowLive: allowLive, paperAuditLogPath: evidence, now: context.now()))
        } catch let error as BootstrapError {
            throw error.toolExit
        }
        context.logger.info(
            "Environment \(selection.environment.name) (\(selection.environment.kind.rawValue), "
                + "\(selection.environment.exchange)), strategy \(selection.strategy.name), controller "
                + "\(selection.controller.name) (\(selection.interval)), risk profile \(selection.riskProfile.name), "
                + "\(selection.markets.count) markets")
        return selection
    }

    /// The environment's data folder, resolved against the working directory.
    func cacheRoot(_ selection: TradingSelection, in context: ToolContext) -> URL {
        URL(fileURLWithPath: context.resolve(selection.environment.dataCachePath), isDirectory: true)
    }

    /// `--dry-run`: the whole pipeline over a read-only cache with in-memory state, then exit 0.
    func runDryRun(_ selection: TradingSelection, in context: ToolContext) async throws {
        let clock = TradingClock(wall: context.now)
        let pipeline = try await buildPipeline(
            selection,
            options: .init(clock: clock, riskStateFile: nil, ledger: .memory, journal: DisabledDecisionJournal()),
            readOnlyCache: true, in: context)
        let interval = selection.interval
        var lines = [
            "Dry run: pipeline ready, nothing traded and no state written.",
            "  environment:  \(selection.environment.name) (\(selection.environment.kind.rawValue), "
                + "\(selection.environment.exchange))",
            "  strategy:     \(selection.strategy.name) (warm-up \(pipeline.warmUpBars) bars)",
            "  controller:   \(selection.controller.name) (\(interval), tick \(Int(selection.controller.tickSeconds)) s)",
            "  risk profile: \(selection.riskProfile.name)",
            "  markets:      " + selection.markets.map(\.symbol).joined(separator: ", "),
        ]
        for market in selection.markets {
            guard let key = pipeline.feed.series[market.symbol] else { continue }
            let info = try? await pipeline.store.info(of: key)
            let last = info?.lastOpenTime.map { UTCDateTime(milliseconds: $0).iso8601 } ?? "none"
            lines.append("    \(market.symbol) \(interval): \(info?.rowCount ?? 0) candles, newest \(last)")
        }
        context.write(lines.joined(separator: "\n") + "\n")
    }

    func buildPipeline(
        _ selection: TradingSelection, options: PaperTradingPipeline.Options, readOnlyCache: Bool,
        in context: ToolContext
    ) async throws -> PaperTradingPipeline {
        do {
            return try await PaperTradingPipeline.build(
                selection: selection, cacheRoot: cacheRoot(selection, in: context), options: options,
                readOnlyCache: readOnlyCache)
        } catch {
            throw ToolExit(code: 1, message: "\(error)")
        }
    }
}
