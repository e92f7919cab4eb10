import BotCrypto
import Foundation
import Testing

/// RFC 4648 §10 vectors and the strictness age relies on.
@Suite struct Base64Tests {
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(utf8(plain)) == encoded)
        #expect(Base64.decode(encoded) == utf8(plain))
        let unpadded = encoded.replacingOccurrences(of: "=", with: "")
        #expect(Base64.encode(utf8(plain), padded: false) == unpadded)
        #expect(Base64.decode(unpadded, padding: .forbidden) == utf8(plain))
        #expect(Base64.decode(unpadded, padding: .optional) == utf8(plain))
        #expect(Base64.decode(encoded, padding: .optional) == utf8(plain))
    }

    @Test func urlAlphabetUsesDashAndUnderscore() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, alphabet: .url) == "-_-_")
        #expect(Base64.decode("-_-_", alphabet: .url) == bytes)
        #expect(Base64.decode("-_-_") == nil)
        #expect(Base64.decode("+/+/", alphabet: .url) == nil)
    }

    @Test(arguments: [
        ("Zm9=", Base64.Padding.required),  // 'Zm9=' has non-zero unused bits
        ("Zh==", .required),  // non-canonical: 'h' leaves low bits set
        ("Zm9vYg", .required),  // padding missing
        ("Zm9vYg==", .forbidden),  // padding present
        ("Zm9vY", .optional),  // impossible length
        ("Zm9v\nYmFy", .required),  // line break inside
        ("Zm 9v", .optional),  // space
        ("Zm9vYg=", .optional),  // incomplete padding
        ("Zg===", .optional),  // too much padding
        ("Z=g=", .required),  // padding in the middle
        ("Zm9vYmE*", .required),  // bad character
    ])
    func strictDecodingRejects(text: String, padding: Base64.Padding) {
        #expect(Base64.decode(text, padding: padding) == nil)
    }
}

@Suite struct ConstantTimeTests {
    @Test func comparesContentsAndLength() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([UInt8](), Data()))
    }
}

@Suite struct SystemRandomTests {
    @Test func returnsTheRequestedCountAndDiffersBetweenCalls() throws {
        let first = try SystemRandom.bytes(count: 32)
        let second = try SystemRandom.bytes(count: 32)
        #expect(first.count == 32)
        // Equal 256-bit outputs would mean the generator is broken (probability 2^-256).
        #expect(first != second)
        #expect(try SystemRandom.bytes(count: 0).isEmpty)
    }

    @Test func largeRequestsAreFilledCompletely() throws {
        let bytes = try SystemRandom.bytes(count: 1 << 20)
        // A megabyte of OS randomness contains every byte value; a partly unfilled buffer would be mostly 0.
        #expect(Set(bytes).count == 256)
        #expect(bytes.filter { $0 == 0 }.count < 8192)
    }
}
