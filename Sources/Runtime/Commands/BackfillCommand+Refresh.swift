import BotAlerts
import BotData
import BotExchanges
import Foundation

extension BackfillCommand {
    /// Reference §5.1 refresh periods and jitter (seconds) for intervals without an override.
    static let defaultRefreshSeconds: [String: Int] = ["1d": 86_400, "1h": 900, "15m": 300]
    static let defaultJitterSeconds: [String: Double] = ["1d": 900, "1h": 120, "15m": 45]
    /// The refresh period of intervals with neither an override nor a default.
    static let fallbackRefreshSeconds = 900

    /// Keeps the cache fresh until the task is cancelled (SIGINT/SIGTERM): each interval is refreshed on its
    /// own period (with jitter), over its series' windows, and the gap monitor checks it afterwards. A store
    /// write in progress finishes before the tool exits 0.
    func refresh(setup: Setup, requests: [BackfillRequest], context: ToolContext) async throws {
        let settings = setup.environment.adapterSettings
        let byInterval = Dictionary(grouping: requests, by: \.series.interval)
        let tracker = try await gapTracker(setup: setup, context: context)
        var due: [Interval: Int64] = [:]
        var generator = SystemRandomNumberGenerator()
        func period(_ interval: Interval) -> Int64 {
            let key = interval.description
            let seconds = settings.refreshSeconds[key] ?? Self.defaultRefreshSeconds[key] ?? Self.fallbackRefreshSeconds
            let jitter = settings.refreshJitter[key] ?? Self.defaultJitterSeconds[key] ?? 0
            let jittered = Double(seconds) + (jitter > 0 ? Double.random(in: -jitter...jitter, using: &generator) : 0)
            return Int64(max(1, jittered) * 1000)
        }
        let start = context.now()
        for interval in byInterval.keys { due[interval] = start + period(interval) }
        context.logger.info(
            "refreshing "
                + byInterval.keys.sorted().map { "\($0) every \(period($0) / 1000) s" }.joined(separator: ", ")
                + "; stop with Ctrl-C")
        while !Task.isCancelled {
            guard let (interval, when) = due.min(by: { $0.value < $1.value }) else { break }
            let wait = when - context.now()
            if wait > 0 {
                do {
                    try await context.clock.sleep(for: .milliseconds(wait), tolerance: nil)
                } catch {
                    break
                }
            }
            let now = context.now()
            let series = byInterval[interval] ?? []
            let windows = series.map { request in
                // Only missing candles of the recent days are requested.
                BackfillRequest(
                    series: request.series, start: max(request.start, now - Self.refreshLookback(request, now)))
            }
            do {
                let summaries = try await setup.service.backfill(windows)
                let fetched = summaries.reduce(0) { $0 + $1.fetched }
                let failed = summaries.filter { !$0.succeeded }
                context.logger.info("refresh \(interval): \(fetched) new candles over \(summaries.count) series")
                for summary in failed {
                    context.logger.error("refresh \(summary.series): \(summary.errors.joined(separator: "; "))")
                }
            } catch {
                context.logger.error("refresh \(interval): \(error)")
                if case .banned = error { throw ToolExit(code: 1, message: error.description) }
            }
            if Task.isCancelled { break }
            await checkGaps(tracker: tracker, store: setup.store, series: series.map(\.series), context: context)
            due[interval] = context.now() + period(interval)
        }
        try? await tracker.close()
        context.logger.info("stopped")
        throw ToolExit(code: 0)
    }

    /// How far a refresh looks back (reference §5.1): the window's length clamped to 1–3 days. Holes older
    /// than that (the venue's own, which would be asked for again at every refresh) are left to the next full
    /// backfill run.
    static func refreshLookback(_ request: BackfillRequest, _ now: Int64) -> Int64 {
        let day: Int64 = 86_400_000
        let windowDays = max(1, (now - request.start) / day)
        return min(windowDays, incrementalLookbackDays) * day
    }

    /// The reference's `--incremental-lookback-days` default.
    static let incrementalLookbackDays: Int64 = 3

    /// The gap monitor of the environment: audit lines in `<data_cache_path>/audit/<env>_ohlcv_gaps.jsonl`,
    /// alerts through a log channel with `--enable-alerts`.
    func gapTracker(setup: Setup, context: ToolContext) async throws -> GapIncidentTracker {
        let settings = setup.environment.adapterSettings.gapAlerts
        var thresholds: [Interval: Double] = [:]
        for (key, minutes) in settings?.warningGapMinutes ?? [:] {
            if let interval = try? Interval(parsing: key) { thresholds[interval] = Double(minutes) }
        }
        let policy = GapAlertPolicy(
            warningGapMinutes: thresholds, incidentThresholdCount: settings?.incidentThresholdCount ?? 5,
            incidentWindowMinutes: settings?.incidentWindowMinutes ?? 10,
            smsEscalationMinutes: settings?.smsEscalationMinutes ?? 15,
            warningThrottleMinutes: settings?.warningThrottleMinutes ?? 5)
        var sink: (@Sendable (AlertMessage) async -> Void)?
        if enableAlerts {
            let router = try AlertRouter(auditLog: InMemoryAlertAuditLog(), now: context.now)
            let logger = context.logger
            try await router.register(LogAlertChannel(now: context.now) { line in logger.warning(line) })
            sink = { message in _ = await router.dispatch(message) }
        }
        return GapIncidentTracker(
            environment: setup.environment.name, exchange: setup.venue.rawValue, policy: policy,
            auditURL: GapIncidentTracker.auditURL(dataCachePath: setup.store.root, environment: setup.environment.name),
            alerts: sink, now: context.now)
    }

    /// Hands the newest stored candle of each series to the gap monitor.
    func checkGaps(tracker: GapIncidentTracker, store: OHLCVStore, series: [SeriesKey], context: ToolContext) async {
        var observations: [GapObservation] = []
        for key in series {
            let info = try? await store.info(of: key)
            observations.append(
                GapObservation(
                    symbol: key.symbol, interval: key.interval,
                    latest: info?.lastOpenTime.map { .openTime($0) } ?? .missing,
                    rowCount: info.map { Int64($0.rowCount) }))
        }
        do {
            try await tracker.check(observations, asOf: context.now())
        } catch {
            context.logger.error("gap monitor: \(error)")
        }
    }
}
