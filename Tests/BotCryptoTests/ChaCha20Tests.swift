import BotCrypto
import Foundation
import Testing

/// RFC 8439 §2.3.2 and §2.4.2.
@Suite struct ChaCha20Tests {
    static let key = (0..<32).map { UInt8($0) }
    static let sunscreen = utf8(
        "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, "
            + "sunscreen would be it.")

    @Test func blockFunctionVector() throws {
        let block = try ChaCha20.block(key: Self.key, counter: 1, nonce: hexBytes("000000090000004a00000000"))
        #expect(
            Hex.encode(block)
                == "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
                + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e")
    }

    @Test func encryptionVector() throws {
        let ciphertext = try ChaCha20.xor(
            Self.sunscreen, key: Self.key, nonce: hexBytes("000000000000004a00000000"), counter: 1)
        #expect(
            Hex.encode(ciphertext)
                == "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d")
        let roundTrip = try ChaCha20.xor(
            ciphertext, key: Self.key, nonce: hexBytes("000000000000004a00000000"), counter: 1)
        #expect(roundTrip == Self.sunscreen)
    }

    @Test func rejectsWrongKeyAndNonceLengths() {
        #expect(throws: ChaChaPolyError.invalidKeyLength(31)) {
            try ChaCha20.xor([1], key: [UInt8](repeating: 0, count: 31), nonce: [UInt8](repeating: 0, count: 12))
        }
        #expect(throws: ChaChaPolyError.invalidNonceLength(8)) {
            try ChaCha20.xor([1], key: Self.key, nonce: [UInt8](repeating: 0, count: 8))
        }
    }

    @Test func refusesToRunTheBlockCounterPastItsEnd() {
        #expect(throws: ChaChaPolyError.messageTooLong(65)) {
            try ChaCha20.xor(
                [UInt8](repeating: 0, count: 65), key: Self.key, nonce: [UInt8](repeating: 0, count: 12),
                counter: .max)
        }
    }
}

/// RFC 8439 §2.5.2.
@Suite struct Poly1305Tests {
    @Test func publishedVector() throws {
        let key = hexBytes("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")
        let tag = try Poly1305.authenticate(utf8("Cryptographic Forum Research Group"), key: key)
        #expect(Hex.encode(tag) == "a8061dc1305136c6c22b8baf0c0127a9")
    }

    @Test func incrementalUpdatesMatchOneShot() throws {
        let key = hexBytes("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b")
        var authenticator = try Poly1305(key: key)
        for piece in ["Cryptographic", " Forum", " Research", " Group"] { authenticator.update(utf8(piece)) }
        #expect(Hex.encode(authenticator.finalize()) == "a8061dc1305136c6c22b8baf0c0127a9")
    }

    /// Values near 2^130 − 5 exercise the final reduction (RFC 8439 Appendix A.3, vectors #6 and #8 shapes,
    /// tags cross-checked with Python `cryptography`).
    @Test func finalReductionEdgeCases() throws {
        let twoKey = hexBytes("02" + String(repeating: "0", count: 62))
        #expect(
            Hex.encode(try Poly1305.authenticate([UInt8](repeating: 0xff, count: 16), key: twoKey))
                == "03000000000000000000000000000000")
        let oneKey = hexBytes("01" + String(repeating: "0", count: 62))
        let message =
            [UInt8](repeating: 0xff, count: 16) + [0xf0] + [UInt8](repeating: 0xff, count: 15)
            + [0x11] + [UInt8](repeating: 0, count: 15)
        #expect(Hex.encode(try Poly1305.authenticate(message, key: oneKey)) == "05000000000000000000000000000000")
    }
}
