import BotCrypto
import Foundation
import Testing

/// Our own age encoder and decoder (work factor 10 keeps scrypt to milliseconds).
@Suite struct AgeTests {
    static let passphrase = "correct horse battery staple"

    @Test(arguments: [0, 1, 1000, 65535, 65536, 65537, 131_072, 200_000])
    func roundTripsBinaryAndArmored(length: Int) throws {
        let plaintext = sampleBytes(length)
        for armored in [false, true] {
            let file = try Age.encrypt(plaintext, passphrase: Self.passphrase, workFactor: 10, armored: armored)
            #expect(try Age.decrypt(file, passphrase: Self.passphrase) == Data(plaintext))
        }
    }

    @Test func headerFollowsTheV1Layout() throws {
        let file = try Age.encrypt(utf8("hi"), passphrase: Self.passphrase, workFactor: 10)
        let text = String(decoding: file.prefix(payloadOffset(of: file)), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)  // version, stanza, body, MAC, and the empty rest after the last newline
        #expect(lines[0] == "age-encryption.org/v1")
        let arguments = lines[1].split(separator: " ")
        #expect(arguments.count == 4)
        #expect(arguments[0] == "->" && arguments[1] == "scrypt" && arguments[3] == "10")
        #expect(Base64.decode(arguments[2], padding: .forbidden)?.count == 16)
        #expect(Base64.decode(lines[2], padding: .forbidden)?.count == 32)
        #expect(lines[3].hasPrefix("--- ") && lines[3].count == 47)
    }

    @Test(arguments: [(0, 1), (1, 1), (65536, 1), (65537, 2), (131_072, 2), (131_073, 3)])
    func payloadHasOneTagPerChunkAndAFullFinalChunkForExactMultiples(length: Int, chunks: Int) throws {
        let file = try Age.encrypt(sampleBytes(length), passphrase: Self.passphrase, workFactor: 10)
        #expect(file.count - payloadOffset(of: file) == 16 + length + 16 * chunks)
    }

    @Test func armorIsStrictPEMWith64Columns() throws {
        let file = try Age.encrypt(sampleBytes(500), passphrase: Self.passphrase, workFactor: 10, armored: true)
        let lines = String(decoding: file, as: UTF8.self).split(separator: "\n")
        #expect(lines.first == "-----BEGIN AGE ENCRYPTED FILE-----")
        #expect(lines.last == "-----END AGE ENCRYPTED FILE-----")
        let body = lines.dropFirst().dropLast()
        #expect(body.dropLast().allSatisfy { $0.count == 64 })
        #expect((1...64).contains(body.last?.count ?? 0))
        #expect(file.last == 0x0a)
    }

    @Test func armorToleratesSurroundingWhitespaceAndCRLF() throws {
        let file = try Age.encrypt(utf8("crlf"), passphrase: Self.passphrase, workFactor: 10, armored: true)
        let crlf = String(decoding: file, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n")
        let padded = Data(("\n  \n" + crlf + "\n\n").utf8)
        #expect(try Age.decrypt(padded, passphrase: Self.passphrase) == Data(utf8("crlf")))
    }

    @Test func armorRejectsGarbageAndBadLines() throws {
        let file = try Age.encrypt(sampleBytes(300), passphrase: Self.passphrase, workFactor: 10, armored: true)
        let text = String(decoding: file, as: UTF8.self)
        let trailingLine = text.split(separator: "\n").count + 1
        #expect(
            throws: AgeError.malformedArmor(line: trailingLine, reason: "data after '-----END AGE ENCRYPTED FILE-----'")
        ) {
            try Age.decrypt(Data((text + "trailing\n").utf8), passphrase: Self.passphrase)
        }
        var lines = text.split(separator: "\n").map(String.init)
        lines[1] = String(lines[1].dropLast())  // a 63-column line that is not the last one
        #expect(throws: AgeError.self) {
            try Age.decrypt(Data(lines.joined(separator: "\n").utf8), passphrase: Self.passphrase)
        }
        let cut = text.replacingOccurrences(of: "-----END AGE ENCRYPTED FILE-----\n", with: "")
        #expect(throws: AgeError.truncated(reason: "the armor has no '-----END AGE ENCRYPTED FILE-----' line")) {
            try Age.decrypt(Data(cut.utf8), passphrase: Self.passphrase)
        }
    }

    @Test func wrongPassphraseIsReportedAsSuch() throws {
        let file = try Age.encrypt(utf8("secret"), passphrase: Self.passphrase, workFactor: 10)
        #expect(throws: AgeError.wrongPassphrase) { try Age.decrypt(file, passphrase: "Correct horse battery staple") }
    }

    @Test func alteredHeaderMACIsDetected() throws {
        let file = try Age.encrypt(utf8("secret"), passphrase: Self.passphrase, workFactor: 10)
        // The MAC is the 43 characters before the payload's newline; flipping a letter's case keeps it base64.
        let macStart = payloadOffset(of: file) - 44
        let letter = try #require((macStart..<(macStart + 42)).first { Character(UnicodeScalar(file[$0])).isLetter })
        #expect(throws: AgeError.headerMACMismatch) {
            try Age.decrypt(flipping(file, at: letter, mask: 0x20), passphrase: Self.passphrase)
        }
    }

    @Test func alteredStanzaFailsToUnwrap() throws {
        let file = try Age.encrypt(utf8("secret"), passphrase: Self.passphrase, workFactor: 10)
        // The body line starts right after the stanza line; flipping case keeps it base64 but changes the key.
        let bodyStart = [UInt8](file).firstIndex(of: 0x0a).map { start in
            [UInt8](file)[(start + 1)...].firstIndex(of: 0x0a)! + 1
        }!
        let letter = try #require((bodyStart..<(bodyStart + 42)).first { Character(UnicodeScalar(file[$0])).isLetter })
        #expect(throws: AgeError.wrongPassphrase) {
            try Age.decrypt(flipping(file, at: letter, mask: 0x20), passphrase: Self.passphrase)
        }
    }

    @Test func alteredPayloadNamesTheChunk() throws {
        let file = try Age.encrypt(sampleBytes(200_000), passphrase: Self.passphrase, workFactor: 10)
        let chunkOne = payloadOffset(of: file) + 16 + 65536 + 16 + 100
        #expect(throws: AgeError.payloadAuthenticationFailed(chunk: 1)) {
            try Age.decrypt(flipping(file, at: chunkOne), passphrase: Self.passphrase)
        }
        #expect(throws: AgeError.payloadAuthenticationFailed(chunk: 3)) {
            try Age.decrypt(flipping(file, at: file.count - 1), passphrase: Self.passphrase)
        }
        // The payload nonce feeds the payload key, so every chunk fails; the first is reported.
        #expect(throws: AgeError.payloadAuthenticationFailed(chunk: 0)) {
            try Age.decrypt(flipping(file, at: payloadOffset(of: file)), passphrase: Self.passphrase)
        }
    }

    @Test func truncationIsReported() throws {
        let file = try Age.encrypt(sampleBytes(140_000), passphrase: Self.passphrase, workFactor: 10)
        let start = payloadOffset(of: file)
        // Cut in the header, in the nonce, at a chunk boundary (dropping the final chunk) and mid-tag.
        for cut in [20, start - 10, start + 8, start + 16 + 2 * 65552, start + 16 + 65552 + 5] {
            #expect(throws: AgeError.self) {
                try Age.decrypt(file.prefix(cut), passphrase: Self.passphrase)
            }
            do {
                _ = try Age.decrypt(file.prefix(cut), passphrase: Self.passphrase)
            } catch {
                guard case .truncated = error else {
                    Issue.record("cut at \(cut): expected .truncated, got \(error)")
                    continue
                }
            }
        }
        #expect(throws: AgeError.truncated(reason: "the payload has a nonce but no chunks")) {
            try Age.decrypt(file.prefix(start + 16), passphrase: Self.passphrase)
        }
    }

    @Test func workFactorAboveTheLimitIsRefusedBeforeScrypt() throws {
        let file = try Age.encrypt(utf8("x"), passphrase: Self.passphrase, workFactor: 10)
        let text = String(decoding: file.prefix(payloadOffset(of: file)), as: UTF8.self)
        let raised =
            Data(text.replacingOccurrences(of: " 10\n", with: " 23\n").utf8)
            + file.suffix(from: payloadOffset(of: file))
        #expect(throws: AgeError.workFactorTooHigh(logN: 23, limit: 22)) {
            try Age.decrypt(raised, passphrase: Self.passphrase)
        }
        #expect(throws: AgeError.workFactorTooHigh(logN: 10, limit: 9)) {
            try Age.decrypt(file, passphrase: Self.passphrase, maxWorkFactor: 9)
        }
        #expect(AgeError.workFactorTooHigh(logN: 23, limit: 22).description.contains("maxWorkFactor"))
    }

    @Test func invalidEncryptionWorkFactorIsRejected() {
        #expect(throws: AgeError.invalidWorkFactor(0)) { try Age.encrypt(utf8("x"), passphrase: "p", workFactor: 0) }
        #expect(throws: AgeError.invalidWorkFactor(31)) { try Age.encrypt(utf8("x"), passphrase: "p", workFactor: 31) }
    }

    @Test func handBuiltSpecFileDecrypts() throws {
        let builder = AgeFileBuilder()
        let chunk = sampleBytes(65536)
        let file = try builder.build(chunks: [(chunk, false), (utf8("tail"), true)])
        #expect(try Age.decrypt(Data(file), passphrase: builder.passphrase) == Data(chunk + utf8("tail")))
        let single = try builder.build(chunks: [(chunk, true)])
        #expect(try Age.decrypt(Data(single), passphrase: builder.passphrase) == Data(chunk))
    }

    @Test func streamRulesAreEnforced() throws {
        let builder = AgeFileBuilder()
        let chunk = sampleBytes(65536)
        // An empty final chunk is allowed only when it is the only chunk.
        let emptyTail = try builder.build(chunks: [(chunk, false), ([], true)])
        #expect(
            throws: AgeError.malformedPayload(chunk: 1, reason: "the final chunk is empty but is not the only chunk")
        ) {
            try Age.decrypt(Data(emptyTail), passphrase: builder.passphrase)
        }
        #expect(try Age.decrypt(Data(try builder.build(chunks: [([], true)])), passphrase: builder.passphrase).isEmpty)
        // A file whose last chunk is not flagged final was cut at a chunk boundary.
        let noFinal = try builder.build(chunks: [(chunk, false), (chunk, false)])
        #expect(throws: AgeError.truncated(reason: "the payload stops after chunk 1 without a final chunk")) {
            try Age.decrypt(Data(noFinal), passphrase: builder.passphrase)
        }
        // A final flag on a middle chunk fails that chunk.
        let earlyFinal = try builder.build(chunks: [(chunk, true), (utf8("more"), true)])
        #expect(throws: AgeError.payloadAuthenticationFailed(chunk: 0)) {
            try Age.decrypt(Data(earlyFinal), passphrase: builder.passphrase)
        }
        // A short chunk that is not final fails.
        let shortMiddle = try builder.build(chunks: [(utf8("short"), false)])
        #expect(throws: AgeError.payloadAuthenticationFailed(chunk: 0)) {
            try Age.decrypt(Data(shortMiddle), passphrase: builder.passphrase)
        }
    }

    @Test func scryptStanzaMustBeAlone() throws {
        var builder = AgeFileBuilder()
        builder.extraStanzas =
            "-> X25519 \(Base64.encode([UInt8](repeating: 9, count: 32), padded: false))\n"
            + "\(Base64.encode([UInt8](repeating: 7, count: 32), padded: false))\n"
        let file = try builder.build(chunks: [(utf8("x"), true)])
        #expect(
            throws: AgeError.malformedHeader(
                line: 4, reason: "an scrypt stanza must be the only stanza in the header (age v1 spec)")
        ) {
            try Age.decrypt(Data(file), passphrase: builder.passphrase)
        }
    }

    @Test func otherRecipientTypesAreUnsupported() throws {
        let header =
            "age-encryption.org/v1\n-> X25519 \(Base64.encode([UInt8](repeating: 9, count: 32), padded: false))\n"
            + "\(Base64.encode([UInt8](repeating: 7, count: 32), padded: false))\n--- "
            + Base64.encode([UInt8](repeating: 1, count: 32), padded: false) + "\n"
        let file = Data(header.utf8) + Data(repeating: 0, count: 40)
        #expect(throws: AgeError.unsupportedRecipient(type: "X25519")) { try Age.decrypt(file, passphrase: "p") }
    }

    static let fakeMAC: String = "--- " + String(repeating: "A", count: 43) + "\n"
    static let longBodyLine: String = String(repeating: "A", count: 65)
    static let malformedHeaders: [(String, AgeError)] = [
        (
            "hello\n",
            .malformedHeader(line: 1, reason: "not an age file: the first line must be 'age-encryption.org/v1'")
        ),
        ("age-encryption.org/v2\n", .unsupportedVersion("age-encryption.org/v2")),
        ("age-encryption.org/v1\n--- AAAA\n", .malformedHeader(line: 2, reason: "the header has no recipient stanza")),
        (
            "age-encryption.org/v1\n->  scrypt\n\n",
            .malformedHeader(line: 2, reason: "stanza arguments must be printable ASCII separated by single spaces")
        ),
        (
            "age-encryption.org/v1\n-> scrypt a 1\n" + longBodyLine + "\n",
            .malformedHeader(line: 3, reason: "stanza body lines must be at most 64 columns")
        ),
        (
            "age-encryption.org/v1\n-> scrypt a 1\nAB\n---",
            .malformedHeader(line: 3, reason: "the stanza body is not canonical unpadded base64")
        ),
        (
            "age-encryption.org/v1\n-> scrypt",
            .truncated(reason: "header line 2 has no line feed; the header is cut short")
        ),
        (
            "age-encryption.org/v1\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 018\nAAAA\n" + fakeMAC,
            .malformedHeader(line: 2, reason: "the scrypt work factor must be a decimal number without leading zeros")
        ),
        (
            "age-encryption.org/v1\n-> scrypt AAAAAAAAAAAAAAAAAAAAAB 18\nAAAA\n" + fakeMAC,
            .malformedHeader(line: 2, reason: "the scrypt salt must be 16 bytes of canonical unpadded base64")
        ),
        (
            "age-encryption.org/v1\n-> scrypt AAAAAAAAAAAAAAAAAAAAAA 18\nAAAA\n" + fakeMAC,
            .malformedHeader(line: 3, reason: "the scrypt stanza body must be 32 bytes")
        ),
    ]

    @Test(arguments: malformedHeaders)
    func malformedHeadersNameTheLine(text: String, expected: AgeError) {
        #expect(throws: expected) { try Age.decrypt(Data(text.utf8), passphrase: "p") }
    }

    @Test func errorDescriptionsSayWhatToDo() {
        #expect(AgeError.payloadAuthenticationFailed(chunk: 2).description.contains("chunk 2"))
        #expect(AgeError.malformedHeader(line: 3, reason: "x").description.contains("line 3"))
        #expect(AgeError.wrongPassphrase.description.contains("passphrase"))
    }
}
