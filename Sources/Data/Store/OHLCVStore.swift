import BotCodecs
import BotCrypto
import BotExchanges
import Foundation

/// The local candle cache: month partitions in Parquet under `<root>/ohlcv_parquet/` and their index in the
/// SQLite manifest `<root>/ohlcv_manifest.sqlite` (DESIGN.md §4.2–4.3).
///
/// Layout: `ohlcv_parquet/<exchange>/<SYMBOL>/<interval>/year=YYYY/month=MM/data.parquet`, columns `open_time`
/// INT64 TIMESTAMP(MILLIS, UTC) and `open high low close volume` DOUBLE, sorted and unique by `open_time`,
/// partitioned by the UTC month of the open time, Snappy-compressed. DuckDB, pyarrow, polars and Spark read
/// the tree directly (`hive_partitioning`).
///
/// Only closed candles are stored: ``write(_:series:now:)`` drops (and counts) candles whose close time is
/// after `now`, so a backfill can pass whole exchange pages, the still-forming last candle included.
///
/// Each partition is written to a temporary file, flushed and renamed; then one SQLite transaction records
/// the file (rows, range, SHA-256) and updates the series. Opening reconciles files and manifest, so a crash
/// at any point loses nothing and records nothing twice (see ``reconciliation``).
///
/// ```swift
/// let store = try await OHLCVStore.open(root: URL(filePath: "var/data/binance_paper"))
/// let series = try SeriesKey(exchange: "binance_spot", symbol: "BTCUSDT", interval: .oneDay)
/// let summary = try await store.write(candles, series: series, now: clock())
/// let stored = try await store.read(series: series, from: start, to: end)
/// ```
///
/// The actor runs on its own dispatch queue: file and SQLite I/O block, and must not hold up Swift's
/// cooperative threads.
public actor OHLCVStore {
    /// The cache folder (`data_cache_path`).
    public nonisolated let root: URL
    /// The manifest's path.
    public nonisolated let manifestPath: String
    /// True when opened with `readOnly`: nothing is migrated, reconciled or written.
    public nonisolated let isReadOnly: Bool
    /// What opening found and repaired (empty for a read-only store, which repairs nothing).
    public internal(set) var reconciliation = ReconciliationReport()

    /// The folder below `root` holding the partitions.
    public static let parquetFolder = "ohlcv_parquet"
    /// The manifest's file name below `root`.
    public static let manifestName = "ohlcv_manifest.sqlite"

    let executor: SQLiteQueueExecutor
    let connection: SQLiteConnection
    let clock: @Sendable () -> Int64
    let writeOptions: ParquetWriteOptions
    var seriesIDs: [SeriesKey: Int64] = [:]
    /// Candles queued by `append`, per series.
    var pending: [SeriesKey: CandleColumns] = [:]
    /// How many candles `append` queues per series before writing them (about two months of 1m candles).
    public nonisolated let bufferLimit: Int

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    private init(
        root: URL, readOnly: Bool, compression: ParquetCompression, bufferLimit: Int,
        clock: @escaping @Sendable () -> Int64
    ) throws(OHLCVStoreError) {
        self.root = root
        self.bufferLimit = max(1, bufferLimit)
        self.isReadOnly = readOnly
        self.clock = clock
        manifestPath = root.appendingPathComponent(Self.manifestName).path
        writeOptions = ParquetWriteOptions(compression: compression, useDictionary: false)
        executor = SQLiteQueueExecutor(label: "botcore.ohlcv-store")
        if readOnly {
            guard FileManager.default.fileExists(atPath: manifestPath) else {
                throw .manifestMissing(path: manifestPath)
            }
        } else {
            do {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(Self.parquetFolder), withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: root.path, reason: "cannot create the folder (\(error.localizedDescription))")
            }
        }
        do {
            connection = try SQLiteConnection(
                path: manifestPath, configuration: readOnly ? .readOnly : SQLiteConfiguration())
        } catch {
            throw .cannotOpen(path: manifestPath, reason: error.description)
        }
        do {
            let migrator = SQLiteMigrator(ManifestSchema.migrations)
            if readOnly {
                guard try migrator.currentVersion(of: connection) == ManifestSchema.migrations.count else {
                    throw OHLCVStoreError.manifestNotMigrated(path: manifestPath)
                }
            } else {
                try migrator.migrate(connection)
            }
        } catch let error as OHLCVStoreError {
            throw error
        } catch {
            throw .cannotOpen(path: manifestPath, reason: "\(error)")
        }
    }

    /// Opens (creating when missing) the cache at `root` and reconciles its files with the manifest.
    ///
    /// - Parameters:
    ///   - root: The cache folder (`data_cache_path`).
    ///   - readOnly: Open without creating, migrating, reconciling or writing anything (for inspection);
    ///     fails when there is no manifest.
    ///   - verifyHashes: Hash every recorded file while reconciling; otherwise only files whose size or
    ///     modification time differ from the record are hashed.
    ///   - compression: The codec of partitions written from now on (Snappy by default).
    ///   - bufferLimit: How many candles ``append(_:series:now:)`` queues per series before writing.
    ///   - clock: The wall clock in epoch milliseconds, for `updated_at`/`written_at` stamps.
    /// - Throws: ``OHLCVStoreError/cannotOpen(path:reason:)``, ``OHLCVStoreError/manifestMissing(path:)``,
    ///   ``OHLCVStoreError/manifestNotMigrated(path:)``.
    public static func open(
        root: URL, readOnly: Bool = false, verifyHashes: Bool = false, compression: ParquetCompression = .snappy,
        bufferLimit: Int = 100_000,
        clock: @escaping @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
    ) async throws(OHLCVStoreError) -> OHLCVStore {
        let store = try OHLCVStore(
            root: root, readOnly: readOnly, compression: compression, bufferLimit: bufferLimit, clock: clock)
        if !readOnly { try await store.reconcile(verifyHashes: verifyHashes) }
        return store
    }

    // MARK: Writing

    /// Stores the closed candles of `candles` in `series`, merging them into the month partitions they
    /// fall in; for an open time already stored the new candle wins (the exchange's latest value).
    ///
    /// Candles whose close time (open time plus one interval, calendar months for `1M`) is after `now` are
    /// dropped and counted in ``CandleWriteSummary/droppedOpen``, as are candles off the interval's grid
    /// (``CandleWriteSummary/droppedMisaligned``). Only the months the candles fall in are read and
    /// rewritten; a month whose candles are all stored already with the same values is not rewritten.
    /// Every call rewrites each month it touches: pass a month or more per call, or use
    /// ``append(_:series:now:)`` to pass exchange pages as they come.
    ///
    /// - Throws: ``OHLCVStoreError/writeFailed(path:reason:)`` (that month's previous file is unchanged;
    ///   months written before it stay written and recorded), ``OHLCVStoreError/manifest(path:reason:)``.
    @discardableResult
    public func write(
        _ candles: some Collection<Candle>, series: SeriesKey, now: Int64
    ) throws(OHLCVStoreError) -> CandleWriteSummary {
        guard !isReadOnly else { throw .readOnly(path: root.path) }
        var summary = CandleWriteSummary()
        var accepted = CandleColumns(capacity: candles.count)
        Self.acceptClosed(candles, interval: series.interval, now: now, into: &accepted, summary: &summary)
        try writeAccepted(accepted, series: series, now: now, summary: &summary)
        return summary
    }

    /// Queues the closed candles of `candles` and writes them once ``bufferLimit`` candles are queued for
    /// the series (or at ``flush(series:now:)``), so a backfill can pass one exchange page at a time without
    /// rewriting a month per page.
    ///
    /// Queued candles are not durable until written: write the ledger and watermarks only after
    /// ``flush(series:now:)``. After a crash the unwritten candles are simply missing, and
    /// ``missingRanges(series:from:to:)`` shows them for the next run. Candles are judged closed against the
    /// `now` given here.
    /// - Returns: what this call wrote (empty while candles are only queued), with the dropped counts.
    @discardableResult
    public func append(
        _ candles: some Collection<Candle>, series: SeriesKey, now: Int64
    ) throws(OHLCVStoreError) -> CandleWriteSummary {
        guard !isReadOnly else { throw .readOnly(path: root.path) }
        var summary = CandleWriteSummary()
        var queued = pending.removeValue(forKey: series) ?? CandleColumns(capacity: bufferLimit)
        Self.acceptClosed(candles, interval: series.interval, now: now, into: &queued, summary: &summary)
        if queued.count >= bufferLimit {
            try writeAccepted(queued, series: series, now: now, summary: &summary)
        } else {
            pending[series] = queued
        }
        return summary
    }

    /// Writes the candles queued by ``append(_:series:now:)`` for `series` (every series when nil).
    @discardableResult
    public func flush(series: SeriesKey? = nil, now: Int64) throws(OHLCVStoreError) -> CandleWriteSummary {
        var summary = CandleWriteSummary()
        let keys = series.map { [$0] } ?? pending.keys.sorted()
        for key in keys {
            guard let queued = pending.removeValue(forKey: key) else { continue }
            try writeAccepted(queued, series: key, now: now, summary: &summary)
        }
        return summary
    }

    /// The number of candles queued by ``append(_:series:now:)`` and not yet written.
    public var queuedCount: Int { pending.values.reduce(0) { $0 + $1.count } }

    /// Appends the closed, aligned candles to `accepted`, counting the others.
    private static func acceptClosed(
        _ candles: some Collection<Candle>, interval: Interval, now: Int64, into accepted: inout CandleColumns,
        summary: inout CandleWriteSummary
    ) {
        let length = interval.fixedMilliseconds
        for candle in candles {
            let time = candle.openTime
            guard interval.isAligned(time) else {
                summary.droppedMisaligned += 1
                continue
            }
            let closeTime = length.map { time &+ $0 } ?? interval.next(after: time)
            guard closeTime <= now else {
                summary.droppedOpen += 1
                continue
            }
            accepted.append(candle)
        }
    }

    /// Sorts and dedupes `accepted` (a later candle wins) and merges it month by month.
    private func writeAccepted(
        _ accepted: CandleColumns, series: SeriesKey, now: Int64, summary: inout CandleWriteSummary
    ) throws(OHLCVStoreError) {
        var accepted = accepted
        if !PartitionFile.isStrictlyIncreasing(accepted.openTimes) {
            accepted = PartitionFile.sortedUnique(accepted)
        }
        var start = 0
        while start < accepted.count {
            let month = PartitionMonth(containing: accepted.openTimes[start])
            let end = accepted.lowerBound(month.endTime)
            var slice = CandleColumns(capacity: end - start)
            slice.append(rows: start..<end, of: accepted)
            try writePartition(slice, month: month, series: series, now: now, summary: &summary)
            start = end
        }
    }

    /// Merges `candles` (sorted, unique, all in `month`) into the month's file and records it.
    private func writePartition(
        _ candles: CandleColumns, month: PartitionMonth, series: SeriesKey, now: Int64,
        summary: inout CandleWriteSummary
    ) throws(OHLCVStoreError) {
        let relative = Self.partitionPath(series: series, month: month)
        let path = absolutePath(relative)
        var merged = candles
        var fileExists = FileStatus(path: path) != nil
        if fileExists {
            do {
                let existing = try PartitionFile.read(path: path)
                let result = CandleColumns.merge(existing: existing.columns, newer: candles)
                summary.inserted += result.inserted
                summary.replaced += result.replaced
                summary.unchanged += result.unchanged
                if result.inserted == 0 && result.replaced == 0 && existing.isCanonical
                    && (try? isRecorded(relative)) == true
                {
                    return
                }
                merged = result.merged
            } catch {
                // Keep the unreadable file next to the new one (nothing stored is deleted), and write the
                // month from the new candles: this is how re-running backfill repairs a corrupt month.
                try quarantine(path)
                fileExists = false
                summary.inserted += candles.count
            }
        } else {
            summary.inserted += candles.count
        }
        let bytes: [UInt8]
        do {
            bytes = try PartitionFile.encode(merged, options: writeOptions)
        } catch {
            throw .writeFailed(path: path, reason: error.description)
        }
        do {
            try bytes.withUnsafeBytes { buffer in
                try AtomicFile.write(buffer, to: URL(fileURLWithPath: path), createFolders: true)
            }
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        guard let status = FileStatus(path: path) else {
            throw .writeFailed(path: path, reason: "the file vanished right after it was written")
        }
        let record = PartitionRecord(
            month: month, path: relative, rows: merged.count, firstOpenTime: merged.openTimes[0],
            lastOpenTime: merged.openTimes[merged.count - 1], sha256: Self.sha256(bytes), bytes: status.bytes,
            modifiedNanoseconds: status.modifiedNanoseconds)
        try recordPartition(record, series: series, at: now)
        summary.partitionsWritten.append(month)
    }

    /// Renames an unreadable partition file aside (`data.parquet.corrupt-<ms>`), keeping its bytes.
    private func quarantine(_ path: String) throws(OHLCVStoreError) {
        let target = "\(path).corrupt-\(clock())"
        do {
            try FileManager.default.moveItem(atPath: path, toPath: target)
        } catch {
            throw .writeFailed(
                path: path, reason: "cannot move the unreadable file aside (\(error.localizedDescription))")
        }
    }

    // MARK: Paths and hashes

    /// The partition's path relative to the cache root.
    static func partitionPath(series: SeriesKey, month: PartitionMonth) -> String {
        "\(parquetFolder)/\(series.relativeFolder)/\(month.folderName)/data.parquet"
    }

    func absolutePath(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static func sha256(_ bytes: some DataProtocol) -> String {
        Hex.encode(SHA256.hash(bytes))
    }
}
