/// What opening the store found out of step between the partition files and the manifest, and what it did.
///
/// Files are the truth for candles; the manifest is an index of them (DESIGN.md §4.2–4.3). A crash between
/// a file's rename and the manifest commit leaves a file without a record; a file removed by hand leaves a
/// record without a file; a file changed by hand or by a disk fault no longer matches its hash.
public struct ReconciliationReport: Sendable, Hashable {
    /// One repair or finding.
    public enum Entry: Sendable, Hashable, CustomStringConvertible {
        /// A partition file without a record was read and recorded.
        case recordedUnlistedFile(path: String, rows: Int)
        /// A record whose file is gone was removed (its rows no longer count).
        case removedMissingFile(path: String, rows: Int)
        /// A file whose hash differed from its record was valid and was recorded again.
        case rerecordedChangedFile(path: String, rows: Int)
        /// A file that cannot be read as candles; it is left in place, untouched, and skipped by reads.
        case corruptFile(path: String, series: String, month: String, reason: String)
        /// A leftover temporary file of an interrupted write was removed.
        case removedTemporaryFile(path: String)

        public var description: String {
            switch self {
            case .recordedUnlistedFile(let path, let rows):
                "recorded \(path) (\(rows) rows), written but not recorded (interrupted write)"
            case .removedMissingFile(let path, let rows):
                "removed the record of \(path) (\(rows) rows): the file is missing; run backfill to fetch them again"
            case .rerecordedChangedFile(let path, let rows):
                "recorded \(path) again (\(rows) rows): its content changed since it was recorded"
            case .corruptFile(let path, let series, let month, let reason):
                "corrupt partition \(path): \(reason); re-run backfill for \(series) over \(month) to rewrite it"
            case .removedTemporaryFile(let path):
                "removed \(path), left by an interrupted write"
            }
        }
    }

    /// Every repair and finding, in the order found.
    public var entries: [Entry] = []

    /// True when files and manifest agreed.
    public var isClean: Bool { entries.isEmpty }

    /// The corrupt files found (the operator must re-run backfill for them).
    public var corruptFiles: [String] {
        entries.compactMap { if case .corruptFile(let path, _, _, _) = $0 { path } else { nil } }
    }
}
