import Foundation

/// HMAC (RFC 2104) over SHA-256 or SHA-512.
public enum HMAC {
    /// HMAC-SHA256 of `message` under `key`: 32 bytes.
    public static func sha256(key: some DataProtocol, message: some DataProtocol) -> [UInt8] {
        var authenticator = Authenticator<SHA256>(key: key)
        authenticator.update(message)
        return authenticator.finalize()
    }

    /// HMAC-SHA512 of `message` under `key`: 64 bytes.
    public static func sha512(key: some DataProtocol, message: some DataProtocol) -> [UInt8] {
        var authenticator = Authenticator<SHA512>(key: key)
        authenticator.update(message)
        return authenticator.finalize()
    }

    /// An HMAC computed incrementally, for messages that arrive in pieces.
    ///
    /// Copying a keyed authenticator is cheap (no allocation), so a caller that MACs many messages under
    /// one key can key it once and copy it per message.
    public struct Authenticator<Hash: HashFunction>: Sendable {
        private var inner = Hash()
        private var outer = Hash()

        /// An authenticator keyed with `key`; keys longer than the hash's block are hashed first.
        public init(key: some DataProtocol) {
            var block = [UInt8](repeating: 0, count: Hash.blockByteCount)
            if key.count > Hash.blockByteCount {
                let digest = Hash.hash(key)
                block.replaceSubrange(0..<digest.count, with: digest)
            } else {
                block.replaceSubrange(0..<key.count, with: key)
            }
            for index in block.indices { block[index] ^= 0x36 }
            block.withUnsafeBytes { inner.update($0) }
            // 0x36 ^ 0x5c turns the inner pad into the outer pad in place.
            for index in block.indices { block[index] ^= 0x36 ^ 0x5c }
            block.withUnsafeBytes { outer.update($0) }
        }

        /// Feeds message bytes.
        public mutating func update(_ bytes: some DataProtocol) {
            inner.update(bytes)
        }

        /// Feeds message bytes from a raw buffer.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            inner.update(bytes)
        }

        /// The authentication tag (the hash's digest length).
        public consuming func finalize() -> [UInt8] {
            let innerDigest = inner.finalize()
            var outer = self.outer
            innerDigest.withUnsafeBytes { outer.update($0) }
            return outer.finalize()
        }
    }
}

extension HMAC.Authenticator where Hash == SHA256 {
    /// The chaining values after the inner and outer key blocks, for PBKDF2's one-block fast path.
    var sha256PadStates: (SHA256.State, SHA256.State) {
        (inner.state, outer.state)
    }
}
