import CZlib

/// DEFLATE compression through the system zlib, in the three framings the formats here need: raw
/// deflate (ZIP entries), zlib and gzip (Parquet's GZIP codec).
public enum Zlib {
    /// How compressed bytes are framed.
    public enum Format: Sendable {
        /// Bare DEFLATE blocks, no header or checksum (ZIP).
        case raw
        /// RFC 1950: a two-byte header and an Adler-32 trailer.
        case zlib
        /// RFC 1952: a gzip member header and a CRC-32 trailer (Parquet GZIP).
        case gzip
        /// Decompression only: accepts zlib or gzip, detected from the header.
        case zlibOrGzip

        var windowBits: Int32 {
            switch self {
            case .raw: -15
            case .zlib: 15
            case .gzip: 31
            case .zlibOrGzip: 47
            }
        }
    }

    /// Compresses `input` with the given framing and level (0–9; 6 is zlib's default trade-off).
    public static func compress(
        _ input: UnsafeRawBufferPointer, format: Format, level: Int32 = 6
    ) throws(ZlibError) -> [UInt8] {
        precondition(format != .zlibOrGzip, "zlibOrGzip is a decompression-only format")
        var stream = z_stream()
        let status = botcore_deflate_init2(&stream, level, Z_DEFLATED, format.windowBits, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else { throw ZlibError(code: status, operation: "deflateInit2", stream: stream) }
        defer { deflateEnd(&stream) }

        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let result = output.withUnsafeMutableBufferPointer { out -> Int32 in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress
            stream.avail_out = uInt(out.count)
            // deflateBound guarantees one Z_FINISH call suffices.
            return deflate(&stream, Z_FINISH)
        }
        guard result == Z_STREAM_END else { throw ZlibError(code: result, operation: "deflate", stream: stream) }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Compresses `input` with the given framing and level.
    public static func compress(_ input: [UInt8], format: Format, level: Int32 = 6) throws(ZlibError) -> [UInt8] {
        try input.withUnsafeBytes { buffer in
            Result { () throws(ZlibError) in try compress(buffer, format: format, level: level) }
        }.get()
    }

    /// Decompresses `input`. `expectedSize` pre-sizes the output when the container records it;
    /// `limit` bounds the output so a hostile or corrupt stream cannot exhaust memory.
    public static func decompress(
        _ input: UnsafeRawBufferPointer, format: Format, expectedSize: Int? = nil, limit: Int
    ) throws(ZlibError) -> [UInt8] {
        var stream = z_stream()
        let status = botcore_inflate_init2(&stream, format.windowBits)
        guard status == Z_OK else { throw ZlibError(code: status, operation: "inflateInit2", stream: stream) }
        defer { inflateEnd(&stream) }

        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        // One byte of slack past the limit tells "exactly `limit` bytes" from "more than `limit`", so a
        // stream that fills the limit and then ends (or is cut off) is not mistaken for an oversized one.
        let ceiling = limit < Int.max ? max(limit, 0) + 1 : limit
        var output = [UInt8](repeating: 0, count: min(max(expectedSize ?? input.count * 4, 64), ceiling))
        var produced = 0
        while true {
            if produced == output.count {
                output.append(contentsOf: repeatElement(0, count: min(output.count, ceiling - output.count)))
            }
            let result = output.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.next_out = out.baseAddress! + produced
                stream.avail_out = uInt(clamping: out.count - produced)
                let result = inflate(&stream, Z_NO_FLUSH)
                produced = out.count - Int(stream.avail_out)
                return result
            }
            guard produced <= limit else { throw ZlibError.outputLimitExceeded(limit: limit) }
            switch result {
            case Z_STREAM_END:
                output.removeSubrange(produced...)
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0 && produced < output.count:
                throw ZlibError.truncated
            case Z_BUF_ERROR:
                continue
            default:
                throw ZlibError(code: result, operation: "inflate", stream: stream)
            }
        }
    }

    /// Decompresses `input`; see ``decompress(_:format:expectedSize:limit:)-(UnsafeRawBufferPointer,_,_,_)``.
    public static func decompress(
        _ input: [UInt8], format: Format, expectedSize: Int? = nil, limit: Int
    ) throws(ZlibError) -> [UInt8] {
        try input.withUnsafeBytes { buffer in
            Result { () throws(ZlibError) in
                try decompress(buffer, format: format, expectedSize: expectedSize, limit: limit)
            }
        }.get()
    }

    /// The CRC-32 (ISO-HDLC, as used by ZIP and gzip) of `bytes`, continuing from `initial`.
    public static func crc32(_ bytes: UnsafeRawBufferPointer, initial: UInt32 = 0) -> UInt32 {
        var crc = uLong(initial)
        var remaining = bytes
        // zlib takes a 32-bit length; feed huge buffers in slices.
        while !remaining.isEmpty {
            let count = min(remaining.count, Int(Int32.max))
            crc = CZlib.crc32(crc, remaining.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(count))
            remaining = UnsafeRawBufferPointer(rebasing: remaining[count...])
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// The CRC-32 of `bytes`, continuing from `initial`.
    public static func crc32(_ bytes: [UInt8], initial: UInt32 = 0) -> UInt32 {
        bytes.withUnsafeBytes { crc32($0, initial: initial) }
    }
}
