import Foundation

extension OHLCVStore {
    /// Re-reads every partition file and checks it against the manifest: existence, SHA-256, row count and
    /// range; also files without a record and series totals. Changes nothing (works on a read-only store).
    ///
    /// - Returns: every disagreement found, in path order; empty when the cache is consistent.
    public func verify() throws(OHLCVStoreError) -> [ManifestIssue] {
        var issues: [ManifestIssue] = []
        let rows = try partitionRows(of: nil)
        let recordedPaths = Set(rows.map(\.info.path))
        var totals: [SeriesKey: (rows: Int, first: Int64, last: Int64)] = [:]
        for row in rows {
            let info = row.info
            let total = totals[info.series]
            totals[info.series] = (
                (total?.rows ?? 0) + info.rows, min(total?.first ?? .max, info.firstOpenTime),
                max(total?.last ?? .min, info.lastOpenTime)
            )
            let path = absolutePath(info.path)
            guard let bytes = FileManager.default.contents(atPath: path) else {
                issues.append(.missingFile(path: info.path))
                continue
            }
            let hash = Self.sha256(bytes)
            if hash != info.sha256 {
                issues.append(.hashMismatch(path: info.path, recorded: info.sha256, actual: hash))
            }
            let contents: PartitionFile.Contents
            do {
                contents = try PartitionFile.read(path: path)
            } catch {
                issues.append(.unreadableFile(path: info.path, reason: error.reason))
                continue
            }
            let columns = contents.columns
            if columns.count != info.rows {
                issues.append(.rowsMismatch(path: info.path, recorded: info.rows, actual: columns.count))
            } else if let first = columns.openTimes.first, let last = columns.openTimes.last,
                first != info.firstOpenTime || last != info.lastOpenTime
            {
                issues.append(
                    .rangeMismatch(
                        path: info.path, recorded: info.firstOpenTime...info.lastOpenTime, actual: first...last))
            }
        }
        for file in discoverPartitions().files where !recordedPaths.contains(file.relativePath) {
            issues.append(.unrecordedFile(path: file.relativePath))
        }
        for info in try series() {
            let total = totals[info.series]
            if info.rowCount != (total?.rows ?? 0) {
                issues.append(
                    .seriesMismatch(
                        series: info.series.description,
                        reason: "the series records \(info.rowCount) rows but its partitions hold \(total?.rows ?? 0)"))
            } else if info.firstOpenTime != total?.first || info.lastOpenTime != total?.last {
                issues.append(
                    .seriesMismatch(
                        series: info.series.description,
                        reason: "the series' first/last open time disagrees with its partitions"))
            }
        }
        return issues
    }
}
