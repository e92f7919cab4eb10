import Foundation

/// The age v1 file format (age-encryption.org/v1) with the scrypt passphrase recipient.
///
/// Files interoperate with the `age` tool, rage and pyrage: a 16-byte file key wrapped by
/// scrypt(passphrase) and ChaCha20-Poly1305 in a textual header authenticated with HMAC-SHA256, then the
/// payload in 64 KiB ChaCha20-Poly1305 chunks (the STREAM construction).
public enum Age {
    /// age's default scrypt work factor (log2 N), about a second of work.
    public static let defaultWorkFactor = 18
    /// The default ceiling on a file's work factor when decrypting (2^22: 4 GiB of memory).
    public static let defaultMaxWorkFactor = 22

    static let scryptLabel = Array("age-encryption.org/v1/scrypt".utf8)

    /// Encrypts `plaintext` to `passphrase`; `armored` gives PEM-style ASCII instead of binary.
    ///
    /// `workFactor` is log2 of scrypt's N (1…30); each step doubles the time and memory needed to decrypt.
    public static func encrypt(
        _ plaintext: some DataProtocol, passphrase: String, workFactor: Int = defaultWorkFactor, armored: Bool = false
    ) throws(AgeError) -> Data {
        guard (1...30).contains(workFactor) else { throw .invalidWorkFactor(workFactor) }
        let fileKey: [UInt8]
        let salt: [UInt8]
        let nonce: [UInt8]
        do {
            fileKey = try SystemRandom.bytes(count: 16)
            salt = try SystemRandom.bytes(count: 16)
            nonce = try SystemRandom.bytes(count: 16)
        } catch {
            throw .randomUnavailable(error)
        }
        let wrapKey = try deriveWrapKey(passphrase: passphrase, salt: salt, workFactor: workFactor)
        let body = sealZeroNonce(fileKey, key: wrapKey)
        let arguments = ["scrypt", Base64.encode(salt, padded: false), String(workFactor)]
        var file = AgeHeader.authenticatedText(arguments: arguments, body: body)
        let mac = HMAC.sha256(key: headerKey(fileKey), message: file)
        file.append(0x20)
        file.append(contentsOf: Base64.encodeToBytes(mac, alphabet: .standard, padded: false))
        file.append(0x0a)
        file.append(contentsOf: nonce)
        AgePayload.seal(Array(plaintext), key: payloadKey(fileKey, nonce: nonce), appendingTo: &file)
        return Data(armored ? AgeArmor.armor(file) : file)
    }

    /// Decrypts an age file (binary or ASCII-armored, detected automatically) with `passphrase`.
    ///
    /// `maxWorkFactor` caps the scrypt work factor a file may demand, so a hostile file cannot make this
    /// call allocate unbounded memory; raise it only for trusted files.
    public static func decrypt(
        _ file: some DataProtocol, passphrase: String, maxWorkFactor: Int = defaultMaxWorkFactor
    ) throws(AgeError) -> Data {
        var bytes = Array(file)
        if AgeArmor.isArmored(bytes) { bytes = try AgeArmor.dearmor(bytes) }
        let header = try AgeHeader(parsing: bytes)
        let fileKey = try unwrapFileKey(header, passphrase: passphrase, maxWorkFactor: maxWorkFactor)
        let expectedMAC = HMAC.sha256(key: headerKey(fileKey), message: header.authenticatedBytes)
        guard ConstantTime.equals(expectedMAC, header.mac) else { throw .headerMACMismatch }
        let payload = bytes[header.payloadOffset...]
        guard payload.count >= 16 else {
            throw .truncated(reason: "the payload is \(payload.count) bytes, shorter than its 16-byte nonce")
        }
        let nonce = Array(payload.prefix(16))
        let plaintext = try AgePayload.open(payload.dropFirst(16), key: payloadKey(fileKey, nonce: nonce))
        return Data(plaintext)
    }

    private static func unwrapFileKey(
        _ header: AgeHeader, passphrase: String, maxWorkFactor: Int
    ) throws(AgeError) -> [UInt8] {
        guard let stanza = header.stanzas.first(where: { $0.arguments.first == "scrypt" }) else {
            throw .unsupportedRecipient(type: header.stanzas.first?.arguments.first ?? "")
        }
        guard header.stanzas.count == 1 else {
            let other = header.stanzas.first { $0.line != stanza.line }?.line ?? stanza.line
            throw .malformedHeader(
                line: other, reason: "an scrypt stanza must be the only stanza in the header (age v1 spec)")
        }
        guard stanza.arguments.count == 3 else {
            throw .malformedHeader(
                line: stanza.line, reason: "an scrypt stanza needs exactly two arguments: salt and work factor")
        }
        guard let salt = Base64.decode(stanza.arguments[1], alphabet: .standard, padding: .forbidden), salt.count == 16
        else {
            throw .malformedHeader(
                line: stanza.line, reason: "the scrypt salt must be 16 bytes of canonical unpadded base64")
        }
        let logNText = stanza.arguments[2]
        guard let first = logNText.utf8.first, first != UInt8(ascii: "0"), logNText.utf8.count <= 9,
            logNText.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let logN = Int(logNText)
        else {
            throw .malformedHeader(
                line: stanza.line, reason: "the scrypt work factor must be a decimal number without leading zeros")
        }
        guard logN <= maxWorkFactor else { throw .workFactorTooHigh(logN: logN, limit: maxWorkFactor) }
        guard stanza.body.count == 32 else {
            throw .malformedHeader(line: stanza.line + 1, reason: "the scrypt stanza body must be 32 bytes")
        }
        let wrapKey = try deriveWrapKey(passphrase: passphrase, salt: salt, workFactor: logN)
        guard let fileKey = try? ChaChaPoly.open(stanza.body, key: wrapKey, nonce: [UInt8](repeating: 0, count: 12))
        else { throw .wrongPassphrase }
        return fileKey
    }

    private static func deriveWrapKey(passphrase: String, salt: [UInt8], workFactor: Int) throws(AgeError) -> [UInt8] {
        // The caller has already bounded the work factor; the memory limit follows from it (r = 8).
        let limits = Scrypt.Limits(maxLogN: workFactor, maxRTimesP: 8, maxMemoryBytes: 1024 << workFactor)
        do {
            return try Scrypt.derive(
                password: Array(passphrase.utf8), salt: scryptLabel + salt, logN: workFactor, r: 8, p: 1,
                keyLength: 32, limits: limits)
        } catch {
            throw .keyDerivationFailed(error)
        }
    }

    private static func sealZeroNonce(_ fileKey: [UInt8], key: [UInt8]) -> [UInt8] {
        // 32-byte key and 12-byte nonce by construction, so sealing cannot fail.
        (try? ChaChaPoly.seal(fileKey, key: key, nonce: [UInt8](repeating: 0, count: 12))) ?? []
    }

    private static func headerKey(_ fileKey: [UInt8]) -> [UInt8] {
        let prk = HKDF.extract(salt: [UInt8](), inputKeyMaterial: fileKey)
        return (try? HKDF.expand(pseudoRandomKey: prk, info: Array("header".utf8), outputLength: 32)) ?? []
    }

    private static func payloadKey(_ fileKey: [UInt8], nonce: [UInt8]) -> [UInt8] {
        let prk = HKDF.extract(salt: nonce, inputKeyMaterial: fileKey)
        return (try? HKDF.expand(pseudoRandomKey: prk, info: Array("payload".utf8), outputLength: 32)) ?? []
    }
}
