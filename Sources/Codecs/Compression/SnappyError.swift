/// Why a Snappy block could not be decompressed.
public enum SnappyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The block is malformed at `offset` (a byte offset into the compressed input).
    case corrupt(reason: String, offset: Int)
    /// The block declares `declared` uncompressed bytes where its container promised `expected`.
    case lengthMismatch(declared: Int, expected: Int)
    /// The block declares more uncompressed bytes than the caller allows.
    case outputLimitExceeded(declared: Int, limit: Int)

    public var description: String {
        switch self {
        case .corrupt(let reason, let offset):
            "Snappy data is corrupt at byte \(offset) (\(reason)); the file was damaged or truncated"
        case .lengthMismatch(let declared, let expected):
            "Snappy data declares \(declared) uncompressed bytes but its container expects \(expected); "
                + "the file is corrupt"
        case .outputLimitExceeded(let declared, let limit):
            "Snappy data declares \(declared) uncompressed bytes, over the limit of \(limit); the file is corrupt"
        }
    }
}
