/// How ``ParquetWriter`` lays out and compresses a file.
public struct ParquetWriteOptions: Sendable, Equatable {
    /// The codec applied to every page.
    public var compression: ParquetCompression
    /// Dictionary-encode columns (except booleans); a column chunk whose dictionary would exceed
    /// ``dictionaryPageSizeLimit`` bytes is written PLAIN instead.
    public var useDictionary: Bool
    /// The most rows in one row group.
    public var rowGroupSize: Int
    /// The approximate uncompressed size of one data page in bytes.
    public var dataPageSize: Int
    /// The largest dictionary page (in PLAIN-encoded bytes) before falling back to PLAIN.
    public var dictionaryPageSizeLimit: Int
    /// Application key/value pairs stored in the footer.
    public var keyValueMetadata: [String: String]
    /// The `created_by` string stored in the footer.
    public var createdBy: String
    /// The zlib level used for GZIP (0–9).
    public var gzipLevel: Int32
    /// Store a CRC-32 of every page so readers (this one, and pyarrow with
    /// `page_checksum_verification`) detect damaged pages instead of returning wrong values.
    public var writesPageChecksums: Bool

    /// Options matching pyarrow's defaults: SNAPPY, dictionary on, 1 Mi-row groups, 1 MiB pages.
    public init(
        compression: ParquetCompression = .snappy, useDictionary: Bool = true, rowGroupSize: Int = 1_048_576,
        dataPageSize: Int = 1 << 20, dictionaryPageSizeLimit: Int = 1 << 20, keyValueMetadata: [String: String] = [:],
        createdBy: String = "BotCodecs Parquet writer version 1.0.0 (build botcore)", gzipLevel: Int32 = 6,
        writesPageChecksums: Bool = true
    ) {
        self.compression = compression
        self.useDictionary = useDictionary
        self.rowGroupSize = rowGroupSize
        self.dataPageSize = dataPageSize
        self.dictionaryPageSizeLimit = dictionaryPageSizeLimit
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.gzipLevel = gzipLevel
        self.writesPageChecksums = writesPageChecksums
    }
}
