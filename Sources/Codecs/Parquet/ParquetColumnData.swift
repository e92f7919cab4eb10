/// The values of one column, one slot per row. For an optional column `validity[i] == false` marks row
/// `i` null; its slot then holds a placeholder (zero, false or the empty string) that means nothing.
/// `validity == nil` means every row is present.
public enum ParquetColumnData: Sendable, Equatable {
    case int32([Int32], validity: [Bool]? = nil)
    case int64([Int64], validity: [Bool]? = nil)
    case double([Double], validity: [Bool]? = nil)
    case boolean([Bool], validity: [Bool]? = nil)
    /// UTF-8 text (BYTE_ARRAY with the STRING annotation).
    case string([String], validity: [Bool]? = nil)
    /// Uninterpreted bytes (BYTE_ARRAY without a STRING annotation).
    case bytes([[UInt8]], validity: [Bool]? = nil)

    /// The number of rows.
    public var count: Int {
        switch self {
        case .int32(let values, _): values.count
        case .int64(let values, _): values.count
        case .double(let values, _): values.count
        case .boolean(let values, _): values.count
        case .string(let values, _): values.count
        case .bytes(let values, _): values.count
        }
    }

    /// Which rows are present, or nil when all are.
    public var validity: [Bool]? {
        switch self {
        case .int32(_, let validity), .int64(_, let validity), .double(_, let validity),
            .boolean(_, let validity), .string(_, let validity), .bytes(_, let validity):
            validity
        }
    }

    /// The number of null rows.
    public var nullCount: Int {
        validity.map { $0.reduce(0) { $0 + ($1 ? 0 : 1) } } ?? 0
    }

    /// The case name, for messages.
    var kind: String {
        switch self {
        case .int32: "int32"
        case .int64: "int64"
        case .double: "double"
        case .boolean: "boolean"
        case .string: "string"
        case .bytes: "bytes"
        }
    }

    /// The physical type these values are stored as.
    public var physicalType: ParquetColumn.PhysicalType {
        switch self {
        case .int32: .int32
        case .int64: .int64
        case .double: .double
        case .boolean: .boolean
        case .string, .bytes: .byteArray
        }
    }
}
