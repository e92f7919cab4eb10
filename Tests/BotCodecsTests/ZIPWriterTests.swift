import Foundation
import TestSupport
import Testing

@testable import BotCodecs

@Suite struct ZIPWriterTests {
    /// The inputs the outside references must extract unchanged.
    struct Input {
        var name: String
        var bytes: [UInt8]
        var fromFile: Bool
    }

    static let inputs: [Input] = [
        Input(name: "empty.txt", bytes: [], fromFile: false),
        Input(name: "empty-from-file.txt", bytes: [], fromFile: true),
        Input(name: "binary/all-bytes.bin", bytes: (0..<4096).map { UInt8($0 % 256) }, fromFile: false),
        Input(name: "résumé-ü.txt", bytes: Array("Zürich, Kraków, 東京\n".utf8), fromFile: false),
        Input(name: "data/candles-large.csv", bytes: FilesTestData.candleText(atLeast: 1_300_000), fromFile: true),
        Input(
            name: "random-stored.bin", bytes: FilesTestData.pseudoRandomBytes(count: 200_000, seed: 7), fromFile: false),
        Input(
            name: "random-from-file.bin", bytes: FilesTestData.pseudoRandomBytes(count: 600_000, seed: 11),
            fromFile: true),
    ]

    /// Writes `inputs` to `folder/name`, taking file-backed entries from files under `folder/sources`.
    static func writeArchive(
        _ inputs: [Input], in folder: URL, named name: String = "archive.zip",
        options: ZIPWriter.Options = ZIPWriter.Options()
    ) throws -> URL {
        let sources = folder.appendingPathComponent("sources")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        var entries: [ZIPWriter.Entry] = []
        for (index, input) in inputs.enumerated() {
            if input.fromFile {
                let source = sources.appendingPathComponent("source-\(index)")
                try FilesTestData.writeBytes(input.bytes, to: source)
                entries.append(.file(source, named: input.name))
            } else {
                entries.append(.bytes(input.bytes, named: input.name))
            }
        }
        let archive = folder.appendingPathComponent(name)
        try ZIPWriter.write(entries, to: archive, options: options)
        return archive
    }

    @Test func unzipTestsOurArchiveAndExtractsEveryEntryUnchanged() throws {
        try withTemporaryDirectory { folder in
            let archive = try Self.writeArchive(Self.inputs, in: folder)
            let test = try Oracle.command("unzip", ["-t", archive.path])
            #expect(test.status == 0, "unzip -t: \(test.outputText) \(test.errorText)")
            for input in Self.inputs {
                let extracted = try Oracle.command("unzip", ["-p", archive.path, input.name])
                #expect(extracted.status == 0, "unzip -p \(input.name): \(extracted.errorText)")
                #expect([UInt8](extracted.standardOutput) == input.bytes, "unzip -p \(input.name)")
            }
        }
    }

    @Test func pythonZipfileExtractsEveryEntryUnchanged() throws {
        try withTemporaryDirectory { folder in
            let archive = try Self.writeArchive(Self.inputs, in: folder)
            let out = folder.appendingPathComponent("python-out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let result = try Oracle.python("zip_check.py", [archive.path, out.path])
            let members = try #require(
                try JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: Any]])
            #expect(members.map { $0["name"] as? String } == Self.inputs.map(\.name))
            for (index, input) in Self.inputs.enumerated() {
                let member = members[index]
                #expect(
                    try FilesTestData.readBytes(out.appendingPathComponent("\(index)")) == input.bytes, "\(input.name)")
                #expect(member["flags"] as? Int == 0x800, "UTF-8 flag for \(input.name)")
                #expect(member["externalAttributes"] as? Int == 0o100644 << 16)
                #expect(member["createSystem"] as? Int == 3)
                #expect(member["extra"] as? String == "")
                #expect(member["dateTime"] as? [Int] == [1980, 1, 1, 0, 0, 0])
            }
            let methods = Dictionary(
                uniqueKeysWithValues: members.map { ($0["name"] as! String, $0["method"] as! Int) })
            #expect(methods["data/candles-large.csv"] == 8)
            #expect(methods["binary/all-bytes.bin"] == 8)
            #expect(methods["random-stored.bin"] == 0)
            #expect(methods["random-from-file.bin"] == 0)
            #expect(methods["empty.txt"] == 0)
        }
    }

    @Test func ourReaderReadsOurArchive() throws {
        try withTemporaryDirectory { folder in
            let archive = try Self.writeArchive(Self.inputs, in: folder)
            let reader = try ZIPReader(url: archive)
            #expect(reader.entries.map(\.name) == Self.inputs.map(\.name))
            try reader.verify()
            for input in Self.inputs {
                let entry = try #require(reader.entry(named: input.name))
                #expect(entry.uncompressedSize == Int64(input.bytes.count))
                #expect(entry.crc32 == Zlib.crc32(input.bytes))
                #expect(entry.unixMode == 0o644)
                #expect(entry.modificationDate == .zipEpoch)
                #expect(try reader.contents(named: input.name) == input.bytes)
            }
            let large = try #require(reader.entry(named: "data/candles-large.csv"))
            #expect(large.method == .deflated)
            #expect(large.compressedSize < large.uncompressedSize / 3)
        }
    }

    @Test func sameInputsWrittenAtDifferentTimesGiveIdenticalArchives() throws {
        try withTemporaryDirectory { folder in
            let first = try Self.writeArchive(Self.inputs, in: folder, named: "first.zip")
            // Age the source files so any leak of mtime or ctime into the archive would show.
            let sources = folder.appendingPathComponent("sources")
            for name in try FilesTestData.folderContents(sources) {
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                    ofItemAtPath: sources.appendingPathComponent(name).path)
            }
            let second = try Self.writeArchive(Self.inputs, in: folder, named: "second.zip")
            #expect(try FilesTestData.readBytes(first) == FilesTestData.readBytes(second))
            let sums = try Oracle.command("sha256sum", [first.path, second.path])
            let hashes = sums.outputText.split(separator: "\n").map { $0.split(separator: " ")[0] }
            #expect(hashes.count == 2 && hashes[0] == hashes[1])
        }
    }

    @Test func sortsEntriesByNameWhenAsked() throws {
        try withTemporaryDirectory { folder in
            let inputs = ["b.txt", "a/z.txt", "a.txt", "Z.txt"].map {
                Input(name: $0, bytes: Array($0.utf8), fromFile: false)
            }
            let sorted = try Self.writeArchive(
                inputs, in: folder, named: "sorted.zip", options: ZIPWriter.Options(sortsEntriesByName: true))
            #expect(try ZIPReader(url: sorted).entries.map(\.name) == ["Z.txt", "a.txt", "a/z.txt", "b.txt"])
            let given = try Self.writeArchive(inputs, in: folder, named: "given.zip")
            #expect(try ZIPReader(url: given).entries.map(\.name) == inputs.map(\.name))
        }
    }

    @Test func recordsGivenTimestamps() throws {
        try withTemporaryDirectory { folder in
            let fixed = try #require(DOSDateTime(year: 2024, month: 5, day: 17, hour: 12, minute: 30, second: 44))
            let own = try #require(DOSDateTime(year: 2001, month: 2, day: 3, hour: 4, minute: 5, second: 6))
            let archive = folder.appendingPathComponent("dated.zip")
            try ZIPWriter.write(
                [.bytes([1], named: "fixed.bin"), .bytes([2], named: "own.bin", date: own)], to: archive,
                options: ZIPWriter.Options(fixedDate: fixed))
            let out = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let result = try Oracle.python("zip_check.py", [archive.path, out.path])
            let members = try #require(
                try JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: Any]])
            #expect(members.map { $0["dateTime"] as? [Int] } == [[2024, 5, 17, 12, 30, 44], [2001, 2, 3, 4, 5, 6]])
        }
    }

    @Test(arguments: [
        "/etc/passwd", "../escape.txt", "a/../../b", "a\\b.txt", "", "a//b", "dir/", "./a", "C:/x", "a\u{0}b",
    ])
    func refusesUnsafeNames(name: String) throws {
        try withTemporaryDirectory { folder in
            let writer = try ZIPWriter(url: folder.appendingPathComponent("a.zip"))
            #expect {
                try writer.addFile(named: name, bytes: [1, 2, 3])
            } throws: { error in
                guard case ZIPError.unsafeName(let refused, _) = error else { return false }
                return refused == name
            }
            // A refused name does not spoil the archive.
            try writer.addFile(named: "ok/..dots../file.txt", bytes: [1])
            try writer.finish()
            #expect(try ZIPReader(url: folder.appendingPathComponent("a.zip")).entries.count == 1)
        }
    }

    @Test func refusesDuplicateNames() throws {
        try withTemporaryDirectory { folder in
            let writer = try ZIPWriter(url: folder.appendingPathComponent("a.zip"))
            try writer.addFile(named: "x.txt", bytes: [1])
            #expect(throws: ZIPError.duplicateName("x.txt")) { try writer.addFile(named: "x.txt", bytes: [2]) }
        }
    }

    @Test func refusesMoreEntriesThanTheCountFieldHolds() throws {
        try withTemporaryDirectory { folder in
            let limits = ZIPWriter.Limits(maxFieldValue: 0xFFFF_FFFE, maxEntryCount: 3)
            let entries = (0..<4).map { ZIPWriter.Entry.bytes([UInt8($0)], named: "f\($0)") }
            let archive = folder.appendingPathComponent("many.zip")
            #expect(throws: ZIPError.tooManyEntries(limit: 3)) {
                try ZIPWriter.write(entries, to: archive, options: ZIPWriter.Options(), limits: limits)
            }
            #expect(
                try FilesTestData.folderContents(folder).isEmpty, "no archive and no temporary file after a refusal")
            try ZIPWriter.write(Array(entries.prefix(3)), to: archive, options: ZIPWriter.Options(), limits: limits)
            #expect(try ZIPReader(url: archive).entries.count == 3)
            #expect(ZIPWriter.Limits.classic.maxEntryCount == 65_535)
            #expect(ZIPWriter.Limits.classic.maxFieldValue == 0xFFFF_FFFE)
        }
    }

    @Test func refusesEntriesThatWouldNeedZIP64() throws {
        try withTemporaryDirectory { folder in
            let limits = ZIPWriter.Limits(maxFieldValue: 1000, maxEntryCount: 100)
            let archive = folder.appendingPathComponent("big.zip")
            let tooBig = [UInt8](repeating: 65, count: 1001)
            #expect(throws: ZIPError.entryNeedsZIP64(entry: "big.txt", size: 1001)) {
                try ZIPWriter.write([.bytes(tooBig, named: "big.txt")], to: archive, options: .init(), limits: limits)
            }
            let source = folder.appendingPathComponent("source.txt")
            try FilesTestData.writeBytes(tooBig, to: source)
            #expect(throws: ZIPError.entryNeedsZIP64(entry: "big-file.txt", size: 1001)) {
                try ZIPWriter.write(
                    [.file(source, named: "big-file.txt")], to: archive, options: .init(), limits: limits)
            }
            // Three incompressible 400-byte entries: the third starts beyond the injected offset ceiling.
            let parts = (0..<3).map {
                ZIPWriter.Entry.bytes(
                    FilesTestData.pseudoRandomBytes(count: 400, seed: UInt64($0 + 1)), named: "p\($0)")
            }
            #expect {
                try ZIPWriter.write(parts, to: archive, options: .init(), limits: limits)
            } throws: { error in
                guard case ZIPError.offsetNeedsZIP64(let entry, let offset) = error else { return false }
                return entry == "p2" || (entry == "the central directory" && offset > 1000)
            }
            #expect(
                try FilesTestData.folderContents(folder) == ["source.txt"],
                "no archive and no temporary file after a refusal")
            let message = ZIPError.entryNeedsZIP64(entry: "big.txt", size: 5_000_000_000).description
            #expect(message.contains("would need ZIP64") && message.contains("big.txt is 5000000000 bytes"))
            #expect(message.contains("split the archive"))
        }
    }

    @Test func writesAnEmptyArchive() throws {
        try withTemporaryDirectory { folder in
            let archive = folder.appendingPathComponent("empty.zip")
            try ZIPWriter.write([], to: archive)
            #expect(
                try FilesTestData.readBytes(archive) == [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
            #expect(try ZIPReader(url: archive).entries.isEmpty)
            let out = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            #expect(try Oracle.python("zip_check.py", [archive.path, out.path]).outputText == "[]\n")
        }
    }

    @Test(arguments: [Int64(0xFFFF_FFFF), 0x1_0000_0000])
    func refusesASparseFileOfFourGibibytesWithoutReadingIt(size: Int64) throws {
        try withTemporaryDirectory { folder in
            let source = folder.appendingPathComponent("huge.bin")
            try FilesTestData.writeBytes([], to: source)
            let handle = try FileHandle(forWritingTo: source)
            try handle.truncate(atOffset: UInt64(size))  // sparse: no blocks are written
            try handle.close()
            let archive = folder.appendingPathComponent("huge.zip")
            #expect(throws: ZIPError.entryNeedsZIP64(entry: "huge.bin", size: size)) {
                try ZIPWriter.write([.file(source, named: "huge.bin")], to: archive)
            }
            #expect(try FilesTestData.folderContents(folder) == ["huge.bin"])
        }
    }

    @Test func aDroppedWriterLeavesNoTemporaryFile() throws {
        try withTemporaryDirectory { folder in
            do {
                let writer = try ZIPWriter(url: folder.appendingPathComponent("never.zip"))
                try writer.addFile(named: "a.txt", bytes: [1, 2, 3])
            }
            #expect(try FilesTestData.folderContents(folder).isEmpty)
        }
    }

    @Test func replacesAnExistingArchiveOnlyWhenFinished() throws {
        try withTemporaryDirectory { folder in
            let archive = folder.appendingPathComponent("a.zip")
            try ZIPWriter.write([.bytes([1], named: "old.txt")], to: archive)
            let writer = try ZIPWriter(url: archive)
            try writer.addFile(named: "new.txt", bytes: [2])
            #expect(try ZIPReader(url: archive).entries.map(\.name) == ["old.txt"])
            try writer.finish()
            #expect(try ZIPReader(url: archive).entries.map(\.name) == ["new.txt"])
            #expect(throws: ZIPError.writerClosed(path: archive.path)) { try writer.addFile(named: "late", bytes: []) }
            #expect(try FilesTestData.folderContents(folder) == ["a.zip"])
        }
    }

    @Test func dosDateTimeFromMilliseconds() throws {
        // 2024-05-17T12:30:44.999Z
        let date = try #require(DOSDateTime(millisecondsSinceEpoch: 1_715_949_044_999))
        #expect(date.description == "2024-05-17 12:30:44")
        #expect(DOSDateTime(millisecondsSinceEpoch: 315_532_800_000) == .zipEpoch)
        #expect(DOSDateTime(millisecondsSinceEpoch: 0) == nil, "1970 is before the DOS epoch")
        #expect(DOSDateTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)?.second == 58)
        #expect(DOSDateTime(year: 2108, month: 1, day: 1) == nil)
    }
}
