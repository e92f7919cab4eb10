/// The columns of a flat Parquet file, in file order.
public struct ParquetSchema: Sendable, Hashable {
    /// The columns, in file order.
    public var columns: [ParquetColumn]

    /// A schema of `columns`, in file order.
    public init(_ columns: [ParquetColumn]) {
        self.columns = columns
    }

    /// The position of the column named `name`, or nil.
    public func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
