import Foundation

/// Why an age file could not be encrypted or decrypted.
public enum AgeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The passphrase does not unwrap the file key in the scrypt stanza.
    case wrongPassphrase
    /// The file key unwrapped but the header MAC does not match: the header was altered.
    case headerMACMismatch
    /// Payload chunk `chunk` (0-based) failed authentication: the payload was altered or corrupted.
    case payloadAuthenticationFailed(chunk: Int)
    /// The payload breaks a STREAM rule (for example an empty final chunk after other chunks).
    case malformedPayload(chunk: Int, reason: String)
    /// The file ends early; `reason` says where.
    case truncated(reason: String)
    /// The header is not valid age v1 at 1-based `line`.
    case malformedHeader(line: Int, reason: String)
    /// The file is not an age v1 file (its version line names another format or version).
    case unsupportedVersion(String)
    /// The header holds no scrypt stanza, only recipients of the given types (X25519, plugins …).
    case unsupportedRecipient(type: String)
    /// The scrypt stanza asks for 2^`logN` work, above `limit`.
    case workFactorTooHigh(logN: Int, limit: Int)
    /// The requested encryption work factor is outside 1…30.
    case invalidWorkFactor(Int)
    /// The ASCII armor is not strict PEM at 1-based `line`.
    case malformedArmor(line: Int, reason: String)
    /// The operating system could not provide random bytes for a key, salt or nonce.
    case randomUnavailable(SystemRandomError)
    /// scrypt could not run (for example, not enough memory for the work factor).
    case keyDerivationFailed(KeyDerivationError)

    public var description: String {
        switch self {
        case .wrongPassphrase:
            "age: the passphrase is wrong (it does not unwrap the file key). Check the passphrase or the "
                + "secret it came from; the file itself may also have been replaced."
        case .headerMACMismatch:
            "age: header MAC mismatch: the file header was modified after encryption. Restore the file from "
                + "a good copy."
        case .payloadAuthenticationFailed(let chunk):
            "age: payload chunk \(chunk) (bytes from \(chunk * 65536) of the plaintext) failed authentication: "
                + "the file is corrupted or was tampered with. Restore it from a good copy."
        case .malformedPayload(let chunk, let reason):
            "age: payload chunk \(chunk) is malformed: \(reason). The file was not written by a conforming age "
                + "implementation or was altered."
        case .truncated(let reason):
            "age: the file is truncated: \(reason). Copy or download it again."
        case .malformedHeader(let line, let reason):
            "age: malformed header at line \(line): \(reason)."
        case .unsupportedVersion(let version):
            "age: unsupported format '\(version)'; only age-encryption.org/v1 files can be read."
        case .unsupportedRecipient(let type):
            "age: the file is encrypted to a '\(type)' recipient, not a passphrase; only scrypt (passphrase) "
                + "files are supported. Decrypt it with the matching identity using the age tool."
        case .workFactorTooHigh(let logN, let limit):
            "age: the file's scrypt work factor 2^\(logN) is above the allowed 2^\(limit) (it would need "
                + "\(128 * 8) × 2^\(logN) bytes of memory). If the file is trusted, pass a larger maxWorkFactor "
                + "(at least \(logN)) to Age.decrypt."
        case .invalidWorkFactor(let value):
            "age: work factor \(value) is invalid; use a log2 value between 1 and 30 (18 is age's default)."
        case .malformedArmor(let line, let reason):
            "age: malformed ASCII armor at line \(line): \(reason)."
        case .randomUnavailable(let underlying):
            "age: \(underlying)"
        case .keyDerivationFailed(let underlying):
            "age: scrypt failed: \(underlying)"
        }
    }
}
