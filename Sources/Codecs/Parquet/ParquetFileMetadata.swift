/// What a Parquet footer says about the file: its schema, row groups and key/value metadata.
public struct ParquetFileMetadata: Sendable, Equatable {
    /// The format version recorded by the writer (1 or 2).
    public var version: Int32
    /// The columns, in file order.
    public var schema: ParquetSchema
    /// The total number of rows over all row groups.
    public var numRows: Int64
    /// The row groups, in file order.
    public var rowGroups: [ParquetRowGroupMetadata]
    /// Application key/value pairs (a key without a value maps to the empty string).
    public var keyValueMetadata: [String: String]
    /// The writing application, e.g. `parquet-cpp-arrow version 26.0.1`.
    public var createdBy: String?
}
