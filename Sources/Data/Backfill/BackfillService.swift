import BotExchanges

/// Fills the candle store from the venues' public history: every hole of each requested window, page by
/// page at the venue's page size, closed candles only, each month written durably and recorded once in
/// the ledger (DESIGN.md §4.4, seed 003).
///
/// ```swift
/// let service = BackfillService(store: store, sources: [source], now: clock)
/// let summary = try await service.backfill(BackfillRequest(series: key, start: start))
/// ```
///
/// Re-running a complete window sends no candle request: only the store's missing ranges are fetched.
/// A month is written while the next pages are fetched; at most one write is in flight and writes finish
/// in month order, so the ledger and watermark advance exactly once and in order. A crash loses at most
/// the month being written and the month being gathered; the next run finds them missing and fetches them
/// again.
/// A ban (HTTP 418) stops the run with ``BackfillError/banned(venue:retryAfterSeconds:completed:)``.
public struct BackfillService: Sendable {
    /// The store written to.
    public let store: OHLCVStore
    /// The candle sources by venue.
    public let sources: [Venue: any CandleSource]
    /// The wall clock (epoch ms, UTC): which candles are closed, and progress timing.
    public let now: @Sendable () -> Int64
    /// How many times one page is asked for before the series fails. The HTTP client already retries
    /// statuses and connection failures; this also covers answers that arrive broken (a truncated body).
    public let pageAttempts: Int
    /// Waits between page attempts (tests pass one that returns at once).
    public let sleep: @Sendable (Duration) async -> Void

    /// A service writing to `store` with one source per venue.
    ///
    /// - Parameters:
    ///   - pageAttempts: Attempts per page for broken answers, network failures and exhausted retries.
    ///   - sleep: Waits between attempts: one second, then two, four…
    public init(
        store: OHLCVStore, sources: [any CandleSource], now: @escaping @Sendable () -> Int64, pageAttempts: Int = 3,
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.store = store
        self.sources = Dictionary(sources.map { ($0.venue, $0) }, uniquingKeysWith: { _, last in last })
        self.now = now
        self.pageAttempts = max(1, pageAttempts)
        self.sleep = sleep
    }

    /// Fills every request in order and returns one summary each.
    ///
    /// A failing series is summarised with its errors and the run goes on; a ban stops the run.
    /// - Throws: ``BackfillError/banned(venue:retryAfterSeconds:completed:)`` carrying the summaries done.
    public func backfill(
        _ requests: [BackfillRequest], progress: @Sendable (BackfillProgress) -> Void = { _ in }
    ) async throws(BackfillError) -> [SeriesBackfillSummary] {
        var summaries: [SeriesBackfillSummary] = []
        for request in requests {
            do {
                summaries.append(try await backfill(request, progress: progress))
            } catch .banned(let venue, let retryAfter, let partial) {
                throw .banned(venue: venue, retryAfterSeconds: retryAfter, completed: summaries + partial)
            } catch {
                var failed = SeriesBackfillSummary(
                    series: request.series, requestedStart: request.start, requestedEnd: request.end ?? now())
                failed.errors.append(error.description)
                summaries.append(failed)
            }
        }
        return summaries
    }

    /// Fills one series' window.
    ///
    /// - Throws: ``BackfillError/banned(venue:retryAfterSeconds:completed:)`` (with this series' partial
    ///   summary), ``BackfillError/noSource(venue:)``. Other failures are reported in the summary.
    public func backfill(
        _ request: BackfillRequest, progress: @Sendable (BackfillProgress) -> Void = { _ in }
    ) async throws(BackfillError) -> SeriesBackfillSummary {
        let series = request.series
        let interval = series.interval
        guard let venue = Venue(rawValue: series.exchange), let source = sources[venue] else {
            throw .noSource(venue: series.exchange)
        }
        let started = now()
        // The window on the grid, closed candles only: the bucket holding "now" is still forming.
        var first = interval.start(ofBucketContaining: max(0, request.start))
        if first < request.start { first = interval.next(after: first) }
        let end = min(request.end ?? .max, interval.start(ofBucketContaining: started))
        var summary = SeriesBackfillSummary(series: series, requestedStart: first, requestedEnd: max(first, end))
        guard first < end else { return summary }
        var fill: Fill?
        do {
            let stored = try await store.openTimes(series: series, from: first, to: end)
            summary.skipped = stored.count
            var missing = try await store.missingRanges(series: series, from: first, to: end)
            if let earliest = source.earliestAvailableOpenTime(interval: interval, now: started), earliest > first {
                summary.availableFrom = earliest
                var kept: [Range<Int64>] = []
                for range in missing {
                    if range.upperBound <= earliest {
                        summary.unavailable += Self.count(interval, in: range)
                    } else if range.lowerBound < earliest {
                        summary.unavailable += Self.count(interval, in: range.lowerBound..<earliest)
                        kept.append(earliest..<range.upperBound)
                    } else {
                        kept.append(range)
                    }
                }
                missing = kept
            }
            let total = missing.reduce(0) { $0 + Self.count(interval, in: $1) }
            fill = Fill(series: series, total: total, started: started)
            for range in missing {
                try await fillRange(range, source: source, fill: &fill!, summary: &summary, progress: progress)
            }
            try await flushBatch(&fill!, summary: &summary)
            try await finishFlush(&fill!, summary: &summary)
        } catch let error as MarketDataError {
            // What was gathered before the failure is correct: keep it.
            // A month still being written is awaited first; if that write failed, nothing more is written.
            if fill != nil {
                do {
                    try await finishFlush(&fill!, summary: &summary)
                    try? await flushBatch(&fill!, summary: &summary)
                    try? await finishFlush(&fill!, summary: &summary)
                } catch {
                    summary.errors.append(error.description)
                }
            }
            if case .banned(let venue, let retryAfter) = error {
                summary.gapsLeft = (try? await gapsLeft(summary)) ?? 0
                throw .banned(venue: venue, retryAfterSeconds: retryAfter, completed: [summary])
            }
            summary.errors.append(error.description)
        } catch {
            summary.errors.append("\(error)")
            // A failed write has already been awaited; anything else still in flight finishes before the
            // summary is read.
            if fill != nil {
                do {
                    try await finishFlush(&fill!, summary: &summary)
                } catch {
                    summary.errors.append(error.description)
                }
            }
        }
        do {
            summary.gapsLeft = try await gapsLeft(summary)
        } catch {
            summary.errors.append(error.description)
        }
        return summary
    }

    /// The state of one series' fill: the batch of candles not yet written, and the progress counters.
    struct Fill {
        let series: SeriesKey
        let total: Int
        let started: Int64
        var done = 0
        var batch: [Candle] = []
        var batchMonth: PartitionMonth?
        /// The previous month's write, running while the next pages are fetched.
        var inFlight: Task<FlushOutcome, Never>?
    }

    /// What one month's write did, carried back from its task; `error` is where it stopped, if it did.
    struct FlushOutcome: Sendable {
        var written = 0
        var segments = 0
        var duplicateSegments = 0
        var error: OHLCVStoreError?
    }

    /// Pages through one hole; pages are gathered per calendar month and written a month at a time.
    private func fillRange(
        _ range: Range<Int64>, source: any CandleSource, fill: inout Fill, summary: inout SeriesBackfillSummary,
        progress: @Sendable (BackfillProgress) -> Void
    ) async throws {
        let interval = fill.series.interval
        let limit = source.pageLimit
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            let pageEnd = min(range.upperBound, interval.advance(cursor, by: limit))
            let page = try await fetchPage(
                source: source, series: fill.series, from: cursor, to: range.upperBound - 1, summary: &summary)
            let closed = page.closedCandles(asOf: fill.started).filter {
                $0.openTime >= cursor && $0.openTime < range.upperBound
            }
            summary.fetched += closed.count
            // A full page ends at its newest candle; a short (or empty) one covered at least `limit` buckets
            // from the cursor on every venue, so the rest of those buckets are holes at the venue: move on.
            let next: Int64
            if closed.count >= limit, let newest = closed.last {
                next = interval.next(after: newest.openTime)
            } else {
                next = max(pageEnd, closed.last.map { interval.next(after: $0.openTime) } ?? pageEnd)
            }
            fill.done += Self.count(interval, in: cursor..<min(next, range.upperBound))
            for candle in closed {
                let month = PartitionMonth(containing: candle.openTime)
                if let current = fill.batchMonth, current != month {
                    try await flushBatch(&fill, summary: &summary)
                }
                fill.batchMonth = month
                fill.batch.append(candle)
            }
            cursor = next
            progress(
                BackfillProgress(
                    series: fill.series, total: fill.total, done: min(fill.done, fill.total), fetched: summary.fetched,
                    requests: summary.requests, elapsedMilliseconds: now() - fill.started))
        }
    }

    /// One page, asked for again after a broken answer or a failure the HTTP client gave up on; a ban,
    /// an unknown symbol or an unsupported interval fails at once.
    private func fetchPage(
        source: any CandleSource, series: SeriesKey, from start: Int64, to end: Int64,
        summary: inout SeriesBackfillSummary
    ) async throws(MarketDataError) -> CandlePage {
        var attempt = 1
        while true {
            summary.requests += 1
            do {
                return try await source.candles(
                    symbol: series.symbol, interval: series.interval, from: start, to: end, limit: source.pageLimit)
            } catch {
                switch error {
                case .malformedPayload, .network, .rateLimited, .httpStatus, .venueError:
                    guard attempt < pageAttempts else { throw error }
                    await sleep(.seconds(1 << min(attempt - 1, 5)))
                    attempt += 1
                default:
                    throw error
                }
            }
        }
    }

    /// Starts writing the gathered month once the previous month's write has finished (its failure is
    /// thrown here), so writes never overlap and complete in month order.
    private func flushBatch(_ fill: inout Fill, summary: inout SeriesBackfillSummary) async throws(OHLCVStoreError) {
        try await finishFlush(&fill, summary: &summary)
        guard !fill.batch.isEmpty else { return }
        let batch = fill.batch
        let series = fill.series
        let month = fill.batchMonth
        let started = fill.started
        let store = store
        let now = now
        // Unstructured only in form: every path out of a series (done, failure, ban, cancellation) awaits
        // it in finishFlush, so the write never outlives the call; a task group would have to own the
        // whole page loop to express the same one-write-ahead pipeline.
        fill.inFlight = Task {
            await Self.write(batch, series: series, month: month, started: started, store: store, now: now)
        }
        fill.batch = []
        fill.batch.reserveCapacity(batch.count)
        fill.batchMonth = nil
    }

    /// Waits for the month being written, adds what it did to the summary and throws where it stopped.
    private func finishFlush(_ fill: inout Fill, summary: inout SeriesBackfillSummary) async throws(OHLCVStoreError) {
        guard let task = fill.inFlight else { return }
        fill.inFlight = nil
        let outcome = await task.value
        summary.written += outcome.written
        summary.segments += outcome.segments
        summary.duplicateSegments += outcome.duplicateSegments
        if let error = outcome.error { throw error }
    }

    /// Writes one month, then records it in the ledger and moves the watermark in one transaction.
    private static func write(
        _ batch: [Candle], series: SeriesKey, month: PartitionMonth?, started: Int64, store: OHLCVStore,
        now: @Sendable () -> Int64
    ) async -> FlushOutcome {
        var outcome = FlushOutcome()
        guard let first = batch.first, let last = batch.last else { return outcome }
        do {
            let written = try await store.write(batch, series: series, now: started)
            outcome.written += written.written
            let segment = LedgerSegment(
                contentKey: contentKey(batch, series: series), series: series,
                rangeStart: first.openTime, rangeEnd: series.interval.next(after: last.openTime),
                rows: batch.count, kind: .parquet,
                path: month.map { OHLCVStore.partitionPath(series: series, month: $0) } ?? "",
                createdAt: now())
            outcome.segments += 1
            if try await !store.recordSegment(segment, advancingWatermarkTo: last.openTime) {
                outcome.duplicateSegments += 1
            }
        } catch {
            outcome.error = error
        }
        return outcome
    }

    /// Candles of the window (from the venue's oldest available on) still missing.
    private func gapsLeft(_ summary: SeriesBackfillSummary) async throws(OHLCVStoreError) -> Int {
        let from = max(summary.requestedStart, summary.availableFrom ?? .min)
        return try await store.missingRanges(series: summary.series, from: from, to: summary.requestedEnd)
            .reduce(0) { $0 + Self.count(summary.series.interval, in: $1) }
    }

    /// The number of grid open times in `range`.
    static func count(_ interval: Interval, in range: Range<Int64>) -> Int {
        guard !range.isEmpty else { return 0 }
        if let length = interval.fixedMilliseconds {
            var first = interval.start(ofBucketContaining: range.lowerBound)
            if first < range.lowerBound { first += length }
            return first < range.upperBound ? Int((range.upperBound - 1 - first) / length) + 1 : 0
        }
        return interval.openTimes(in: range).count
    }
}
