/// Column chunk statistics. Byte values are PLAIN-encoded (little-endian numbers, raw string bytes);
/// ``min(as:)`` and ``max(as:)`` decode them.
public struct ParquetStatistics: Sendable, Equatable {
    /// The number of null values.
    public var nullCount: Int64?
    /// The number of distinct values, rarely stored.
    public var distinctCount: Int64?
    /// Minimum under the column's type-defined order (the current `min_value` field).
    public var minValue: [UInt8]?
    /// Maximum under the column's type-defined order (the current `max_value` field).
    public var maxValue: [UInt8]?
    /// The deprecated signed-order `min` field some old writers fill instead.
    public var legacyMin: [UInt8]?
    /// The deprecated signed-order `max` field.
    public var legacyMax: [UInt8]?

    /// Statistics from their parts (all optional).
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
