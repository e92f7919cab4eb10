/// Parquet's RLE/bit-packed hybrid encoding of small unsigned integers (definition levels, dictionary
/// indices, booleans): a sequence of runs, each either one value repeated (RLE) or groups of eight
/// values packed least-significant bit first.
enum RLEHybrid {
    /// Why hybrid-encoded bytes could not be decoded; `offset` is relative to the encoded bytes.
    struct Failure: Error {
        let reason: String
        let offset: Int
    }

    // MARK: Encoding

    /// Appends the encoding of `values` (each below `1 << bitWidth`) to `output`.
    static func encode(_ values: UnsafeBufferPointer<UInt32>, bitWidth: Int, into output: inout [UInt8]) {
        let count = values.count
        var literalStart = 0
        var index = 0
        while index < count {
            let value = values[index]
            var run = 1
            while index + run < count && values[index + run] == value { run += 1 }
            var literalCount = index - literalStart
            if run >= 8 {
                // A literal run must hold a multiple of eight values unless it ends the data, so top it up
                // from this run before switching to RLE.
                let fill = (8 - literalCount % 8) % 8
                if fill > 0 {
                    index += fill
                    run -= fill
                    literalCount += fill
                }
                if run >= 8 {
                    if literalCount > 0 {
                        packLiteral(values, from: literalStart, count: literalCount, bitWidth: bitWidth, into: &output)
                    }
                    appendVarint(UInt64(run) << 1, to: &output)
                    var remaining = value
                    for _ in 0..<(bitWidth + 7) / 8 {
                        output.append(UInt8(truncatingIfNeeded: remaining))
                        remaining >>= 8
                    }
                    index += run
                    literalStart = index
                    continue
                }
            }
            index += run
        }
        if index > literalStart {
            packLiteral(values, from: literalStart, count: index - literalStart, bitWidth: bitWidth, into: &output)
        }
    }

    private static func packLiteral(
        _ values: UnsafeBufferPointer<UInt32>, from start: Int, count: Int, bitWidth: Int, into output: inout [UInt8]
    ) {
        let groups = (count + 7) / 8
        appendVarint(UInt64(groups) << 1 | 1, to: &output)
        let padded = groups * 8
        var buffer: UInt64 = 0
        var bits = 0
        output.reserveCapacity(output.count + groups * bitWidth)
        for position in 0..<padded {
            let value = position < count ? UInt64(values[start + position]) : 0
            buffer |= value << UInt64(bits)
            bits += bitWidth
            while bits >= 8 {
                output.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                bits -= 8
            }
        }
    }

    static func appendVarint(_ value: UInt64, to output: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        output.append(UInt8(value))
    }

    /// The bit width needed for values up to `maxValue`.
    static func bitWidth(forMax maxValue: UInt32) -> Int {
        maxValue == 0 ? 0 : 32 - maxValue.leadingZeroBitCount
    }

    // MARK: Decoding

    /// Decodes exactly `count` values from `input` into `output`; returns the bytes consumed.
    static func decode(
        _ input: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into output: UnsafeMutablePointer<UInt32>
    ) throws(Failure) -> Int {
        guard (0...32).contains(bitWidth) else { throw Failure(reason: "bit width \(bitWidth) over 32", offset: 0) }
        var position = 0
        var produced = 0
        let valueBytes = (bitWidth + 7) / 8
        let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        while produced < count {
            let runStart = position
            var header: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard position < input.count else {
                    throw Failure(
                        reason: "levels or indices end after \(produced) of \(count) values", offset: runStart)
                }
                guard shift < 64 else { throw Failure(reason: "run header too long", offset: runStart) }
                let byte = input[position]
                position += 1
                header |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
            let wanted = count - produced
            if header & 1 == 0 {
                let runLength = header >> 1
                guard input.count - position >= valueBytes else {
                    throw Failure(reason: "truncated RLE run", offset: runStart)
                }
                var value: UInt64 = 0
                for index in 0..<valueBytes { value |= UInt64(input[position + index]) << (8 * UInt64(index)) }
                position += valueBytes
                let take = runLength < UInt64(wanted) ? Int(runLength) : wanted
                (output + produced).initialize(repeating: UInt32(truncatingIfNeeded: value), count: take)
                produced += take
            } else {
                let groups = header >> 1
                let available = input.count - position
                // 8 values of bitWidth bits are bitWidth bytes; values past `count` may be cut off.
                let runValues = groups <= UInt64(available) ? Int(groups) * 8 : Int.max
                let take = min(runValues, wanted)
                let neededBytes = (take * bitWidth + 7) / 8
                guard neededBytes <= available else {
                    throw Failure(reason: "truncated bit-packed run", offset: runStart)
                }
                unpack(
                    input, from: position, bytes: available, count: take, bitWidth: bitWidth, mask: mask,
                    into: output + produced)
                produced += take
                let runBytes = groups <= UInt64(available) ? Int(groups) * bitWidth : available
                position += min(runBytes, available)
            }
        }
        return position
    }

    @inline(__always)
    private static func unpack(
        _ input: UnsafeRawBufferPointer, from start: Int, bytes available: Int, count: Int, bitWidth: Int,
        mask: UInt64, into output: UnsafeMutablePointer<UInt32>
    ) {
        guard bitWidth > 0, count > 0, let address = input.baseAddress else {
            output.initialize(repeating: 0, count: count)
            return
        }
        let base = address + start
        var bit = 0
        for index in 0..<count {
            let byte = bit >> 3
            let shift = UInt64(bit & 7)
            let word: UInt64
            if available - byte >= 8 {
                word = base.loadUnaligned(fromByteOffset: byte, as: UInt64.self).littleEndian
            } else {
                var partial: UInt64 = 0
                for offset in 0..<min(8, available - byte) {
                    partial |= UInt64(base.load(fromByteOffset: byte + offset, as: UInt8.self)) << (8 * UInt64(offset))
                }
                word = partial
            }
            output[index] = UInt32(truncatingIfNeeded: (word >> shift) & mask)
            bit += bitWidth
        }
    }
}
