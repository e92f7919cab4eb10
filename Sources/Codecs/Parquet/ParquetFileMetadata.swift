/// What a Parquet footer says about the file: its schema, row groups and key/value metadata.
public struct ParquetFileMetadata: Sendable, Equatable {
    /// The format version recorded by the writer (1 or 2).
    public var version: Int32
    public var schema: ParquetSchema
    public var numRows: Int64
    public var rowGroups: [ParquetRowGroupMetadata]
    /// Application key/value pairs (a key without a value maps to the empty string).
    public var keyValueMetadata: [String: String]
    /// The writing application, e.g. `parquet-cpp-arrow version 26.0.1`.
    public var createdBy: String?
}

/// One row group: a horizontal slice of the table, one chunk per column.
public struct ParquetRowGroupMetadata: Sendable, Equatable {
    public var numRows: Int64
    public var totalByteSize: Int64
    public var columns: [ParquetColumnChunkMetadata]
}

/// Where one column of one row group lives and how it is encoded.
public struct ParquetColumnChunkMetadata: Sendable, Equatable {
    public var pathInSchema: [String]
    public var physicalType: ParquetColumn.PhysicalType
    public var encodings: [ParquetEncoding]
    public var compression: ParquetCompression
    public var numValues: Int64
    public var totalUncompressedSize: Int64
    public var totalCompressedSize: Int64
    public var dataPageOffset: Int64
    public var dictionaryPageOffset: Int64?
    public var statistics: ParquetStatistics?
}

/// Column chunk statistics. Byte values are PLAIN-encoded (little-endian numbers, raw string bytes);
/// ``min(as:)`` and ``max(as:)`` decode them.
public struct ParquetStatistics: Sendable, Equatable {
    public var nullCount: Int64?
    public var distinctCount: Int64?
    /// Minimum under the column's type-defined order (the current `min_value` field).
    public var minValue: [UInt8]?
    /// Maximum under the column's type-defined order (the current `max_value` field).
    public var maxValue: [UInt8]?
    /// The deprecated signed-order `min` field some old writers fill instead.
    public var legacyMin: [UInt8]?
    /// The deprecated signed-order `max` field.
    public var legacyMax: [UInt8]?

    public init(
        nullCount: Int64? = nil, distinctCount: Int64? = nil, minValue: [UInt8]? = nil, maxValue: [UInt8]? = nil,
        legacyMin: [UInt8]? = nil, legacyMax: [UInt8]? = nil
    ) {
        self.nullCount = nullCount
        self.distinctCount = distinctCount
        self.minValue = minValue
        self.maxValue = maxValue
        self.legacyMin = legacyMin
        self.legacyMax = legacyMax
    }

    /// A decoded statistics value.
    public enum Value: Sendable, Equatable {
        case int32(Int32)
        case int64(Int64)
        case double(Double)
        case boolean(Bool)
        case bytes([UInt8])
    }

    /// The minimum decoded as `type` (from `min_value`, else the legacy field), or nil.
    public func min(as type: ParquetColumn.PhysicalType) -> Value? {
        (minValue ?? legacyMin).flatMap { Self.decode($0, as: type) }
    }

    /// The maximum decoded as `type` (from `max_value`, else the legacy field), or nil.
    public func max(as type: ParquetColumn.PhysicalType) -> Value? {
        (maxValue ?? legacyMax).flatMap { Self.decode($0, as: type) }
    }

    static func decode(_ bytes: [UInt8], as type: ParquetColumn.PhysicalType) -> Value? {
        func littleEndian(_ count: Int) -> UInt64? {
            guard bytes.count == count else { return nil }
            var value: UInt64 = 0
            for (index, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
            return value
        }
        switch type {
        case .int32: return littleEndian(4).map { .int32(Int32(bitPattern: UInt32(truncatingIfNeeded: $0))) }
        case .int64: return littleEndian(8).map { .int64(Int64(bitPattern: $0)) }
        case .double: return littleEndian(8).map { .double(Double(bitPattern: $0)) }
        case .boolean: return bytes.count == 1 ? .boolean(bytes[0] != 0) : nil
        case .byteArray, .fixedLenByteArray: return .bytes(bytes)
        case .int96, .float: return nil
        }
    }
}
