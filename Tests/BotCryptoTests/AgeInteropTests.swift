import BotCrypto
import Foundation
import TestSupport
import Testing

/// age interoperability with outside implementations: pyrage (rage, in Rust) and the `age` command (Go),
/// driven by Tests/Oracles/crypto_age.py. `age` reads passphrases only from a terminal, so the oracle runs
/// it on a pseudo-terminal. Files from pyrage use rage's calibrated work factor (about 2^18–2^19) and files
/// from `age` use 2^18, so those cases are few; the suite runs serially to bound scrypt's memory.
@Suite(.serialized) struct AgeInteropTests {
    static let passphrase = "interop secret with ünïcode & spaces"

    private func pyrageDecrypt(_ file: Data, passphrase: String = passphrase) throws -> Data {
        try Oracle.python("crypto_age.py", ["pyrage-decrypt", passphrase], input: file).standardOutput
    }

    private func ageDecrypt(_ file: Data, passphrase: String = passphrase) throws -> Data {
        try Oracle.python("crypto_age.py", ["age-decrypt", passphrase], input: file).standardOutput
    }

    @Test(arguments: [(0, false), (0, true), (1000, true), (131_072, false), (200_000, true)])
    func pyrageDecryptsOurFiles(length: Int, armored: Bool) throws {
        let plaintext = Data(sampleBytes(length, seed: 3))
        let file = try Age.encrypt(plaintext, passphrase: Self.passphrase, workFactor: 10, armored: armored)
        #expect(try pyrageDecrypt(file) == plaintext)
    }

    @Test(arguments: [(0, false), (131_072, true)])
    func weDecryptPyrageFiles(length: Int, armored: Bool) throws {
        let plaintext = Data(sampleBytes(length, seed: 4))
        let file = try Oracle.python(
            "crypto_age.py", ["pyrage-encrypt", Self.passphrase] + (armored ? ["--armor"] : []), input: plaintext
        ).standardOutput
        #expect(
            file.starts(with: Data((armored ? "-----BEGIN AGE ENCRYPTED FILE-----" : "age-encryption.org/v1").utf8)))
        #expect(try Age.decrypt(file, passphrase: Self.passphrase) == plaintext)
    }

    @Test(arguments: [(0, true), (65536, false), (200_000, true)])
    func ageCommandDecryptsOurFiles(length: Int, armored: Bool) throws {
        let plaintext = Data(sampleBytes(length, seed: 5))
        let file = try Age.encrypt(plaintext, passphrase: Self.passphrase, workFactor: 10, armored: armored)
        #expect(try ageDecrypt(file) == plaintext)
    }

    /// An `age -p` file (work factor 18): the wrong passphrase and a flipped payload byte give their typed
    /// errors. (Reaching the payload check also proves the file key unwrapped and the header MAC matched.)
    @Test func ageCommandFileFailuresAreTyped() throws {
        let plaintext = Data(sampleBytes(150_000, seed: 6))
        let file = try Oracle.python("crypto_age.py", ["age-encrypt", Self.passphrase], input: plaintext).standardOutput
        #expect(String(decoding: file.prefix(40), as: UTF8.self).contains("-> scrypt "))
        #expect(throws: AgeError.wrongPassphrase) { try Age.decrypt(file, passphrase: "not the passphrase") }
        #expect(throws: AgeError.payloadAuthenticationFailed(chunk: 2)) {
            try Age.decrypt(flipping(file, at: file.count - 20), passphrase: Self.passphrase)
        }
    }

    @Test func weDecryptArmoredAgeCommandFiles() throws {
        let plaintext = Data(sampleBytes(65536 * 2 + 1000, seed: 7))
        let file = try Oracle.python("crypto_age.py", ["age-encrypt", Self.passphrase, "--armor"], input: plaintext)
            .standardOutput
        #expect(file.starts(with: Data("-----BEGIN AGE ENCRYPTED FILE-----".utf8)))
        #expect(try Age.decrypt(file, passphrase: Self.passphrase) == plaintext)
    }

    @Test func outsideToolsRejectOurTamperedFiles() throws {
        let file = try Age.encrypt(sampleBytes(70_000), passphrase: Self.passphrase, workFactor: 10)
        #expect(throws: (any Error).self) { try pyrageDecrypt(file, passphrase: "wrong") }
        #expect(throws: (any Error).self) { try pyrageDecrypt(flipping(file, at: file.count - 3)) }
        #expect(throws: (any Error).self) { try ageDecrypt(flipping(file, at: payloadOffset(of: file) + 40)) }
        #expect(throws: (any Error).self) { try ageDecrypt(file.prefix(file.count - 4470)) }
        let macStart = payloadOffset(of: file) - 44
        let letter = try #require((macStart..<(macStart + 42)).first { Character(UnicodeScalar(file[$0])).isLetter })
        #expect(throws: (any Error).self) { try ageDecrypt(flipping(file, at: letter, mask: 0x20)) }
    }
}
