/// Why a Parquet file could not be read or written. `description` is the operator message: what is
/// wrong, where (file, row group, column, byte offset) and what to do about it.
public enum ParquetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file lacks the `PAR1` magic or is too short to hold a footer.
    case notParquet(path: String, reason: String)
    /// The footer (FileMetaData) is damaged or inconsistent with the file; `offset` is a file offset.
    case corruptFooter(path: String, offset: Int, reason: String)
    /// A column chunk or one of its pages is damaged; `offset` is a file offset.
    case corruptColumnChunk(path: String, rowGroup: Int, column: String, offset: Int, reason: String)
    /// The file uses a Parquet feature this reader does not implement.
    case unsupported(path: String, feature: String)
    /// A value read from the file exceeds a limit this reader imposes to bound memory.
    case limitExceeded(path: String, what: String, value: Int, limit: Int)
    /// `readRowGroup` was asked for a column the file does not have.
    case columnNotFound(path: String, name: String)
    /// `readRowGroup` was asked for a row group the file does not have.
    case rowGroupOutOfRange(path: String, index: Int, count: Int)
    /// The writer was given a schema and columns that do not fit together.
    case invalidInput(reason: String)
    /// The operating system refused a file operation.
    case io(path: String, operation: String, reason: String)

    public var description: String {
        switch self {
        case .notParquet(let path, let reason):
            "\(path) is not a Parquet file (\(reason)); it may be truncated or overwritten — "
                + "re-create it (e.g. re-run the backfill for this partition)"
        case .corruptFooter(let path, let offset, let reason):
            "\(path) has a corrupt Parquet footer at byte \(offset): \(reason); the file is damaged — "
                + "re-create it (e.g. re-run the backfill for this partition)"
        case .corruptColumnChunk(let path, let rowGroup, let column, let offset, let reason):
            "\(path) row group \(rowGroup) column '\(column)' is corrupt at byte \(offset): \(reason); "
                + "the file is damaged — re-create it (e.g. re-run the backfill for this partition)"
        case .unsupported(let path, let feature):
            "\(path) uses \(feature), which this Parquet reader does not support; rewrite the file with "
                + "PLAIN/dictionary encodings and UNCOMPRESSED, SNAPPY or GZIP compression"
        case .limitExceeded(let path, let what, let value, let limit):
            "\(path) declares \(what) of \(value), over the reader's limit of \(limit); the file is corrupt "
                + "or was written with settings this reader refuses — re-create it with smaller row groups"
        case .columnNotFound(let path, let name):
            "\(path) has no column named '\(name)'; check the column name against the file's schema"
        case .rowGroupOutOfRange(let path, let index, let count):
            "\(path) has \(count) row group(s); row group \(index) does not exist"
        case .invalidInput(let reason):
            "cannot write Parquet: \(reason)"
        case .io(let path, let operation, let reason):
            "\(operation) \(path) failed: \(reason); check that the path exists and is accessible and that the disk "
                + "is not full"
        }
    }
}
