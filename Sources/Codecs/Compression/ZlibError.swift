import CZlib

/// A compression or decompression failure reported by zlib, or a limit we impose on it.
public enum ZlibError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The compressed data is not valid DEFLATE/zlib/gzip (zlib's own reason attached).
    case corrupt(reason: String)
    /// The compressed data ended before the end-of-stream marker.
    case truncated
    /// Decompressing would produce more than `limit` bytes.
    case outputLimitExceeded(limit: Int)
    /// zlib failed for a reason unrelated to the data (memory, version mismatch).
    case library(operation: String, code: Int32, message: String)

    init(code: Int32, operation: String, stream: z_stream) {
        let message = stream.msg.map { String(cString: $0) } ?? "zlib code \(code)"
        switch code {
        case Z_DATA_ERROR, Z_NEED_DICT: self = .corrupt(reason: message)
        default: self = .library(operation: operation, code: code, message: message)
        }
    }

    public var description: String {
        switch self {
        case .corrupt(let reason):
            "compressed data is corrupt (\(reason)); the file was damaged or is not in the expected format"
        case .truncated:
            "compressed data ends early; the file was truncated (an interrupted write or copy)"
        case .outputLimitExceeded(let limit):
            "compressed data expands beyond \(limit) bytes, more than its container declares; the file is corrupt"
        case .library(let operation, let code, let message):
            "zlib \(operation) failed with code \(code): \(message)"
        }
    }
}
