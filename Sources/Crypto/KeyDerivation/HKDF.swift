import Foundation

/// HKDF (RFC 5869) with HMAC-SHA256.
public enum HKDF {
    /// The longest output HKDF-SHA256 can produce: 255 blocks of 32 bytes.
    public static let maximumOutputLength = 255 * 32

    /// Extract-then-expand in one call: `outputLength` bytes of keying material.
    public static func sha256(
        inputKeyMaterial: some DataProtocol, salt: some DataProtocol, info: some DataProtocol, outputLength: Int
    ) throws(KeyDerivationError) -> [UInt8] {
        try expand(
            pseudoRandomKey: extract(salt: salt, inputKeyMaterial: inputKeyMaterial), info: info,
            outputLength: outputLength)
    }

    /// HKDF-Extract (§2.2): the 32-byte pseudorandom key. An empty salt means 32 zero bytes, as the RFC says.
    public static func extract(salt: some DataProtocol, inputKeyMaterial: some DataProtocol) -> [UInt8] {
        // HMAC pads a short key with zeros, so an empty salt and 32 zero bytes give the same key.
        HMAC.sha256(key: salt, message: inputKeyMaterial)
    }

    /// HKDF-Expand (§2.3): `outputLength` bytes (1…8160) from a pseudorandom key and context `info`.
    public static func expand(
        pseudoRandomKey: some DataProtocol, info: some DataProtocol, outputLength: Int
    ) throws(KeyDerivationError) -> [UInt8] {
        guard outputLength >= 1, outputLength <= maximumOutputLength else {
            throw .invalidKeyLength(requested: outputLength, maximum: maximumOutputLength)
        }
        let keyed = HMAC.Authenticator<SHA256>(key: pseudoRandomKey)
        let context = Array(info)
        var output = [UInt8]()
        output.reserveCapacity(outputLength)
        var previous = [UInt8]()
        var counter: UInt8 = 1
        while output.count < outputLength {
            var authenticator = keyed
            authenticator.update(previous)
            authenticator.update(context)
            authenticator.update([counter])
            previous = authenticator.finalize()
            output.append(contentsOf: previous.prefix(outputLength - output.count))
            counter &+= 1
        }
        return output
    }
}
