import Foundation

/// The ChaCha20-Poly1305 AEAD of RFC 8439 §2.8: the sealed box is the ciphertext followed by a 16-byte tag.
public enum ChaChaPoly {
    /// Bytes in the authentication tag appended to the ciphertext.
    public static let tagByteCount = 16

    /// Encrypts `plaintext` and authenticates it together with `aad`; returns ciphertext ‖ tag.
    ///
    /// Throws only when the key is not 32 bytes or the nonce is not 12 bytes. Never reuse a nonce with the
    /// same key.
    public static func seal(
        _ plaintext: some DataProtocol, key: some DataProtocol, nonce: some DataProtocol,
        authenticating aad: some DataProtocol = [UInt8]()
    ) throws(ChaChaPolyError) -> [UInt8] {
        let cipher = try Key(key)
        let nonceWords = try ChaCha20.nonceWords(nonce)
        let message = Array(plaintext)
        try ChaCha20.checkLength(message.count, startingAt: 1)
        let associated = Array(aad)
        var sealed = [UInt8](repeating: 0, count: message.count + tagByteCount)
        message.withUnsafeBytes { input in
            associated.withUnsafeBytes { aadBytes in
                sealed.withUnsafeMutableBytes { output in
                    cipher.seal(input, nonce: nonceWords, aad: aadBytes, into: output.baseAddress!)
                }
            }
        }
        return sealed
    }

    /// Verifies the tag over `sealed` (ciphertext ‖ tag) and `aad`, then decrypts.
    ///
    /// Throws ``ChaChaPolyError/authenticationFailed`` when the key, nonce or associated data is wrong or the
    /// data was altered; no plaintext is released in that case.
    public static func open(
        _ sealed: some DataProtocol, key: some DataProtocol, nonce: some DataProtocol,
        authenticating aad: some DataProtocol = [UInt8]()
    ) throws(ChaChaPolyError) -> [UInt8] {
        let cipher = try Key(key)
        let nonceWords = try ChaCha20.nonceWords(nonce)
        let box = Array(sealed)
        guard box.count >= tagByteCount else { throw .truncatedCiphertext(box.count) }
        let associated = Array(aad)
        var plaintext = [UInt8](repeating: 0, count: box.count - tagByteCount)
        let authentic = box.withUnsafeBytes { input in
            associated.withUnsafeBytes { aadBytes in
                plaintext.withUnsafeMutableBytes { output in
                    cipher.open(input, nonce: nonceWords, aad: aadBytes, into: output.baseAddress)
                }
            }
        }
        guard authentic else { throw .authenticationFailed }
        return plaintext
    }

    /// A validated key, for callers (the age STREAM) that seal many chunks under one key.
    struct Key: Sendable {
        let words: ChaCha20.KeyWords

        init(_ key: some DataProtocol) throws(ChaChaPolyError) {
            words = try ChaCha20.keyWords(key)
        }

        /// Writes `plaintext.count + 16` bytes (ciphertext ‖ tag) to `output`.
        func seal(
            _ plaintext: UnsafeRawBufferPointer, nonce: ChaCha20.NonceWords, aad: UnsafeRawBufferPointer,
            into output: UnsafeMutableRawPointer
        ) {
            if let source = plaintext.baseAddress, plaintext.count > 0 {
                ChaCha20.xorKeyStream(
                    key: words, nonce: nonce, counter: 1, from: source, to: output, count: plaintext.count)
            }
            let ciphertext = UnsafeRawBufferPointer(start: output, count: plaintext.count)
            let tag = self.tag(ciphertext: ciphertext, nonce: nonce, aad: aad)
            tag.withUnsafeBytes { (output + plaintext.count).copyMemory(from: $0.baseAddress!, byteCount: 16) }
        }

        /// Checks the tag at the end of `sealed`; when it matches, writes `sealed.count - 16` plaintext bytes to
        /// `output` and returns true. Returns false (writing nothing) otherwise.
        func open(
            _ sealed: UnsafeRawBufferPointer, nonce: ChaCha20.NonceWords, aad: UnsafeRawBufferPointer,
            into output: UnsafeMutableRawPointer?
        ) -> Bool {
            guard sealed.count >= ChaChaPoly.tagByteCount else { return false }
            let length = sealed.count - ChaChaPoly.tagByteCount
            let ciphertext = UnsafeRawBufferPointer(rebasing: sealed.prefix(length))
            let expected = tag(ciphertext: ciphertext, nonce: nonce, aad: aad)
            guard ConstantTime.equals(expected, UnsafeRawBufferPointer(rebasing: sealed.suffix(16))) else {
                return false
            }
            if length > 0, let output, let source = ciphertext.baseAddress {
                ChaCha20.xorKeyStream(key: words, nonce: nonce, counter: 1, from: source, to: output, count: length)
            }
            return true
        }

        private func tag(
            ciphertext: UnsafeRawBufferPointer, nonce: ChaCha20.NonceWords, aad: UnsafeRawBufferPointer
        ) -> [UInt8] {
            // §2.6: the one-time Poly1305 key is the first half of keystream block 0.
            var oneTimeKey = [UInt8](repeating: 0, count: 32)
            oneTimeKey.withUnsafeMutableBytes { bytes in
                ChaCha20.xorKeyStream(
                    key: words, nonce: nonce, counter: 0, from: bytes.baseAddress!, to: bytes.baseAddress!, count: 32)
            }
            var mac = Poly1305(validatedKey: oneTimeKey)
            mac.update(aad)
            mac.padToBlock()
            mac.update(ciphertext)
            mac.padToBlock()
            var lengths = (UInt64(aad.count).littleEndian, UInt64(ciphertext.count).littleEndian)
            withUnsafeBytes(of: &lengths) { mac.update($0) }
            return mac.finalize()
        }
    }
}
