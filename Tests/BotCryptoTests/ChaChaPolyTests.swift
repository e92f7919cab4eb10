import BotCrypto
import Foundation
import Testing

/// RFC 8439 §2.8.2 and Appendix A.5, plus tampering.
@Suite struct ChaChaPolyTests {
    static let key = (0x80..<0xa0).map { UInt8($0) }
    static let nonce = hexBytes("070000004041424344454647")
    static let aad = hexBytes("50515253c0c1c2c3c4c5c6c7")
    static let sealed = hexBytes(
        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
            + "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            + "3ff4def08e4b7a9de576d26586cec64b6116" + "1ae10b594f09e26a7e902ecbd0600691")

    @Test func sealMatchesSection282() throws {
        let result = try ChaChaPoly.seal(
            ChaCha20Tests.sunscreen, key: Self.key, nonce: Self.nonce, authenticating: Self.aad)
        #expect(result == Self.sealed)
        #expect(Hex.encode(result.suffix(16)) == "1ae10b594f09e26a7e902ecbd0600691")
    }

    @Test func openRecoversSection282Plaintext() throws {
        let opened = try ChaChaPoly.open(Self.sealed, key: Self.key, nonce: Self.nonce, authenticating: Self.aad)
        #expect(opened == ChaCha20Tests.sunscreen)
    }

    @Test func appendixA5Decryption() throws {
        let key = hexBytes("1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0")
        let sealed = hexBytes(
            "64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0"
                + "bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c855"
                + "9797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e9"
                + "9040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a"
                + "0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130"
                + "305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b" + "eead9d67890cbb22392336fea1851f38")
        let opened = try ChaChaPoly.open(
            sealed, key: key, nonce: hexBytes("000000000102030405060708"),
            authenticating: hexBytes("f33388860000000000004e91"))
        let text = String(decoding: opened, as: UTF8.self)
        #expect(text.hasPrefix("Internet-Drafts are draft documents valid for a maximum of six months"))
        #expect(text.hasSuffix("/\u{201C}work in progress./\u{201D}"))
        #expect(opened.count == 265)
    }

    @Test(arguments: [0, 57, 113, 114, 129])
    func anyFlippedByteFailsAuthentication(position: Int) {
        var tampered = Self.sealed
        tampered[position] ^= 0x01
        #expect(throws: ChaChaPolyError.authenticationFailed) {
            try ChaChaPoly.open(tampered, key: Self.key, nonce: Self.nonce, authenticating: Self.aad)
        }
    }

    @Test func wrongAssociatedDataKeyOrNonceFails() {
        #expect(throws: ChaChaPolyError.authenticationFailed) {
            try ChaChaPoly.open(Self.sealed, key: Self.key, nonce: Self.nonce, authenticating: [UInt8]())
        }
        var otherKey = Self.key
        otherKey[0] ^= 0x80
        #expect(throws: ChaChaPolyError.authenticationFailed) {
            try ChaChaPoly.open(Self.sealed, key: otherKey, nonce: Self.nonce, authenticating: Self.aad)
        }
        var otherNonce = Self.nonce
        otherNonce[11] ^= 1
        #expect(throws: ChaChaPolyError.authenticationFailed) {
            try ChaChaPoly.open(Self.sealed, key: Self.key, nonce: otherNonce, authenticating: Self.aad)
        }
    }

    @Test func truncatedBoxIsReported() {
        #expect(throws: ChaChaPolyError.truncatedCiphertext(15)) {
            try ChaChaPoly.open(Array(Self.sealed.prefix(15)), key: Self.key, nonce: Self.nonce)
        }
    }

    @Test(arguments: [0, 1, 15, 16, 63, 64, 65, 1000])
    func roundTripsEveryLength(length: Int) throws {
        let plaintext = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let sealed = try ChaChaPoly.seal(plaintext, key: Self.key, nonce: Self.nonce)
        #expect(sealed.count == length + 16)
        #expect(try ChaChaPoly.open(sealed, key: Self.key, nonce: Self.nonce) == plaintext)
    }
}
