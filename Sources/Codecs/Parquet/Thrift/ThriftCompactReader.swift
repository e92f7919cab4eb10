/// Reads the Thrift compact protocol from untrusted bytes. Every length is checked against the bytes
/// that remain, and nesting is bounded, so a damaged footer or page header yields a
/// ``ThriftDecodingError`` rather than a trap or a huge allocation.
struct ThriftCompactReader {
    private let base: UnsafeRawBufferPointer
    private(set) var position: Int
    private let end: Int
    private var lastFieldID: [Int16] = []
    private var depth = 0

    /// Deeper nesting than any Parquet structure needs; bounds recursion on hostile input.
    static let maxDepth = 24

    init(_ buffer: UnsafeRawBufferPointer, from start: Int = 0, to end: Int? = nil) {
        base = buffer
        position = start
        self.end = end ?? buffer.count
    }

    var remaining: Int { end - position }

    typealias FieldType = ThriftFieldType

    struct FieldHeader {
        let id: Int16
        let type: FieldType
    }

    mutating func byte() throws(ThriftDecodingError) -> UInt8 {
        guard position < end else { throw .truncated(offset: position) }
        let value = base[position]
        position += 1
        return value
    }

    mutating func varint() throws(ThriftDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let start = position
            let byte = try byte()
            guard shift < 64 else { throw .malformed("varint longer than 10 bytes", offset: start) }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func i64() throws(ThriftDecodingError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func i32() throws(ThriftDecodingError) -> Int32 {
        let start = position
        let value = try i64()
        guard let narrow = Int32(exactly: value) else { throw .malformed("i32 out of range", offset: start) }
        return narrow
    }

    mutating func i16() throws(ThriftDecodingError) -> Int16 {
        let start = position
        let value = try i64()
        guard let narrow = Int16(exactly: value) else { throw .malformed("i16 out of range", offset: start) }
        return narrow
    }

    mutating func binary() throws(ThriftDecodingError) -> [UInt8] {
        let start = position
        let length = try varint()
        guard length <= UInt64(remaining) else { throw .truncated(offset: start) }
        let count = Int(length)
        let value = [UInt8](UnsafeRawBufferPointer(rebasing: base[position..<position + count]))
        position += count
        return value
    }

    mutating func string() throws(ThriftDecodingError) -> String {
        String(decoding: try binary(), as: UTF8.self)
    }

    /// Enters a struct; pair with ``endStruct()`` after ``fieldHeader()`` returned nil.
    mutating func beginStruct() throws(ThriftDecodingError) {
        guard depth < Self.maxDepth else { throw .malformed("structures nested too deeply", offset: position) }
        depth += 1
        lastFieldID.append(0)
    }

    mutating func endStruct() {
        depth -= 1
        lastFieldID.removeLast()
    }

    /// The next field of the current struct, or nil at its stop byte.
    mutating func fieldHeader() throws(ThriftDecodingError) -> FieldHeader? {
        let start = position
        let header = try byte()
        guard header != 0 else { return nil }
        guard let type = FieldType(rawValue: header & 0x0F), type != .stop else {
            throw .malformed("unknown field type \(header & 0x0F)", offset: start)
        }
        let delta = Int16(header >> 4)
        let id: Int16
        if delta != 0 {
            let (sum, overflow) = lastFieldID[lastFieldID.count - 1].addingReportingOverflow(delta)
            guard !overflow else { throw .malformed("field id overflow", offset: start) }
            id = sum
        } else {
            id = try i16()
        }
        lastFieldID[lastFieldID.count - 1] = id
        return FieldHeader(id: id, type: type)
    }

    /// A list header: element type and count, the count bounded by the bytes left (every element
    /// takes at least one byte).
    mutating func listHeader() throws(ThriftDecodingError) -> (type: FieldType, count: Int) {
        let start = position
        let header = try byte()
        guard let type = FieldType(rawValue: header & 0x0F), type != .stop else {
            throw .malformed("unknown list element type \(header & 0x0F)", offset: start)
        }
        var count = UInt64(header >> 4)
        if count == 15 { count = try varint() }
        guard count <= UInt64(remaining) else { throw .truncated(offset: start) }
        return (type, Int(count))
    }

    /// Reads a boolean field's value (carried in its type nibble) or a list element byte.
    func bool(_ type: FieldType) throws(ThriftDecodingError) -> Bool {
        switch type {
        case .booleanTrue: return true
        case .booleanFalse: return false
        default: throw .malformed("expected a boolean", offset: position)
        }
    }

    mutating func expect(_ actual: FieldType, _ expected: FieldType) throws(ThriftDecodingError) {
        guard actual == expected else {
            throw .malformed("field has type \(actual) where \(expected) was expected", offset: position)
        }
    }

    /// Skips a value of `type`, recursing into containers no deeper than ``maxDepth``.
    mutating func skip(_ type: FieldType) throws(ThriftDecodingError) {
        switch type {
        case .stop: throw .malformed("unexpected stop", offset: position)
        case .booleanTrue, .booleanFalse: return
        case .byte: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double:
            guard remaining >= 8 else { throw .truncated(offset: position) }
            position += 8
        case .binary: _ = try skipBinary()
        case .list, .set:
            let (elementType, count) = try listHeader()
            try nested { (reader: inout ThriftCompactReader) throws(ThriftDecodingError) in
                for _ in 0..<count {
                    if elementType == .booleanTrue || elementType == .booleanFalse {
                        _ = try reader.byte()
                    } else {
                        try reader.skip(elementType)
                    }
                }
            }
        case .map:
            let start = position
            let count = try varint()
            guard count <= UInt64(remaining) else { throw .truncated(offset: start) }
            guard count > 0 else { return }
            let types = try byte()
            guard let keyType = FieldType(rawValue: types >> 4), let valueType = FieldType(rawValue: types & 0x0F)
            else { throw .malformed("unknown map element types", offset: start) }
            try nested { (reader: inout ThriftCompactReader) throws(ThriftDecodingError) in
                for _ in 0..<count {
                    try reader.skipElement(keyType)
                    try reader.skipElement(valueType)
                }
            }
        case .structure:
            try beginStruct()
            while let header = try fieldHeader() { try skip(header.type) }
            endStruct()
        }
    }

    private mutating func skipElement(_ type: FieldType) throws(ThriftDecodingError) {
        if type == .booleanTrue || type == .booleanFalse { _ = try byte() } else { try skip(type) }
    }

    private mutating func skipBinary() throws(ThriftDecodingError) -> Int {
        let start = position
        let length = try varint()
        guard length <= UInt64(remaining) else { throw .truncated(offset: start) }
        position += Int(length)
        return Int(length)
    }

    private mutating func nested(
        _ body: (inout ThriftCompactReader) throws(ThriftDecodingError) -> Void
    ) throws(ThriftDecodingError) {
        guard depth < Self.maxDepth else { throw .malformed("containers nested too deeply", offset: position) }
        depth += 1
        defer { depth -= 1 }
        try body(&self)
    }
}
