import Foundation

/// Why PBKDF2, HKDF or scrypt refused to derive a key.
public enum KeyDerivationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// PBKDF2 needs at least one iteration.
    case invalidIterationCount(Int)
    /// The requested key length is zero, negative or above what the function can produce.
    case invalidKeyLength(requested: Int, maximum: Int)
    /// A scrypt cost parameter is outside its valid range (name, value, the valid range as text).
    case invalidScryptParameter(name: String, value: Int, valid: String)
    /// scrypt's log2(N) is above the configured limit.
    case scryptWorkFactorTooHigh(logN: Int, limit: Int)
    /// scrypt's r·p is above the configured limit.
    case scryptParallelismTooHigh(rTimesP: Int, limit: Int)
    /// scrypt would need more memory (128·r·N bytes) than the configured limit.
    case scryptMemoryTooLarge(bytes: Int, limit: Int)
    /// The operating system refused the memory scrypt needs.
    case scryptAllocationFailed(bytes: Int)

    public var description: String {
        switch self {
        case .invalidIterationCount(let count):
            "PBKDF2 iteration count \(count) is invalid; use at least 1."
        case .invalidKeyLength(let requested, let maximum):
            "Requested key length \(requested) bytes is invalid; it must be between 1 and \(maximum) bytes."
        case .invalidScryptParameter(let name, let value, let valid):
            "scrypt parameter \(name) = \(value) is invalid; it must be \(valid)."
        case .scryptWorkFactorTooHigh(let logN, let limit):
            "scrypt work factor 2^\(logN) is above the limit 2^\(limit); raise Scrypt.Limits.maxLogN if the "
                + "input is trusted (each step up doubles time and memory)."
        case .scryptParallelismTooHigh(let product, let limit):
            "scrypt r·p = \(product) is above the limit \(limit); raise Scrypt.Limits.maxRTimesP if the input "
                + "is trusted."
        case .scryptMemoryTooLarge(let bytes, let limit):
            "scrypt would need \(bytes) bytes of memory, above the limit of \(limit) bytes; raise "
                + "Scrypt.Limits.maxMemoryBytes if the input is trusted and the machine has the memory."
        case .scryptAllocationFailed(let bytes):
            "Could not allocate \(bytes) bytes for scrypt; free memory or lower the work factor."
        }
    }
}
