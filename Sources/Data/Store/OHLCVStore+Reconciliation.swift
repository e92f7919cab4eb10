import BotExchanges
import Foundation

/// A partition file found on disk.
struct DiscoveredPartition {
    let relativePath: String
    let series: SeriesKey
    let month: PartitionMonth
}

extension OHLCVStore {
    /// Brings the manifest in line with the partition files (see ``ReconciliationReport``).
    func reconcile(verifyHashes: Bool) throws(OHLCVStoreError) {
        var report = ReconciliationReport()
        let (files, temporaries) = discoverPartitions()
        for temporary in temporaries {
            if (try? FileManager.default.removeItem(atPath: absolutePath(temporary))) != nil {
                report.entries.append(.removedTemporaryFile(path: temporary))
            }
        }
        let records = try partitionRows(of: nil)
        let onDisk = Set(files.map(\.relativePath))
        for record in records where !onDisk.contains(record.info.path) {
            try transaction { connection in
                try connection.execute("DELETE FROM partitions WHERE path = ?1", arguments: [record.info.path])
                try Self.refreshSeries(record.id, in: connection, at: clock())
            }
            report.entries.append(.removedMissingFile(path: record.info.path, rows: record.info.rows))
        }
        let recorded = Dictionary(records.map { ($0.info.path, $0) }, uniquingKeysWith: { first, _ in first })
        for file in files {
            let path = absolutePath(file.relativePath)
            guard let status = FileStatus(path: path) else { continue }
            if let record = recorded[file.relativePath] {
                let unchanged =
                    status.bytes == record.info.bytes && status.modifiedNanoseconds == record.modifiedNanoseconds
                if unchanged && !verifyHashes { continue }
                guard let bytes = FileManager.default.contents(atPath: path) else { continue }
                let hash = Self.sha256(bytes)
                if hash == record.info.sha256 {
                    if !unchanged { try refreshStatus(file.relativePath, status) }
                    continue
                }
                if let entry = try recordFile(file, hash: hash, status: status, isNew: false) {
                    report.entries.append(entry)
                }
            } else {
                guard let bytes = FileManager.default.contents(atPath: path) else { continue }
                if let entry = try recordFile(file, hash: Self.sha256(bytes), status: status, isNew: true) {
                    report.entries.append(entry)
                }
            }
        }
        reconciliation = report
    }

    /// Reads `file` and records it; returns the report entry (a corrupt file is reported, not recorded).
    private func recordFile(
        _ file: DiscoveredPartition, hash: String, status: FileStatus, isNew: Bool
    ) throws(OHLCVStoreError) -> ReconciliationReport.Entry? {
        let contents: PartitionFile.Contents
        do {
            contents = try PartitionFile.read(path: absolutePath(file.relativePath))
        } catch {
            return .corruptFile(
                path: file.relativePath, series: file.series.description, month: file.month.description,
                reason: error.reason)
        }
        let columns = contents.columns
        guard !columns.isEmpty else {
            return .corruptFile(
                path: file.relativePath, series: file.series.description, month: file.month.description,
                reason: "the file holds no candles")
        }
        let record = PartitionRecord(
            month: file.month, path: file.relativePath, rows: columns.count, firstOpenTime: columns.openTimes[0],
            lastOpenTime: columns.openTimes[columns.count - 1], sha256: hash, bytes: status.bytes,
            modifiedNanoseconds: status.modifiedNanoseconds)
        try recordPartition(record, series: file.series, at: clock())
        return isNew
            ? .recordedUnlistedFile(path: file.relativePath, rows: columns.count)
            : .rerecordedChangedFile(path: file.relativePath, rows: columns.count)
    }

    /// Stores a new size and modification time for a file whose content is unchanged (copied, touched).
    private func refreshStatus(_ relative: String, _ status: FileStatus) throws(OHLCVStoreError) {
        try transaction { connection in
            try connection.execute(
                "UPDATE partitions SET bytes = ?1, modified_ns = ?2 WHERE path = ?3",
                arguments: [status.bytes, status.modifiedNanoseconds, relative])
        }
    }

    /// Walks `ohlcv_parquet/<exchange>/<SYMBOL>/<interval>/year=YYYY/month=MM/` for `data.parquet` files and
    /// for temporary files left by interrupted writes (relative paths).
    func discoverPartitions() -> (files: [DiscoveredPartition], temporaries: [String]) {
        var files: [DiscoveredPartition] = []
        var temporaries: [String] = []
        func children(_ relative: String) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: absolutePath(relative))) ?? []
            return names.filter { !$0.hasPrefix(".") || $0.hasPrefix(".data.parquet.tmp-") }.sorted()
        }
        let base = Self.parquetFolder
        for exchange in children(base) {
            for symbol in children("\(base)/\(exchange)") {
                for intervalName in children("\(base)/\(exchange)/\(symbol)") {
                    guard let interval = Interval(intervalName),
                        let series = try? SeriesKey(exchange: exchange, symbol: symbol, interval: interval)
                    else { continue }
                    let seriesFolder = "\(base)/\(exchange)/\(symbol)/\(intervalName)"
                    for yearName in children(seriesFolder) {
                        guard yearName.hasPrefix("year="), let year = Int(yearName.dropFirst(5)) else { continue }
                        for monthName in children("\(seriesFolder)/\(yearName)") {
                            guard monthName.hasPrefix("month="), let monthNumber = Int(monthName.dropFirst(6)),
                                let month = PartitionMonth(year: year, month: monthNumber)
                            else { continue }
                            let folder = "\(seriesFolder)/\(yearName)/\(monthName)"
                            for name in children(folder) {
                                if name == "data.parquet" {
                                    files.append(
                                        DiscoveredPartition(
                                            relativePath: "\(folder)/\(name)", series: series, month: month))
                                } else if name.hasPrefix(".data.parquet.tmp-") {
                                    temporaries.append("\(folder)/\(name)")
                                }
                            }
                        }
                    }
                }
            }
        }
        return (files, temporaries)
    }
}
