import Foundation

extension OHLCVStore {
    /// Removes every partition whose month ends at or before `horizon` (all its candles are older than
    /// the horizon), deleting the file and its record and updating the series. A month that straddles the
    /// horizon is kept whole: retention never rewrites files.
    @discardableResult
    public func prune(olderThan horizon: Int64, now: Int64) throws(OHLCVStoreError) -> PruneSummary {
        guard !isReadOnly else { throw .readOnly(path: root.path) }
        var summary = PruneSummary()
        for row in try partitionRows(of: nil) where row.info.month.endTime <= horizon {
            let path = absolutePath(row.info.path)
            if FileManager.default.fileExists(atPath: path) {
                do {
                    try FileManager.default.removeItem(atPath: path)
                } catch {
                    throw .removeFailed(path: path, reason: error.localizedDescription)
                }
            }
            try transaction { connection in
                try connection.execute("DELETE FROM partitions WHERE path = ?1", arguments: [row.info.path])
                try Self.refreshSeries(row.id, in: connection, at: now)
            }
            removeEmptyFolders(from: URL(fileURLWithPath: path).deletingLastPathComponent(), levels: 2)
            summary.removedPartitions.append(row.info.path)
            summary.removedRows += row.info.rows
        }
        return summary
    }

    /// Removes the month and year folders once empty, so the tree holds no husks.
    private func removeEmptyFolders(from folder: URL, levels: Int) {
        var current = folder
        for _ in 0..<levels {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: current.path), names.isEmpty else {
                return
            }
            try? FileManager.default.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }
}
