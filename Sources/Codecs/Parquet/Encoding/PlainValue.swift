/// A value type the writer stores: how it is PLAIN-encoded, ordered for statistics and keyed for
/// dictionary encoding.
protocol PlainValue {
    associatedtype Key: Hashable
    var dictionaryKey: Key { get }
    /// The PLAIN-encoded size of this value in bytes (booleans count one byte; only used for estimates).
    var plainSize: Int { get }
    /// True for values statistics must skip (NaN).
    var isUnordered: Bool { get }
    static var supportsDictionary: Bool { get }
    /// True when the in-memory layout of `[Self]` is exactly its PLAIN encoding (little-endian numbers).
    static var isMemoryPlain: Bool { get }
    /// Whether the deprecated signed-order `min`/`max` statistics agree with the type-defined order.
    static var hasLegacyStatistics: Bool { get }
    static func appendPlain(_ values: UnsafeBufferPointer<Self>, to output: inout [UInt8])
    static func precedes(_ lhs: Self, _ rhs: Self) -> Bool
    /// The value as a statistics min or max.
    static func statisticsBytes(_ value: Self, isMin: Bool) -> [UInt8]
}

extension PlainValue where Self: FixedWidthInteger {
    var dictionaryKey: Self { self }
    var plainSize: Int { MemoryLayout<Self>.size }
    var isUnordered: Bool { false }
    static var supportsDictionary: Bool { true }
    static var isMemoryPlain: Bool { true }
    static var hasLegacyStatistics: Bool { true }
    static func appendPlain(_ values: UnsafeBufferPointer<Self>, to output: inout [UInt8]) {
        appendLittleEndian(values, to: &output)
    }
    static func precedes(_ lhs: Self, _ rhs: Self) -> Bool { lhs < rhs }
    static func statisticsBytes(_ value: Self, isMin: Bool) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}

/// Appends the in-memory bytes of `values`, which are PLAIN little-endian on every supported platform.
@inline(__always)
func appendLittleEndian<T>(_ values: UnsafeBufferPointer<T>, to output: inout [UInt8]) {
    #if _endian(big)
        #error("the Parquet writer assumes a little-endian platform")
    #endif
    output.append(contentsOf: UnsafeRawBufferPointer(values))
}

extension Int32: PlainValue {}
extension Int64: PlainValue {}

extension Double: PlainValue {
    var dictionaryKey: UInt64 { bitPattern }
    var plainSize: Int { 8 }
    var isUnordered: Bool { isNaN }
    static var supportsDictionary: Bool { true }
    static var isMemoryPlain: Bool { true }
    static var hasLegacyStatistics: Bool { true }
    static func appendPlain(_ values: UnsafeBufferPointer<Double>, to output: inout [UInt8]) {
        appendLittleEndian(values, to: &output)
    }
    static func precedes(_ lhs: Double, _ rhs: Double) -> Bool { lhs < rhs }
    static func statisticsBytes(_ value: Double, isMin: Bool) -> [UInt8] {
        // The format asks for -0.0 as a zero minimum and +0.0 as a zero maximum.
        let normalized = value == 0 ? (isMin ? -0.0 : 0.0) : value
        return withUnsafeBytes(of: normalized.bitPattern.littleEndian) { Array($0) }
    }
}

extension Bool: PlainValue {
    var dictionaryKey: Bool { self }
    var plainSize: Int { 1 }
    var isUnordered: Bool { false }
    static var supportsDictionary: Bool { false }
    static var isMemoryPlain: Bool { false }
    static var hasLegacyStatistics: Bool { true }
    static func appendPlain(_ values: UnsafeBufferPointer<Bool>, to output: inout [UInt8]) {
        var byte: UInt8 = 0
        for (index, value) in values.enumerated() {
            if value { byte |= 1 << UInt8(index & 7) }
            if index & 7 == 7 {
                output.append(byte)
                byte = 0
            }
        }
        if values.count & 7 != 0 { output.append(byte) }
    }
    static func precedes(_ lhs: Bool, _ rhs: Bool) -> Bool { !lhs && rhs }
    static func statisticsBytes(_ value: Bool, isMin: Bool) -> [UInt8] { [value ? 1 : 0] }
}

extension String: PlainValue {
    var dictionaryKey: String { self }
    var plainSize: Int { 4 + utf8.count }
    var isUnordered: Bool { false }
    static var supportsDictionary: Bool { true }
    static var isMemoryPlain: Bool { false }
    static var hasLegacyStatistics: Bool { false }
    static func appendPlain(_ values: UnsafeBufferPointer<String>, to output: inout [UInt8]) {
        for value in values {
            var value = value
            value.withUTF8 { bytes in
                withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian) {
                    output.append(contentsOf: $0)
                }
                output.append(contentsOf: bytes)
            }
        }
    }
    static func precedes(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.lexicographicallyPrecedes(rhs.utf8) }
    static func statisticsBytes(_ value: String, isMin: Bool) -> [UInt8] { Array(value.utf8) }
}

extension Array: PlainValue where Element == UInt8 {
    var dictionaryKey: [UInt8] { self }
    var plainSize: Int { 4 + count }
    var isUnordered: Bool { false }
    static var supportsDictionary: Bool { true }
    static var isMemoryPlain: Bool { false }
    static var hasLegacyStatistics: Bool { false }
    static func appendPlain(_ values: UnsafeBufferPointer<[UInt8]>, to output: inout [UInt8]) {
        for value in values {
            Swift.withUnsafeBytes(of: UInt32(truncatingIfNeeded: value.count).littleEndian) {
                output.append(contentsOf: $0)
            }
            output.append(contentsOf: value)
        }
    }
    static func precedes(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool { lhs.lexicographicallyPrecedes(rhs) }
    static func statisticsBytes(_ value: [UInt8], isMin: Bool) -> [UInt8] { value }
}
