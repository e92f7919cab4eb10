/// Limits the reader applies to values read from a file, so a corrupt or hostile file cannot make it
/// allocate without bound.
public struct ParquetReaderOptions: Sendable, Equatable {
    /// The largest footer accepted, in bytes.
    public var maxFooterSize: Int
    /// The largest uncompressed page accepted, in bytes.
    public var maxPageSize: Int
    /// The most rows accepted in one row group.
    public var maxRowGroupRows: Int

    /// Limits generous enough for any file this package or pyarrow/DuckDB defaults write.
    public init(maxFooterSize: Int = 64 << 20, maxPageSize: Int = 512 << 20, maxRowGroupRows: Int = 1 << 26) {
        self.maxFooterSize = maxFooterSize
        self.maxPageSize = maxPageSize
        self.maxRowGroupRows = maxRowGroupRows
    }
}
