/// The columns of a flat Parquet file, in file order.
public struct ParquetSchema: Sendable, Hashable {
    public var columns: [ParquetColumn]

    public init(_ columns: [ParquetColumn]) {
        self.columns = columns
    }

    /// The position of the column named `name`, or nil.
    public func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
