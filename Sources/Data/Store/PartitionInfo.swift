/// One month partition file as the manifest records it.
public struct PartitionInfo: Sendable, Hashable {
    /// The series it belongs to.
    public let series: SeriesKey
    /// The UTC month it holds.
    public let month: PartitionMonth
    /// The file's path relative to the cache root (`ohlcv_parquet/…/data.parquet`).
    public let path: String
    /// The number of candles in the file.
    public let rows: Int
    /// The oldest open time in the file (epoch ms).
    public let firstOpenTime: Int64
    /// The newest open time in the file (epoch ms).
    public let lastOpenTime: Int64
    /// The SHA-256 of the file's bytes, lower-case hex.
    public let sha256: String
    /// The file's size in bytes.
    public let bytes: Int
    /// When the file was recorded (epoch ms).
    public let writtenAt: Int64
}
