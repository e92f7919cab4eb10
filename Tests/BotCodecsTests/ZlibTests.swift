import BotCodecs
import Foundation
import TestSupport
import Testing

@Suite struct ZlibTests {
    static let samples: [[UInt8]] = [
        [],
        Array("a".utf8),
        Array("The quick brown fox jumps over the lazy dog".utf8),
        FilesTestData.candleText(atLeast: 200_000),
        FilesTestData.pseudoRandomBytes(count: 100_000, seed: 42),
    ]

    static let formats: [Zlib.Format] = [.raw, .zlib, .gzip]

    static func name(_ format: Zlib.Format) -> String {
        switch format {
        case .raw: "raw"
        case .zlib: "zlib"
        case .gzip: "gzip"
        case .zlibOrGzip: "zlibOrGzip"
        }
    }

    @Test(arguments: formats)
    func roundTrips(format: Zlib.Format) throws {
        for sample in Self.samples {
            for level: Int32 in [0, 1, 6, 9] {
                let compressed = try Zlib.compress(sample, format: format, level: level)
                let restored = try Zlib.decompress(compressed, format: format, limit: sample.count)
                #expect(restored == sample, "\(Self.name(format)) level \(level), \(sample.count) bytes")
            }
        }
    }

    @Test(arguments: [Zlib.Format.zlib, .gzip])
    func autodetectsZlibAndGzipHeaders(format: Zlib.Format) throws {
        let sample = FilesTestData.candleText(atLeast: 10_000)
        let compressed = try Zlib.compress(sample, format: format)
        #expect(try Zlib.decompress(compressed, format: .zlibOrGzip, limit: sample.count) == sample)
    }

    /// Runs the Python oracle over every sample at once (one process per direction and format).
    static func python(_ action: String, _ format: Zlib.Format, _ inputs: [[UInt8]]) throws -> [[UInt8]] {
        try withTemporaryDirectory { folder in
            var arguments = [action, name(format)]
            for (index, input) in inputs.enumerated() {
                let source = folder.appendingPathComponent("in-\(index)")
                try FilesTestData.writeBytes(input, to: source)
                arguments += [source.path, folder.appendingPathComponent("out-\(index)").path]
            }
            try Oracle.python("zlib_codec.py", arguments)
            return try inputs.indices.map { try FilesTestData.readBytes(folder.appendingPathComponent("out-\($0)")) }
        }
    }

    @Test(arguments: formats)
    func pythonDecompressesOurs(format: Zlib.Format) throws {
        let compressed = try Self.samples.map { try Zlib.compress($0, format: format) }
        #expect(try Self.python("decompress", format, compressed) == Self.samples)
    }

    @Test(arguments: formats)
    func weDecompressPythons(format: Zlib.Format) throws {
        let compressed = try Self.python("compress", format, Self.samples)
        for (sample, data) in zip(Self.samples, compressed) {
            #expect(try Zlib.decompress(data, format: format, limit: sample.count) == sample)
        }
    }

    @Test(arguments: formats)
    func truncatedInputIsTruncated(format: Zlib.Format) throws {
        let sample = FilesTestData.candleText(atLeast: 50_000)
        let compressed = try Zlib.compress(sample, format: format)
        for keep in [1, compressed.count / 3, compressed.count / 2, compressed.count - 1] {
            #expect(throws: ZlibError.truncated, "\(Self.name(format)) cut to \(keep)") {
                try Zlib.decompress(Array(compressed.prefix(keep)), format: format, limit: sample.count)
            }
        }
        #expect(throws: ZlibError.truncated) { try Zlib.decompress([], format: format, limit: 100) }
    }

    @Test(arguments: [Zlib.Format.zlib, .gzip])
    func corruptInputIsCorrupt(format: Zlib.Format) throws {
        let sample = FilesTestData.candleText(atLeast: 50_000)
        var badHeader = try Zlib.compress(sample, format: format)
        badHeader[0] ^= 0xFF
        #expect { try Zlib.decompress(badHeader, format: format, limit: sample.count) } throws: { isCorrupt($0) }

        // A damaged checksum trailer: the data inflates fully, then the check fails.
        var badTrailer = try Zlib.compress(sample, format: format)
        badTrailer[badTrailer.count - (format == .gzip ? 8 : 1)] ^= 0x01
        #expect { try Zlib.decompress(badTrailer, format: format, limit: sample.count) } throws: { isCorrupt($0) }
    }

    @Test func corruptRawDeflateIsCorrupt() throws {
        // Block type 3 is reserved in RFC 1951.
        #expect { try Zlib.decompress([0x07, 0x00, 0x00], format: .raw, limit: 100) } throws: { isCorrupt($0) }
        // A stored block whose length and one's-complement disagree.
        #expect {
            try Zlib.decompress([0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5], format: .raw, limit: 100)
        } throws: { isCorrupt($0) }
    }

    @Test(arguments: formats)
    func outputLimitIsEnforced(format: Zlib.Format) throws {
        let sample = [UInt8](repeating: 0x41, count: 1_000_000)
        let compressed = try Zlib.compress(sample, format: format)
        #expect(compressed.count < 5000, "a bomb: a few KiB that inflate to 1 MB")
        #expect(throws: ZlibError.outputLimitExceeded(limit: 999_999)) {
            try Zlib.decompress(compressed, format: format, limit: 999_999)
        }
        #expect(throws: ZlibError.outputLimitExceeded(limit: 4096)) {
            try Zlib.decompress(compressed, format: format, expectedSize: 10, limit: 4096)
        }
        // Exactly at the limit is fine, whatever size hint is given.
        for hint in [nil, 1, 1_000_000, 5_000_000] {
            #expect(try Zlib.decompress(compressed, format: format, expectedSize: hint, limit: 1_000_000) == sample)
        }
    }

    @Test(arguments: formats)
    func emptyOutputFitsAZeroLimit(format: Zlib.Format) throws {
        let compressed = try Zlib.compress([], format: format)
        #expect(try Zlib.decompress(compressed, format: format, expectedSize: 0, limit: 0) == [])
    }

    @Test func crc32OfKnownStrings() {
        #expect(Zlib.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Zlib.crc32([]) == 0)
        #expect(Zlib.crc32(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        #expect(Zlib.crc32([UInt8](repeating: 0, count: 32)) == 0x190A_55AD)
        let whole = Zlib.crc32(Array("123456789".utf8))
        let continued = Zlib.crc32(Array("56789".utf8), initial: Zlib.crc32(Array("1234".utf8)))
        #expect(continued == whole)
    }

    @Test func errorsDescribeWhatHappened() {
        #expect(ZlibError.truncated.description.contains("truncated"))
        #expect(ZlibError.outputLimitExceeded(limit: 10).description.contains("10 bytes"))
        #expect(ZlibError.corrupt(reason: "invalid block type").description.contains("invalid block type"))
    }
}

private func isCorrupt(_ error: any Error) -> Bool {
    if case ZlibError.corrupt = error { return true }
    return false
}
