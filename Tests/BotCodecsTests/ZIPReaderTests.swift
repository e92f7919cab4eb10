import BotCodecs
import Foundation
import TestSupport
import Testing

@Suite struct ZIPReaderTests {
    @Test(arguments: ["deflated", "stored"])
    func readsArchivesWrittenByPythonZipfile(method: String) throws {
        try withTemporaryDirectory { folder in
            let inputs: [(String, [UInt8])] = [
                ("empty.txt", []),
                ("résumé-ü.txt", Array("naïve café\n".utf8)),
                ("nested/dir/candles.csv", FilesTestData.candleText(atLeast: 300_000)),
                ("random.bin", FilesTestData.pseudoRandomBytes(count: 70_000, seed: 3)),
            ]
            var spec: [[String: String]] = []
            for (index, (name, bytes)) in inputs.enumerated() {
                let source = folder.appendingPathComponent("source-\(index)")
                try FilesTestData.writeBytes(bytes, to: source)
                spec.append(["name": name, "path": source.path, "method": method])
            }
            let archive = folder.appendingPathComponent("python.zip")
            try Oracle.python("zip_write.py", [archive.path], input: try JSONSerialization.data(withJSONObject: spec))

            let reader = try ZIPReader(url: archive)
            #expect(reader.entries.map(\.name) == inputs.map(\.0))
            for (name, bytes) in inputs {
                let entry = try #require(reader.entry(named: name))
                #expect(entry.method == (method == "stored" ? .stored : .deflated))
                #expect(entry.modificationDate.description == "2024-05-17 12:30:44")
                #expect(try reader.contents(of: entry) == bytes, "\(name)")
            }
            try reader.verify()
        }
    }

    /// An archive with one stored entry and one deflated entry, and the offsets of their data.
    static func sampleArchive(in folder: URL) throws -> (url: URL, bytes: [UInt8]) {
        let archive = folder.appendingPathComponent("sample.zip")
        try ZIPWriter.write(
            [
                .bytes(FilesTestData.pseudoRandomBytes(count: 1000, seed: 5), named: "stored.bin"),
                .bytes(FilesTestData.candleText(atLeast: 20_000), named: "deflated.csv"),
            ], to: archive)
        return (archive, try FilesTestData.readBytes(archive))
    }

    static func rewrite(_ bytes: [UInt8], in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("damaged.zip")
        try FilesTestData.writeBytes(bytes, to: url)
        return url
    }

    @Test func aFlippedByteInStoredDataIsACRCError() throws {
        try withTemporaryDirectory { folder in
            var (archive, bytes) = try Self.sampleArchive(in: folder)
            let entry = try #require(try ZIPReader(url: archive).entry(named: "stored.bin"))
            let dataStart = Int(entry.localHeaderOffset) + 30 + "stored.bin".utf8.count
            bytes[dataStart + 500] ^= 0x40
            let damaged = try Self.rewrite(bytes, in: folder)
            let reader = try ZIPReader(url: damaged)
            #expect {
                try reader.contents(named: "stored.bin")
            } throws: { error in
                guard case ZIPError.crcMismatch(_, "stored.bin", let expected, let actual) = error else { return false }
                return expected == entry.crc32 && actual != expected
            }
            #expect(try reader.contents(named: "deflated.csv") == FilesTestData.candleText(atLeast: 20_000))
            let check = try Oracle.command("unzip", ["-t", damaged.path])
            #expect(check.status != 0, "unzip agrees the archive is damaged")
        }
    }

    @Test func aFlippedByteInDeflatedDataIsATypedError() throws {
        try withTemporaryDirectory { folder in
            var (archive, bytes) = try Self.sampleArchive(in: folder)
            let entry = try #require(try ZIPReader(url: archive).entry(named: "deflated.csv"))
            let dataStart = Int(entry.localHeaderOffset) + 30 + "deflated.csv".utf8.count
            bytes[dataStart + Int(entry.compressedSize) / 2] ^= 0x10
            let reader = try ZIPReader(url: try Self.rewrite(bytes, in: folder))
            #expect {
                try reader.verify()
            } throws: { error in
                switch error as? ZIPError {
                case .crcMismatch(_, "deflated.csv", _, _), .corrupt, .sizeMismatch(_, "deflated.csv", _, _): true
                default: false
                }
            }
        }
    }

    @Test(arguments: [0.5, 0.9, 0.999])
    func aTruncatedArchiveIsATypedError(keep fraction: Double) throws {
        try withTemporaryDirectory { folder in
            let (_, bytes) = try Self.sampleArchive(in: folder)
            let cut = Array(bytes.prefix(Int(Double(bytes.count) * fraction)))
            let url = try Self.rewrite(cut, in: folder)
            #expect(throws: ZIPError.notAnArchive(path: url.path)) { try ZIPReader(url: url) }
        }
    }

    @Test func aDataRegionCutOutOfTheMiddleIsTruncation() throws {
        try withTemporaryDirectory { folder in
            let (archive, bytes) = try Self.sampleArchive(in: folder)
            let reader = try ZIPReader(url: archive)
            let deflated = try #require(reader.entry(named: "deflated.csv"))
            // Claim a compressed size that runs into the central directory.
            var damaged = bytes
            let directoryStart = bytes.count - 22 - reader.entries.reduce(0) { $0 + 46 + $1.name.utf8.count }
            let second = directoryStart + 46 + "stored.bin".utf8.count
            let huge = UInt32(deflated.compressedSize + 5000)
            for shift in 0..<4 { damaged[second + 20 + shift] = UInt8(truncatingIfNeeded: huge >> (8 * UInt32(shift))) }
            let damagedReader = try ZIPReader(url: try Self.rewrite(damaged, in: folder))
            #expect {
                try damagedReader.contents(named: "deflated.csv")
            } throws: { error in
                if case ZIPError.truncated = error { return true }
                return false
            }
        }
    }

    @Test func aLocalHeaderThatDisagreesWithTheDirectoryIsCorrupt() throws {
        try withTemporaryDirectory { folder in
            var (_, bytes) = try Self.sampleArchive(in: folder)
            bytes[30] = UInt8(ascii: "S")  // the first local name: "stored.bin" becomes "Stored.bin"
            let reader = try ZIPReader(url: try Self.rewrite(bytes, in: folder))
            #expect {
                try reader.contents(named: "stored.bin")
            } throws: { error in
                guard case ZIPError.corrupt(_, let detail) = error else { return false }
                return detail.contains("'Stored.bin'")
            }
        }
    }

    @Test func aDamagedCentralDirectoryIsCorrupt() throws {
        try withTemporaryDirectory { folder in
            let (_, bytes) = try Self.sampleArchive(in: folder)
            var damaged = bytes
            let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
            let at = try #require((0..<(bytes.count - 4)).last { Array(bytes[$0..<($0 + 4)]) == signature })
            damaged[at + 2] = 0x09
            let url = try Self.rewrite(damaged, in: folder)
            #expect {
                try ZIPReader(url: url)
            } throws: { error in
                guard case ZIPError.corrupt(let path, let detail) = error else { return false }
                return path == url.path && detail.contains("central directory header 2 of 2")
            }
        }
    }

    @Test func aDeclaredSizeSmallerThanTheDataIsCaughtWithoutInflatingEverything() throws {
        try withTemporaryDirectory { folder in
            let (archive, bytes) = try Self.sampleArchive(in: folder)
            let reader = try ZIPReader(url: archive)
            let deflated = try #require(reader.entry(named: "deflated.csv"))
            var damaged = bytes
            let directoryStart = bytes.count - 22 - reader.entries.reduce(0) { $0 + 46 + $1.name.utf8.count }
            let second = directoryStart + 46 + "stored.bin".utf8.count
            damaged[second + 24] = 100  // uncompressed size low byte
            damaged[second + 25] = 0
            damaged[second + 26] = 0
            damaged[second + 27] = 0
            let damagedReader = try ZIPReader(url: try Self.rewrite(damaged, in: folder))
            #expect(
                throws: ZIPError.sizeMismatch(
                    path: damagedReader.url.path, entry: "deflated.csv", expected: 100, actual: 101)
            ) {
                try damagedReader.contents(named: "deflated.csv")
            }
            #expect(deflated.uncompressedSize > 100)
        }
    }

    @Test func notAZipFileAndMissingEntriesAreTypedErrors() throws {
        try withTemporaryDirectory { folder in
            let text = folder.appendingPathComponent("plain.txt")
            try FilesTestData.writeBytes(Array(String(repeating: "not a zip\n", count: 10).utf8), to: text)
            #expect(throws: ZIPError.notAnArchive(path: text.path)) { try ZIPReader(url: text) }
            let empty = folder.appendingPathComponent("empty")
            try FilesTestData.writeBytes([], to: empty)
            #expect(throws: ZIPError.notAnArchive(path: empty.path)) { try ZIPReader(url: empty) }
            let (archive, _) = try Self.sampleArchive(in: folder)
            #expect(throws: ZIPError.entryNotFound(path: archive.path, name: "nope")) {
                try ZIPReader(url: archive).contents(named: "nope")
            }
            let missing = folder.appendingPathComponent("missing.zip")
            #expect {
                try ZIPReader(url: missing)
            } throws: { error in
                guard case ZIPError.io("open", missing.path, ENOENT) = error else { return false }
                let message = (error as? ZIPError)?.description ?? ""
                return message.contains("no such file or directory") && message.contains(missing.path)
            }
        }
    }
}
