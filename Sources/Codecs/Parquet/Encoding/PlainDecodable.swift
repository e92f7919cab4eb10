/// A value type the reader produces from PLAIN-encoded bytes.
protocol PlainDecodable {
    /// The placeholder stored in a null row's slot.
    static var placeholder: Self { get }
    /// The PLAIN size of one value when it equals the in-memory layout (fixed-width numbers), else nil.
    static var memoryPlainWidth: Int? { get }
    /// Initialises `count` values at `output` from the start of `input`; returns the bytes consumed.
    static func decodePlain(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Self>
    ) throws(PageFailure) -> Int
}

/// Why a page could not be decoded; `offset` is relative to the decoded region and refined by callers.
struct PageFailure: Error {
    var reason: String
    var offset: Int = 0
    /// The page is valid but uses a feature this reader lacks (an encoding), rather than being damaged.
    var isUnsupported = false
}

extension PlainDecodable {
    static var memoryPlainWidth: Int? { nil }
}

extension PlainDecodable where Self: BitwiseCopyable {
    static var memoryPlainWidth: Int? { MemoryLayout<Self>.stride }

    static func decodePlain(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Self>
    ) throws(PageFailure) -> Int {
        let size = MemoryLayout<Self>.stride
        guard count <= input.count / size else {
            throw PageFailure(
                reason: "\(count) PLAIN values need \(count * size) bytes but the page has \(input.count)")
        }
        let bytes = count * size
        if bytes > 0 { UnsafeMutableRawPointer(output).copyMemory(from: input.baseAddress!, byteCount: bytes) }
        return bytes
    }
}

extension Int32: PlainDecodable { static var placeholder: Int32 { 0 } }
extension Int64: PlainDecodable { static var placeholder: Int64 { 0 } }
extension Double: PlainDecodable { static var placeholder: Double { 0 } }

extension Bool: PlainDecodable {
    static var placeholder: Bool { false }
    static func decodePlain(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Bool>
    ) throws(PageFailure) -> Int {
        let bytes = count / 8 + (count % 8 == 0 ? 0 : 1)
        guard bytes <= input.count else {
            throw PageFailure(reason: "\(count) PLAIN booleans need \(bytes) bytes but the page has \(input.count)")
        }
        for index in 0..<count {
            (output + index).initialize(to: input[index >> 3] & (1 << UInt8(index & 7)) != 0)
        }
        return bytes
    }
}

extension String: PlainDecodable {
    static var placeholder: String { "" }
    static func decodePlain(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<String>
    ) throws(PageFailure) -> Int {
        var position = 0
        for index in 0..<count {
            let length = try byteArrayLength(input, at: position, index: index)
            position += 4
            (output + index).initialize(
                to: String(
                    decoding: UnsafeRawBufferPointer(rebasing: input[position..<position + length]), as: UTF8.self))
            position += length
        }
        return position
    }
}

extension Array: PlainDecodable where Element == UInt8 {
    static var placeholder: [UInt8] { [] }
    static func decodePlain(
        _ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<[UInt8]>
    ) throws(PageFailure) -> Int {
        var position = 0
        for index in 0..<count {
            let length = try byteArrayLength(input, at: position, index: index)
            position += 4
            (output + index).initialize(
                to: Array(UnsafeRawBufferPointer(rebasing: input[position..<position + length])))
            position += length
        }
        return position
    }
}

/// The length prefix of a PLAIN BYTE_ARRAY at `position`, checked against the bytes that follow it.
@inline(__always)
private func byteArrayLength(_ input: UnsafeRawBufferPointer, at position: Int, index: Int) throws(PageFailure) -> Int {
    guard input.count - position >= 4 else {
        throw PageFailure(reason: "byte array \(index) has no length prefix (page ends)", offset: position)
    }
    let length = Int(input.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian)
    guard length <= input.count - position - 4 else {
        throw PageFailure(reason: "byte array \(index) of \(length) bytes runs past the page end", offset: position)
    }
    return length
}
