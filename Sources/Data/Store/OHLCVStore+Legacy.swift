import BotCodecs
import Foundation

/// Caches written by the Python original (`spec/reference-data.md` §3) are read as they are: their files
/// sit in the same Hive layout, so opening the store records them (reconciliation), and reads accept their
/// float `open_time` and column order. Migrating rewrites them in our schema so other tools see an INT64
/// timestamp column too.
extension OHLCVStore {
    /// Rewrites every partition not in our schema (float `open_time`, other column order or names, unsorted
    /// rows) atomically in our schema, and records it; partitions already in our schema are left alone.
    public func migrateLegacyPartitions(now: Int64) throws(OHLCVStoreError) -> LegacyMigrationReport {
        guard !isReadOnly else { throw .readOnly(path: root.path) }
        var report = LegacyMigrationReport()
        for row in try partitionRows(of: nil) {
            let info = row.info
            let path = absolutePath(info.path)
            let contents: PartitionFile.Contents
            do {
                contents = try PartitionFile.read(path: path)
            } catch {
                throw .corruptPartition(
                    path: path, series: info.series.description, month: info.month.description, reason: error.reason)
            }
            guard !contents.isCanonical, !contents.columns.isEmpty else { continue }
            let bytes: [UInt8]
            do {
                bytes = try PartitionFile.encode(contents.columns, options: writeOptions)
                try bytes.withUnsafeBytes { buffer in
                    try AtomicFile.write(buffer, to: URL(fileURLWithPath: path))
                }
            } catch {
                throw .writeFailed(path: path, reason: "\(error)")
            }
            guard let status = FileStatus(path: path) else {
                throw .writeFailed(path: path, reason: "the file vanished right after it was written")
            }
            let columns = contents.columns
            let record = PartitionRecord(
                month: info.month, path: info.path, rows: columns.count, firstOpenTime: columns.openTimes[0],
                lastOpenTime: columns.openTimes[columns.count - 1], sha256: Self.sha256(bytes), bytes: status.bytes,
                modifiedNanoseconds: status.modifiedNanoseconds)
            try recordPartition(record, series: info.series, at: now)
            report.rewrittenPartitions.append(info.path)
            report.rewrittenRows += columns.count
        }
        report.legacyMetadata = try legacyMetadata()
        return report
    }

    /// The Python original's `last_timestamp::<S>::<I>` and `row_count::<S>::<I>` entries, when its
    /// `metadata` table is in the manifest file; empty otherwise. Ordered by symbol, then interval.
    public func legacyMetadata() throws(OHLCVStoreError) -> [LegacySeriesMetadata] {
        let pairs: [(String, String)] = try query { connection in
            let hasTable =
                try connection.scalar(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'metadata'", as: Int.self) != nil
            guard hasTable else { return [] }
            return try connection.query("SELECT key, value FROM metadata") { row in
                (try row.value(at: 0, as: String.self), try row.value(at: 1, as: String.self))
            }
        }
        var entries: [String: (last: String?, count: String?)] = [:]
        for (key, value) in pairs {
            for prefix in ["last_timestamp::", "row_count::"] where key.hasPrefix(prefix) {
                let name = String(key.dropFirst(prefix.count))
                var entry = entries[name] ?? (nil, nil)
                if prefix == "last_timestamp::" { entry.last = value } else { entry.count = value }
                entries[name] = entry
            }
        }
        return entries.keys.sorted().compactMap { name in
            // The key is `<SYMBOL>::<INTERVAL>`, split on the first `::` as the original does.
            guard let separator = name.range(of: "::") else { return nil }
            let entry = entries[name]!
            return LegacySeriesMetadata(
                symbol: String(name[..<separator.lowerBound]), interval: String(name[separator.upperBound...]),
                lastTimestamp: entry.last.flatMap {
                    Int64($0) ?? Double($0).flatMap { Int64(exactly: $0.rounded(.towardZero)) }
                },
                rowCount: entry.count.flatMap { Int($0) })
        }
    }
}
