/// One column of a flat Parquet schema: its name, how values are stored, what they mean, and whether
/// a row may be null.
public struct ParquetColumn: Sendable, Hashable {
    /// How values are stored on disk (Parquet's physical type).
    public enum PhysicalType: Int32, Sendable, Hashable, CustomStringConvertible {
        case boolean = 0
        case int32 = 1
        case int64 = 2
        case int96 = 3
        case float = 4
        case double = 5
        case byteArray = 6
        case fixedLenByteArray = 7

        public var description: String {
            switch self {
            case .boolean: "BOOLEAN"
            case .int32: "INT32"
            case .int64: "INT64"
            case .int96: "INT96"
            case .float: "FLOAT"
            case .double: "DOUBLE"
            case .byteArray: "BYTE_ARRAY"
            case .fixedLenByteArray: "FIXED_LEN_BYTE_ARRAY"
            }
        }
    }

    /// The unit of a timestamp column.
    public enum TimeUnit: Sendable, Hashable {
        case milliseconds, microseconds, nanoseconds
    }

    /// What stored values mean beyond their physical type.
    public enum LogicalType: Sendable, Hashable {
        /// UTF-8 text in a BYTE_ARRAY column.
        case string
        /// An instant (`isAdjustedToUTC`) or a local date-time counted in `unit` since the epoch, INT64.
        case timestamp(unit: TimeUnit, isAdjustedToUTC: Bool)
    }

    /// The column name (unique within a schema).
    public var name: String
    /// How values are stored.
    public var physicalType: PhysicalType
    /// What the values mean, or nil for plain numbers, booleans and bytes.
    public var logicalType: LogicalType?
    /// True when rows may be null (Parquet repetition OPTIONAL).
    public var isOptional: Bool

    /// A column; the static factories (``int64(_:optional:)``, ``timestampMillis(_:optional:)``, …) cover
    /// the usual cases.
    public init(name: String, physicalType: PhysicalType, logicalType: LogicalType? = nil, isOptional: Bool = false) {
        self.name = name
        self.physicalType = physicalType
        self.logicalType = logicalType
        self.isOptional = isOptional
    }

    /// An INT32 column.
    public static func int32(_ name: String, optional: Bool = false) -> ParquetColumn {
        ParquetColumn(name: name, physicalType: .int32, isOptional: optional)
    }

    /// An INT64 column.
    public static func int64(_ name: String, optional: Bool = false) -> ParquetColumn {
        ParquetColumn(name: name, physicalType: .int64, isOptional: optional)
    }

    /// A DOUBLE column.
    public static func double(_ name: String, optional: Bool = false) -> ParquetColumn {
        ParquetColumn(name: name, physicalType: .double, isOptional: optional)
    }

    /// A BOOLEAN column.
    public static func boolean(_ name: String, optional: Bool = false) -> ParquetColumn {
        ParquetColumn(name: name, physicalType: .boolean, isOptional: optional)
    }

    /// A UTF-8 string column (BYTE_ARRAY annotated STRING/UTF8).
    public static func string(_ name: String, optional: Bool = false) -> ParquetColumn {
        ParquetColumn(name: name, physicalType: .byteArray, logicalType: .string, isOptional: optional)
    }

    /// An INT64 column of UTC instants in epoch milliseconds (TIMESTAMP(MILLIS, UTC)).
    public static func timestampMillis(_ name: String, optional: Bool = false) -> ParquetColumn {
        ParquetColumn(
            name: name, physicalType: .int64, logicalType: .timestamp(unit: .milliseconds, isAdjustedToUTC: true),
            isOptional: optional)
    }
}
