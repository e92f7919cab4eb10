import CZlib

/// Incremental raw DEFLATE compression, for ZIP entries too large to compress in one call.
/// Not `Sendable`: the zlib stream is mutable state owned by one writer.
final class DeflateStream {
    // z_stream must not move after deflateInit (zlib keeps a pointer back to it), so it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)

    init(level: Int32) throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = botcore_deflate_init2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            let error = ZlibError(code: status, operation: "deflateInit2", stream: stream.pointee)
            stream.deallocate()
            throw error
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses `input` and appends what zlib emits to `output`; `finish` ends the stream.
    func compress(_ input: UnsafeRawBufferPointer, finish: Bool, into output: inout [UInt8]) throws(ZlibError) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        while true {
            let (status, produced) = scratch.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(buffer.count)
                let status = deflate(stream, flush)
                return (status, buffer.count - Int(stream.pointee.avail_out))
            }
            output.append(contentsOf: scratch[..<produced])
            switch status {
            case Z_STREAM_END:
                return
            case Z_OK, Z_BUF_ERROR:
                // Without Z_FINISH, a call that left output space free has consumed all the input.
                if !finish && stream.pointee.avail_out != 0 { return }
            default:
                throw ZlibError(code: status, operation: "deflate", stream: stream.pointee)
            }
        }
    }
}
