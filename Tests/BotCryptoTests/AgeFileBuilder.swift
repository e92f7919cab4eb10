import BotCrypto
import Foundation

/// Builds age v1 files step by step from the spec with the public primitives, so tests can make files that
/// `Age.encrypt` never would (odd chunk layouts, extra stanzas) and check `Age.decrypt` against the spec
/// independently of our encoder.
struct AgeFileBuilder {
    var passphrase = "builder passphrase"
    var fileKey = [UInt8](repeating: 0x42, count: 16)
    var salt = (0..<16).map { UInt8($0) }
    var logN = 4
    var nonce = [UInt8](repeating: 0x24, count: 16)
    /// Extra raw stanza text inserted after the scrypt stanza (each line ending in "\n").
    var extraStanzas = ""

    func scryptStanzaText() throws -> String {
        let wrapKey = try Scrypt.derive(
            password: utf8(passphrase), salt: utf8("age-encryption.org/v1/scrypt") + salt, logN: logN, r: 8, p: 1,
            keyLength: 32)
        let body = try ChaChaPoly.seal(fileKey, key: wrapKey, nonce: [UInt8](repeating: 0, count: 12))
        return "-> scrypt \(Base64.encode(salt, padded: false)) \(logN)\n\(Base64.encode(body, padded: false))\n"
    }

    /// The complete file with the given chunks, each sealed with its own final flag.
    func build(chunks: [(plaintext: [UInt8], final: Bool)]) throws -> [UInt8] {
        let headerText = "age-encryption.org/v1\n" + (try scryptStanzaText()) + extraStanzas + "---"
        let headerKey = try HKDF.sha256(
            inputKeyMaterial: fileKey, salt: [UInt8](), info: utf8("header"), outputLength: 32)
        let mac = HMAC.sha256(key: headerKey, message: utf8(headerText))
        var file = utf8(headerText + " " + Base64.encode(mac, padded: false) + "\n") + nonce
        let payloadKey = try HKDF.sha256(
            inputKeyMaterial: fileKey, salt: nonce, info: utf8("payload"), outputLength: 32)
        for (index, chunk) in chunks.enumerated() {
            var chunkNonce = [UInt8](repeating: 0, count: 12)
            for byte in 0..<8 { chunkNonce[3 + byte] = UInt8(truncatingIfNeeded: UInt64(index) >> (56 - 8 * byte)) }
            chunkNonce[11] = chunk.final ? 1 : 0
            file += try ChaChaPoly.seal(chunk.plaintext, key: payloadKey, nonce: chunkNonce)
        }
        return file
    }
}

/// Deterministic test content of `count` bytes.
func sampleBytes(_ count: Int, seed: UInt8 = 1) -> [UInt8] {
    var state = UInt32(seed) &* 2_654_435_761 | 1
    return (0..<count).map { _ in
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return UInt8(truncatingIfNeeded: state)
    }
}

/// `file` with the byte at `offset` XORed with `mask`.
func flipping(_ file: Data, at offset: Int, mask: UInt8 = 0x01) -> Data {
    var bytes = [UInt8](file)
    bytes[offset] ^= mask
    return Data(bytes)
}

/// The offset just after the header's `---` MAC line, i.e. where the payload nonce starts.
func payloadOffset(of file: Data) -> Int {
    let bytes = [UInt8](file)
    let marker = utf8("\n--- ")
    for index in 0...(bytes.count - marker.count) where Array(bytes[index..<(index + marker.count)]) == marker {
        return bytes[(index + 1)...].firstIndex(of: 0x0a)! + 1
    }
    return bytes.count
}
