/// Why an ``OHLCVStore`` operation failed. Each message names the file or series and says what to do.
public enum OHLCVStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A series name that cannot be used (bad `EXCHANGE/SYMBOL/INTERVAL` text or an unusable folder name).
    case invalidSeries(String, reason: String)
    /// The cache folder or the manifest could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The manifest does not exist (read-only opening never creates one).
    case manifestMissing(path: String)
    /// The manifest was written by an older program and has not been migrated yet (read-only opening
    /// does not migrate).
    case manifestNotMigrated(path: String)
    /// A manifest query or transaction failed.
    case manifest(path: String, reason: String)
    /// A partition file cannot be decoded, or its columns are not candles.
    case corruptPartition(path: String, series: String, month: String, reason: String)
    /// Writing a partition file failed; the previous file (if any) is unchanged.
    case writeFailed(path: String, reason: String)
    /// Removing a partition file failed.
    case removeFailed(path: String, reason: String)
    /// A CSV file could not be read or written, or a record is not a candle.
    case csv(path: String, line: Int?, reason: String)
    /// A write was refused because the store was opened read-only.
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .invalidSeries(let text, let reason):
            "invalid series '\(text)': \(reason)"
        case .cannotOpen(let path, let reason):
            "cannot open the candle cache at \(path): \(reason); check the path (data_cache_path) and its permissions"
        case .manifestMissing(let path):
            "no manifest at \(path); the cache is empty or the path is wrong (check data_cache_path), "
                + "or run backfill to create it"
        case .manifestNotMigrated(let path):
            "the manifest \(path) has not been migrated to the current schema; open the cache once for writing "
                + "(run backfill, or OHLCVStore.open) to migrate it, then retry"
        case .manifest(let path, let reason):
            "manifest \(path): \(reason)"
        case .corruptPartition(let path, let series, let month, let reason):
            "corrupt partition \(path) (\(series), \(month)): \(reason); the other partitions are unaffected: "
                + "re-run backfill for \(series) over \(month) to rewrite it"
        case .writeFailed(let path, let reason):
            "cannot write partition \(path): \(reason); the previous file is unchanged and nothing was recorded; "
                + "check free space and permissions, then retry"
        case .removeFailed(let path, let reason):
            "cannot remove \(path): \(reason); check permissions, then retry"
        case .csv(let path, let line, let reason):
            "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)"
        case .readOnly(let path):
            "the candle cache at \(path) was opened read-only; open it for writing to change it"
        }
    }
}
