import BotCodecs
import Foundation
import TestSupport
import Testing

@Suite("Snappy block codec")
struct SnappyTests {
    /// Deterministic inputs: empty, tiny, random, repetitive, long runs, text-like, and sizes around the
    /// 64 KiB block boundary.
    static let inputs: [(String, [UInt8])] = {
        var generator = SeededGenerator(seed: 0x5A5A_1234)
        func random(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
        let words = Array("the quick brown fox jumps over the lazy dog; candles open high low close volume ".utf8)
        var text: [UInt8] = []
        while text.count < 200_000 { text += words.shuffled(using: &generator).prefix(Int(generator.next() % 40) + 1) }
        var prices: [UInt8] = []
        var price = 42_000.0
        for _ in 0..<30_000 {
            price += Double(Int(generator.next() % 201) - 100) / 100
            withUnsafeBytes(of: price) { prices += $0 }
        }
        return [
            ("empty", []), ("one", [7]), ("short", Array("abcabcabcabcabc".utf8)),
            ("random-1k", random(1000)), ("random-300k", random(300_000)),
            ("zeros-1m", [UInt8](repeating: 0, count: 1 << 20)),
            ("pattern", (0..<150_000).map { UInt8($0 % 7) }), ("text", text), ("prices", prices),
            ("block-edge", random(65_535) + [UInt8](repeating: 9, count: 65_538)),
        ]
    }()

    @Test(arguments: inputs.map(\.0)) func roundTrips(_ name: String) throws {
        let input = try #require(Self.inputs.first { $0.0 == name }?.1)
        let compressed = Snappy.compress(input)
        #expect(compressed.count <= Snappy.maxCompressedLength(input.count))
        let output = try Snappy.decompress(compressed, expectedLength: input.count, limit: 1 << 24)
        #expect(output == input)
    }

    @Test func compressesRepetitiveData() {
        let zeros = Snappy.compress([UInt8](repeating: 0, count: 1 << 20))
        #expect(zeros.count < 60_000)
        let pattern = Snappy.compress((0..<100_000).map { UInt8($0 % 7) })
        #expect(pattern.count < 6_000)
    }

    @Test func pyarrowReadsOurBlocksAndWeReadItsBlocks() throws {
        try withTemporaryDirectory { folder in
            for (name, input) in Self.inputs {
                try Data(input).write(to: folder.appendingPathComponent("\(name).raw"))
                try Data(Snappy.compress(input)).write(to: folder.appendingPathComponent("\(name).ours-snappy"))
                try Data("\(input.count)".utf8).write(to: folder.appendingPathComponent("\(name).size"))
            }
            try Oracle.python("parquet_snappy.py", [folder.path])
            for (name, input) in Self.inputs {
                let theirs = try [UInt8](Data(contentsOf: folder.appendingPathComponent("\(name).pyarrow-snappy")))
                #expect(try Snappy.decompress(theirs, expectedLength: input.count, limit: 1 << 24) == input, "\(name)")
                let roundTrip = try [UInt8](Data(contentsOf: folder.appendingPathComponent("\(name).pyarrow-raw")))
                #expect(roundTrip == input, "pyarrow decompressing our \(name)")
            }
        }
    }

    @Test func rejectsCorruptBlocks() throws {
        let valid = Snappy.compress(Array("hello hello hello hello hello world".utf8))
        #expect(throws: SnappyError.self) { try Snappy.decompress(Array(valid.dropLast()), limit: 1 << 20) }
        #expect(throws: SnappyError.lengthMismatch(declared: 35, expected: 36)) {
            try Snappy.decompress(valid, expectedLength: 36, limit: 1 << 20)
        }
        // A length header promising 2 GiB is refused before anything is allocated.
        #expect(throws: SnappyError.self) { try Snappy.decompress([0xFF, 0xFF, 0xFF, 0xFF, 0x07], limit: 1 << 20) }
        // A copy reaching before the start of the output.
        #expect(throws: SnappyError.self) { try Snappy.decompress([0x08, 0x0D, 0x01, 0x00], limit: 1 << 20) }
        // Every truncation and every single-bit flip of a block either decodes or throws.
        let sample = Snappy.compress((0..<3000).map { UInt8(($0 * $0) % 251) })
        for cut in 0..<sample.count {
            _ = try? Snappy.decompress(Array(sample[..<cut]), limit: 1 << 20)
        }
        for bit in 0..<(sample.count * 8) {
            var flipped = sample
            flipped[bit / 8] ^= 1 << UInt8(bit % 8)
            _ = try? Snappy.decompress(flipped, limit: 1 << 20)
        }
    }
}

