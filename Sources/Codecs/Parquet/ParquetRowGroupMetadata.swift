/// One row group: a horizontal slice of the table, one chunk per column.
public struct ParquetRowGroupMetadata: Sendable, Equatable {
    /// The number of rows in this group.
    public var numRows: Int64
    /// The uncompressed size of all its column data, as the writer recorded it.
    public var totalByteSize: Int64
    /// One chunk per schema column, in schema order.
    public var columns: [ParquetColumnChunkMetadata]
}
