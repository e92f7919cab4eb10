/// A disagreement between the manifest and the partition files, found by ``OHLCVStore/verify()``.
public enum ManifestIssue: Sendable, Hashable, CustomStringConvertible {
    /// A recorded file does not exist.
    case missingFile(path: String)
    /// A file's SHA-256 differs from its record.
    case hashMismatch(path: String, recorded: String, actual: String)
    /// A file holds another number of rows, or another range, than its record says.
    case rowsMismatch(path: String, recorded: Int, actual: Int)
    /// A file's first/last open time differs from its record.
    case rangeMismatch(path: String, recorded: ClosedRange<Int64>, actual: ClosedRange<Int64>)
    /// A file cannot be read as candles.
    case unreadableFile(path: String, reason: String)
    /// A partition file has no record.
    case unrecordedFile(path: String)
    /// A series' row count or range differs from the sum of its partitions.
    case seriesMismatch(series: String, reason: String)

    /// The path or series the issue is about.
    public var subject: String {
        switch self {
        case .missingFile(let path), .hashMismatch(let path, _, _), .rowsMismatch(let path, _, _),
            .rangeMismatch(let path, _, _), .unreadableFile(let path, _), .unrecordedFile(let path):
            path
        case .seriesMismatch(let series, _): series
        }
    }

    public var description: String {
        switch self {
        case .missingFile(let path):
            "\(path): recorded in the manifest but the file is missing; run backfill for this series and month"
        case .hashMismatch(let path, let recorded, let actual):
            "\(path): SHA-256 \(actual) differs from the recorded \(recorded); the file changed after it was "
                + "written (opening the store for writing re-records it if it is valid)"
        case .rowsMismatch(let path, let recorded, let actual):
            "\(path): holds \(actual) rows but the manifest records \(recorded)"
        case .rangeMismatch(let path, let recorded, let actual):
            "\(path): holds open times \(actual.lowerBound)…\(actual.upperBound) but the manifest records "
                + "\(recorded.lowerBound)…\(recorded.upperBound)"
        case .unreadableFile(let path, let reason):
            "\(path): cannot be read as candles (\(reason)); re-run backfill for this series and month to rewrite it"
        case .unrecordedFile(let path):
            "\(path): a partition file the manifest does not record (opening the store for writing records it)"
        case .seriesMismatch(let series, let reason):
            "\(series): \(reason)"
        }
    }
}
