/// Where one column of one row group lives and how it is encoded.
public struct ParquetColumnChunkMetadata: Sendable, Equatable {
    /// The column's path (one name in a flat schema).
    public var pathInSchema: [String]
    /// How values are stored.
    public var physicalType: ParquetColumn.PhysicalType
    /// Every encoding used by the chunk's pages and levels.
    public var encodings: [ParquetEncoding]
    /// The codec applied to each page.
    public var compression: ParquetCompression
    /// The number of values including nulls (the row count in a flat schema).
    public var numValues: Int64
    /// The size of all pages and their headers before compression.
    public var totalUncompressedSize: Int64
    /// The size of all pages and their headers as stored.
    public var totalCompressedSize: Int64
    /// The file offset of the first data page.
    public var dataPageOffset: Int64
    /// The file offset of the dictionary page, if the chunk has one.
    public var dictionaryPageOffset: Int64?
    /// Min, max and null count of the chunk, if the writer stored them.
    public var statistics: ParquetStatistics?
}
