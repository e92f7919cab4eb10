import Foundation

/// Test data and file helpers shared by the ZIP, CSV, JSON Lines, atomic-file and zlib tests.
enum FilesTestData {
    /// Deterministic pseudo-random bytes (xorshift64*), incompressible for deflate.
    static func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed | 1
        var bytes = [UInt8](repeating: 0, count: count)
        for index in bytes.indices {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            bytes[index] = UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
        }
        return bytes
    }

    /// Compressible text of at least `count` bytes, shaped like a candle CSV.
    static func candleText(atLeast count: Int) -> [UInt8] {
        var text = "open_time,open,high,low,close,volume\n"
        var time = 1_700_000_000_000
        while text.utf8.count < count {
            text += "\(time),\(time % 97).5,\(time % 89).25,\(time % 83).75,\(time % 79).5,\(time % 1013)\n"
            time += 60_000
        }
        return Array(text.utf8)
    }

    static func readBytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }

    static func writeBytes(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url)
    }

    static func folderContents(_ url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}
