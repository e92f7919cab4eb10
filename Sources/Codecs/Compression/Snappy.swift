/// The Snappy block format (raw, not framed), as Parquet's SNAPPY codec uses it: a varint of the
/// uncompressed length followed by literal and copy elements.
public enum Snappy {
    /// The most bytes ``compress(_:)`` can produce for `count` input bytes.
    public static func maxCompressedLength(_ count: Int) -> Int {
        // Snappy's own bound (32 + n + n/6) plus room for the 16-byte short-literal stores.
        48 + count + count / 6
    }

    /// Compresses `input` into one Snappy block.
    public static func compress(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let capacity = maxCompressedLength(input.count)
        return [UInt8](unsafeUninitializedCapacity: capacity) { output, count in
            count = compress(input, into: output)
        }
    }

    /// Compresses `input` into one Snappy block.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBytes { compress($0) }
    }

    /// Compresses `input` into `output`, which must hold ``maxCompressedLength(_:)`` bytes; returns the
    /// number of bytes written.
    public static func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>) -> Int
    {
        precondition(output.count >= maxCompressedLength(input.count), "Snappy output buffer too small")
        guard let out = output.baseAddress else { return 0 }
        var op = out
        var length = UInt64(input.count)
        while length >= 0x80 {
            op.pointee = UInt8(truncatingIfNeeded: length) | 0x80
            op += 1
            length >>= 7
        }
        op.pointee = UInt8(length)
        op += 1
        guard let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self), !input.isEmpty else {
            return op - out
        }
        let table = UnsafeMutablePointer<UInt16>.allocate(capacity: tableSize)
        defer { table.deallocate() }
        var start = 0
        while start < input.count {
            let blockLength = min(blockSize, input.count - start)
            table.initialize(repeating: 0, count: tableSize)
            op = compressBlock(source + start, blockLength, table: table, into: op)
            start += blockLength
        }
        return op - out
    }

    /// Decompresses one Snappy block. `expectedLength` (when the container records it) must match
    /// the block's own length; `limit` bounds the output so a hostile block cannot exhaust memory.
    public static func decompress(
        _ input: UnsafeRawBufferPointer, expectedLength: Int? = nil, limit: Int
    ) throws(SnappyError) -> [UInt8] {
        let (length, bodyStart) = try header(input)
        if let expectedLength, expectedLength != length {
            throw .lengthMismatch(declared: length, expected: expectedLength)
        }
        guard length <= limit else { throw .outputLimitExceeded(declared: length, limit: limit) }
        var failure: SnappyError?
        let output = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            if let error = decompressBody(input, from: bodyStart, into: buffer) {
                failure = error
            } else {
                count = length
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Decompresses one Snappy block into `output`, whose size must equal the block's declared length.
    public static func decompress(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(SnappyError) {
        let (length, bodyStart) = try header(input)
        guard length == output.count else { throw .lengthMismatch(declared: length, expected: output.count) }
        let failure = output.withMemoryRebound(to: UInt8.self) { bytes in
            decompressBody(input, from: bodyStart, into: bytes)
        }
        if let failure { throw failure }
    }

    /// The declared uncompressed length and where the elements start.
    private static func header(_ input: UnsafeRawBufferPointer) throws(SnappyError) -> (length: Int, start: Int) {
        var position = 0
        var declared: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < input.count, shift <= 28 else {
                throw .corrupt(reason: "bad length header", offset: position)
            }
            let byte = input[position]
            position += 1
            declared |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard declared <= UInt64(UInt32.max) else {
            throw .corrupt(reason: "declared length \(declared) over 4 GiB", offset: 0)
        }
        return (Int(declared), position)
    }

    /// Decompresses one Snappy block; see ``decompress(_:expectedLength:limit:)-(UnsafeRawBufferPointer,_,_)``.
    public static func decompress(_ input: [UInt8], expectedLength: Int? = nil, limit: Int) throws(SnappyError)
        -> [UInt8]
    {
        try input.withUnsafeBytes { buffer in
            Result { () throws(SnappyError) in try decompress(buffer, expectedLength: expectedLength, limit: limit) }
        }.get()
    }

    // MARK: Compression

    private static let blockSize = 1 << 16
    private static let hashBits = 14
    private static let tableSize = 1 << hashBits
    /// Matching stops this many bytes before a block's end so 4- and 8-byte loads stay in bounds.
    private static let inputMargin = 15

    @inline(__always)
    private static func load32(_ pointer: UnsafePointer<UInt8>) -> UInt32 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt32.self)
    }

    @inline(__always)
    private static func load64(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)
    }

    @inline(__always)
    private static func store64(_ pointer: UnsafeMutablePointer<UInt8>, _ value: UInt64) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: UInt64.self)
    }

    @inline(__always)
    private static func hash(_ value: UInt32) -> Int {
        Int((value &* 0x1E35_A7BD) >> UInt32(32 - hashBits))
    }

    private static func compressBlock(
        _ source: UnsafePointer<UInt8>, _ length: Int, table: UnsafeMutablePointer<UInt16>,
        into output: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        // Positions stay below 64 KiB and the margin keeps every load in bounds, so wrapping arithmetic
        // cannot wrap; it only drops the overflow checks from the hot loop.
        var op = output
        var nextEmit = 0
        if length >= inputMargin {
            let limit = length &- inputMargin
            var ip = 1
            var nextHash = hash(load32(source + ip))
            search: while true {
                // Look further ahead the longer no match is found, so incompressible data is cheap.
                var skip = 32
                var nextIP = ip
                var candidate = 0
                repeat {
                    ip = nextIP
                    let currentHash = nextHash
                    nextIP = ip &+ (skip &>> 5)
                    skip &+= 1
                    if nextIP > limit { break search }
                    nextHash = hash(load32(source + nextIP))
                    candidate = Int(table[currentHash])
                    table[currentHash] = UInt16(truncatingIfNeeded: ip)
                } while load32(source + ip) != load32(source + candidate)

                op = emitLiteral(source + nextEmit, ip &- nextEmit, into: op, allowOverrun: true)
                repeat {
                    let matchStart = ip
                    let matched = 4 &+ matchLength(source + candidate + 4, source + ip + 4, source + length)
                    ip &+= matched
                    op = emitCopy(offset: matchStart &- candidate, length: matched, into: op)
                    nextEmit = ip
                    if ip >= limit { break search }
                    table[hash(load32(source + ip - 1))] = UInt16(truncatingIfNeeded: ip &- 1)
                    let currentHash = hash(load32(source + ip))
                    candidate = Int(table[currentHash])
                    table[currentHash] = UInt16(truncatingIfNeeded: ip)
                } while load32(source + ip) == load32(source + candidate)
                ip &+= 1
                nextHash = hash(load32(source + ip))
            }
        }
        if nextEmit < length {
            op = emitLiteral(source + nextEmit, length &- nextEmit, into: op, allowOverrun: false)
        }
        return op
    }

    @inline(__always)
    private static func matchLength(
        _ earlier: UnsafePointer<UInt8>, _ later: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>
    ) -> Int {
        var a = earlier
        var b = later
        while end - b >= 8 {
            let difference = load64(a) ^ load64(b)
            if difference != 0 { return (b - later) &+ difference.trailingZeroBitCount &>> 3 }
            a += 8
            b += 8
        }
        while b < end && a.pointee == b.pointee {
            a += 1
            b += 1
        }
        return b - later
    }

    @inline(__always)
    private static func emitLiteral(
        _ source: UnsafePointer<UInt8>, _ length: Int, into output: UnsafeMutablePointer<UInt8>, allowOverrun: Bool
    ) -> UnsafeMutablePointer<UInt8> {
        guard length > 0 else { return output }
        var op = output
        let n = length &- 1
        if n < 60 {
            op.pointee = UInt8(truncatingIfNeeded: n &<< 2)
            op += 1
            if allowOverrun && length <= 16 {
                // Short literals inside a block: two unaligned 8-byte moves beat a memmove call. At
                // least `inputMargin` input bytes follow, and the output bound has slack for the rest.
                store64(op, load64(source))
                store64(op + 8, load64(source + 8))
                return op + length
            }
        } else {
            var bytes = 0
            var rest = n
            while rest > 0 {
                bytes += 1
                rest >>= 8
            }
            op.pointee = UInt8((59 + bytes) << 2)
            op += 1
            for index in 0..<bytes {
                op.pointee = UInt8(truncatingIfNeeded: n >> (8 * index))
                op += 1
            }
        }
        op.update(from: source, count: length)
        return op + length
    }

    @inline(__always)
    private static func emitCopy(
        offset: Int, length: Int, into output: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        var op = output
        var length = length
        while length >= 68 {
            op = emitCopyUpTo64(offset: offset, length: 64, into: op)
            length -= 64
        }
        if length > 64 {
            op = emitCopyUpTo64(offset: offset, length: 60, into: op)
            length -= 60
        }
        return emitCopyUpTo64(offset: offset, length: length, into: op)
    }

    @inline(__always)
    private static func emitCopyUpTo64(
        offset: Int, length: Int, into output: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        if length < 12 && offset < 2048 {
            output[0] = UInt8(1 | ((length - 4) << 2) | ((offset >> 8) << 5))
            output[1] = UInt8(truncatingIfNeeded: offset)
            return output + 2
        }
        output[0] = UInt8(2 | ((length - 1) << 2))
        output[1] = UInt8(truncatingIfNeeded: offset)
        output[2] = UInt8(truncatingIfNeeded: offset >> 8)
        return output + 3
    }

    // MARK: Decompression

    private static func decompressBody(
        _ input: UnsafeRawBufferPointer, from start: Int, into output: UnsafeMutableBufferPointer<UInt8>
    ) -> SnappyError? {
        let inputCount = input.count
        let outputCount = output.count
        guard let out = output.baseAddress else {
            return start == inputCount ? nil : .corrupt(reason: "data after an empty block", offset: start)
        }
        guard let source = input.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return .corrupt(reason: "empty input", offset: 0)
        }
        var ip = start
        var op = 0
        while ip < inputCount {
            let tagOffset = ip
            let tag = Int(source[ip])
            ip += 1
            switch tag & 3 {
            case 0:
                var length = (tag >> 2) + 1
                if length > 60 {
                    let extra = length - 60
                    guard inputCount - ip >= extra else {
                        return .corrupt(reason: "truncated literal length", offset: tagOffset)
                    }
                    length = 0
                    for index in 0..<extra { length |= Int(source[ip + index]) << (8 * index) }
                    length += 1
                    ip += extra
                }
                guard inputCount - ip >= length else {
                    return .corrupt(reason: "literal runs past the input", offset: tagOffset)
                }
                guard outputCount - op >= length else {
                    return .corrupt(reason: "literal runs past the declared length", offset: tagOffset)
                }
                if length <= 16 && inputCount - ip >= 16 && outputCount - op >= 16 {
                    store64(out + op, load64(source + ip))
                    store64(out + op + 8, load64(source + ip + 8))
                } else {
                    (out + op).update(from: source + ip, count: length)
                }
                ip += length
                op += length
                continue
            case 1:
                guard ip < inputCount else { return .corrupt(reason: "truncated copy", offset: tagOffset) }
                let length = ((tag >> 2) & 7) + 4
                let offset = ((tag >> 5) << 8) | Int(source[ip])
                ip += 1
                if let error = copy(out, &op, outputCount, offset: offset, length: length, at: tagOffset) {
                    return error
                }
            case 2:
                guard inputCount - ip >= 2 else { return .corrupt(reason: "truncated copy", offset: tagOffset) }
                let length = (tag >> 2) + 1
                let offset = Int(source[ip]) | Int(source[ip + 1]) << 8
                ip += 2
                if let error = copy(out, &op, outputCount, offset: offset, length: length, at: tagOffset) {
                    return error
                }
            default:
                guard inputCount - ip >= 4 else { return .corrupt(reason: "truncated copy", offset: tagOffset) }
                let length = (tag >> 2) + 1
                let offset = Int(UnsafeRawPointer(source + ip).loadUnaligned(as: UInt32.self).littleEndian)
                ip += 4
                if let error = copy(out, &op, outputCount, offset: offset, length: length, at: tagOffset) {
                    return error
                }
            }
        }
        guard op == outputCount else {
            return .corrupt(reason: "produced \(op) of \(outputCount) declared bytes", offset: ip)
        }
        return nil
    }

    @inline(__always)
    private static func copy(
        _ out: UnsafeMutablePointer<UInt8>, _ op: inout Int, _ outputCount: Int, offset: Int, length: Int,
        at tagOffset: Int
    ) -> SnappyError? {
        guard offset > 0, offset <= op else {
            return .corrupt(reason: "copy offset \(offset) out of range", offset: tagOffset)
        }
        guard outputCount - op >= length else {
            return .corrupt(reason: "copy runs past the declared length", offset: tagOffset)
        }
        let destination = out + op
        let source = destination - offset
        if offset >= 8 && outputCount - op >= length + 8 {
            // Eight bytes at a time; each load reads bytes already written, and the slack absorbs
            // the final partial store.
            var index = 0
            while index < length {
                store64(destination + index, load64(source + index))
                index &+= 8
            }
        } else if offset >= length {
            destination.update(from: source, count: length)
        } else {
            // Overlapping copy: repeats the last `offset` bytes, so it must go forward byte by byte.
            for index in 0..<length { destination[index] = source[index] }
        }
        op += length
        return nil
    }
}
