/// One delivered segment in the backfill ledger (seed 003): a file written for downstream consumers,
/// identified by the SHA-256 of its content so the same content is never delivered twice.
public struct LedgerSegment: Sendable, Hashable {
    /// What kind of file the segment is.
    public enum Kind: String, Sendable, Hashable {
        case parquet
        case csv
    }

    /// The SHA-256 content key, lower-case hex.
    public let contentKey: String
    /// The series the segment holds.
    public let series: SeriesKey
    /// The first open time in the segment (epoch ms).
    public let rangeStart: Int64
    /// The last open time in the segment (epoch ms).
    public let rangeEnd: Int64
    /// The number of candles.
    public let rows: Int
    /// The file kind.
    public let kind: Kind
    /// Where the file was written (as given by the writer).
    public let path: String
    /// When the segment was recorded (epoch ms).
    public let createdAt: Int64

    /// A segment record.
    public init(
        contentKey: String, series: SeriesKey, rangeStart: Int64, rangeEnd: Int64, rows: Int, kind: Kind,
        path: String, createdAt: Int64
    ) {
        self.contentKey = contentKey
        self.series = series
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        self.rows = rows
        self.kind = kind
        self.path = path
        self.createdAt = createdAt
    }
}
