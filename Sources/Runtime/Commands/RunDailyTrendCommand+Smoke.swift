import BotAlerts
import BotCodecs
import BotData
import BotExchanges
import BotExecution
import BotRisk
import Foundation

extension RunDailyTrendCommand {
    /// `--paper-smoke`: pre-check as of the window end, cache check, the window replayed bar by bar from the
    /// cache (no network, no keys), then the report folder, its ZIP and the audit log entries.
    ///
    /// The run is a sandbox: its risk state lives in the report folder and its ledger in memory (written
    /// to `ledger.jsonl`), so a smoke test over 2024 never touches the environment's own state.
    func runSmoke(_ selection: TradingSelection, options: SmokeOptions, in context: ToolContext) async throws {
        let interval = selection.interval
        let window = options.window ?? Self.defaultWindow(now: context.now())
        // Every bar of the window has closed by the first millisecond after it.
        let asOf = window.end + 1
        context.logger.info("Smoke test of \(selection.environment.name) over \(window.description)")
        let precheck = try await runPrecheck(selection, options: options, asOf: asOf, in: context)
        try Task.checkCancellation()

        let base = URL(
            fileURLWithPath: options.output.map(context.resolve) ?? FileManager.default.temporaryDirectory.path,
            isDirectory: true)
        let directory = try SmokeReportWriter.makeDirectory(in: base, now: context.now())
        let clock = TradingClock(replayingFrom: window.start)
        let journal = MemoryDecisionJournal()
        let pipeline = try await buildPipeline(
            selection,
            options: .init(
                clock: clock, riskStateFile: RiskStateFile(url: directory.appendingPathComponent("risk_state.json")),
                ledger: .memory, journal: journal),
            readOnlyCache: true, in: context)

        let history = try await pipeline.feed.history(before: window.start, count: pipeline.warmUpBars)
        let bars = try await pipeline.feed.bars(from: window.start, to: asOf, closedBy: asOf)
        let checks = SmokeDataChecks(
            interval: interval, window: window, warmUpBars: pipeline.warmUpBars, history: history, bars: bars)
        guard checks.problems.isEmpty else {
            try? FileManager.default.removeItem(at: directory)
            throw ToolExit(
                code: 1,
                message: "the cache cannot carry the smoke test:\n"
                    + checks.problems.map { "  - \($0)" }.joined(separator: "\n")
                    + "\nrun seed-paper-cache --environment \(selection.environment.name) (offline) or backfill, "
                    + "then check-data-coverage --environment \(selection.environment.name) --as-of "
                    + UTCDateTime(milliseconds: asOf).iso8601)
        }
        await pipeline.controller.warmUp(history)
        let cycle = try await pipeline.controller.process(bars)
        context.logger.info(TradingLoop.describe(cycle, cycle: 1))
        // Interrupted: no report and no audit entries for a run the operator stopped (exit 130).
        if Task.isCancelled {
            try? FileManager.default.removeItem(at: directory)
            throw CancellationError()
        }

        let ledger = await pipeline.execution.ledgerRecords()
        let report = SmokeReport(
            environment: selection.environment.name, window: window,
            orders: cycle.trades.map { SmokeOrder(result: $0.result, symbol: $0.request.symbol, side: $0.request.side) },
            ledger: ledger, riskState: await pipeline.risk.snapshot(), dataChecks: checks.json,
            precheck: precheck.payload, storage: StorageCheck.measure(directory: directory, minimumFreeMB: options.minimumFreeMB),
            journalEvents: await journal.events().count,
            notes: [
                "strategy \(selection.strategy.name), controller \(selection.controller.name) (\(interval)), "
                    + "risk profile \(selection.riskProfile.name)",
                "\(cycle.bars) bars replayed after \(pipeline.warmUpBars) warm-up bars per symbol; "
                    + "\(cycle.signals) signals, \(cycle.filledOrders) filled, \(cycle.riskRejections) refused by risk, "
                    + "\(cycle.liquidations) liquidated",
            ] + (options.skipPrecheck ? ["paper pre-check skipped (--skip-paper-precheck)"] : []))
        try await writeJournal(journal, to: directory)
        let files = try SmokeReportWriter.write(report, to: directory)
        context.logger.info("Smoke report \(directory.path); summary.json SHA-256 \(files.summarySHA256)")
        var archive: SmokeArchiveResult?
        if options.archive {
            let result = try SmokeArchive.create(from: directory)
            archive = result
            context.logger.info("Smoke archive \(result.url.path); SHA-256 \(result.sha256)")
        }
        let storage = report.storage
        if let storage, storage.isLow {
            context.logger.warning(
                "Low disk space for the report: \(String(format: "%.2f", storage.freeMB ?? 0)) MB free, minimum "
                    + "\(String(format: "%.2f", storage.thresholdMB ?? 0)) MB")
        }
        let operatorName = SmokeOperatorName.resolve(option: options.operatorName, environment: context.environment)
        let severity = report.status.alertSeverity
        let entry = AuditLogEntry(
            timestamp: context.now(), operator: operatorName, environment: selection.environment.name,
            window: report.window, summaryPath: files.summaryURL.path, summarySHA256: files.summarySHA256,
            severity: severity, precheckRecord: precheck.auditEntry, precheckPayload: precheck.payload,
            archivePath: archive?.url.path, archiveSHA256: archive?.sha256, status: report.status)
        var markdownID: String?
        if let path = options.markdownLog {
            markdownID = try PaperTradingAuditLog.appendRow(to: URL(fileURLWithPath: context.resolve(path)), entry: entry)
            context.logger.info("Audit log \(path): row \(markdownID ?? "")")
        }
        var recordID: String?
        if let path = options.jsonLog {
            recordID = try PaperTradingAuditLog.appendRecord(
                to: URL(fileURLWithPath: context.resolve(path)), entry: entry, markdownID: markdownID)
            context.logger.info("Audit log \(path): record \(recordID ?? "")")
        }
        if let path = options.summaryJSON {
            try SmokeRunSummary.write(
                SmokeRunSummary(
                    status: report.status, environment: entry.environment, timestamp: entry.timestamp,
                    operator: operatorName, severity: severity, window: report.window, report: files,
                    storage: storage,
                    precheck: precheck.auditEntry.map {
                        .init(status: $0.status ?? "skipped", coverageStatus: $0.coverageStatus, riskStatus: $0.riskStatus)
                    } ?? .init(status: "skipped"),
                    jsonLog: options.jsonLog.map { ($0, recordID) }, markdownLog: options.markdownLog.map { ($0, markdownID) },
                    archive: archive),
                to: URL(fileURLWithPath: context.resolve(path)))
        }
        context.write(
            "Smoke test \(report.status.rawValue): \(cycle.filledOrders) orders filled over \(window.description)\n"
                + "report: \(directory.path)\nsummary.json SHA-256: \(files.summarySHA256)\n"
                + (archive.map { "archive: \($0.url.path)\narchive SHA-256: \($0.sha256)\n" } ?? ""))
        if report.status == .error {
            throw ToolExit(code: 1, message: "the smoke test failed; see \(files.summaryTextURL.path)")
        }
        if options.failOnLowSpace, storage?.isLow == true {
            throw ToolExit(code: 4, message: "low disk space for the smoke report (--smoke-fail-on-low-space)")
        }
    }

    /// The 30 whole UTC days before today, when no `--date-window` is given.
    static func defaultWindow(now: Int64) -> SmokeWindow {
        let today = UTCDateTime.day(ofMilliseconds: now) * UTCDateTime.millisecondsPerDay
        return SmokeWindow(start: today - 30 * UTCDateTime.millisecondsPerDay, end: today - 1)
    }

    /// The pre-check's outcome for the smoke report and the audit log.
    struct PrecheckOutcome {
        var payload: ReportJSON
        var auditEntry: AuditLogEntry.PrecheckRecord?
    }

    /// Runs the paper pre-check as of the window end (`asOf`) and keeps its report; stops the run when it
    /// found errors (or warnings with `--paper-precheck-fail-on-warnings`).
    func runPrecheck(
        _ selection: TradingSelection, options: SmokeOptions, asOf: Int64, in context: ToolContext
    ) async throws -> PrecheckOutcome {
        if options.skipPrecheck {
            context.logger.warning("Paper pre-check skipped (--skip-paper-precheck): note this in the audit log")
            return PrecheckOutcome(
                payload: PrecheckReport.skippedJSON(reason: "cli_flag"),
                auditEntry: nil)
        }
        let check = PaperPrecheck(
            config: selection.config, configPath: configPath, environmentName: selection.environment.name,
            options: .init(
                asOf: asOf, failOnWarnings: options.precheckFailOnWarnings, workingDirectory: context.currentDirectory))
        let report = try await check.run()
        let code = report.exitCode(failOnWarnings: options.precheckFailOnWarnings)
        guard code == 0 else {
            throw ToolExit(
                code: code,
                message: "the paper pre-check found problems as of \(UTCDateTime(milliseconds: asOf).iso8601):\n"
                    + (report.issues + report.warnings).map { "  - \($0)" }.joined(separator: "\n")
                    + "\nrun paper-precheck --environment \(selection.environment.name) --as-of "
                    + "\(UTCDateTime(milliseconds: asOf).iso8601) for the full report")
        }
        for warning in report.warnings { context.logger.warning("Paper pre-check: \(warning)") }
        context.logger.info("Paper pre-check \(report.status.rawValue)")
        var payload = report.json
        var entry = AuditLogEntry.PrecheckRecord(
            status: report.status.rawValue, coverageStatus: report.coverageStatus.rawValue,
            riskStatus: report.riskStatus.rawValue)
        if let directory = options.precheckAuditDirectory {
            let record = try PrecheckReportArchive.persist(
                report, environment: selection.environment.name,
                directory: URL(fileURLWithPath: context.resolve(directory), isDirectory: true),
                createdAt: context.now())
            context.logger.info("Paper pre-check report \(record.path); SHA-256 \(record.sha256)")
            payload = report.json(auditRecord: record)
            entry.path = record.path
            entry.sha256 = record.sha256
            entry.createdAt = record.createdAt
        }
        return PrecheckOutcome(payload: payload, auditEntry: entry)
    }

    /// Writes the run's decisions next to the report as `decisions.jsonl`.
    func writeJournal(_ journal: MemoryDecisionJournal, to directory: URL) async throws {
        let lines = await journal.events().map(\.jsonLine)
        let text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        try AtomicFile.write(Data(text.utf8), to: directory.appendingPathComponent("decisions.jsonl"))
    }
}
