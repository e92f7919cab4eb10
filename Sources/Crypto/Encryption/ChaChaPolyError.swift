import Foundation

/// Why a ChaCha20, Poly1305 or ChaCha20-Poly1305 operation failed.
public enum ChaChaPolyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key was not 32 bytes.
    case invalidKeyLength(Int)
    /// The nonce was not 12 bytes.
    case invalidNonceLength(Int)
    /// The message would need more keystream than one key/nonce pair gives (2^32 blocks of 64 bytes).
    case messageTooLong(Int)
    /// The sealed box is shorter than its 16-byte tag.
    case truncatedCiphertext(Int)
    /// The tag does not match: wrong key, nonce or associated data, or the ciphertext was altered.
    case authenticationFailed

    public var description: String {
        switch self {
        case .invalidKeyLength(let count):
            "ChaCha20-Poly1305 key is \(count) bytes; it must be exactly 32 bytes."
        case .invalidNonceLength(let count):
            "ChaCha20-Poly1305 nonce is \(count) bytes; it must be exactly 12 bytes."
        case .messageTooLong(let count):
            "Message of \(count) bytes exceeds the 256 GiB a single ChaCha20 key and nonce can encrypt; split it."
        case .truncatedCiphertext(let count):
            "Sealed data is \(count) bytes, shorter than the 16-byte authentication tag; the input is truncated."
        case .authenticationFailed:
            "ChaCha20-Poly1305 authentication failed: the key, nonce or associated data is wrong, or the "
                + "ciphertext was altered. Nothing was decrypted."
        }
    }
}
