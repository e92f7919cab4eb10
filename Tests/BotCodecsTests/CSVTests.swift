import BotCodecs
import Foundation
import TestSupport
import Testing

@Suite struct CSVTests {
    static let trickyRecords: [[String]] = [
        ["open_time", "open", "note"],
        ["1700000000000", "42.5", "plain"],
        ["with,comma", "with \"quote\"", "\""],
        ["line\nbreak", "crlf\r\nbreak", "lone\rcr"],
        [" leading", "trailing ", "\ttab"],
        ["", "", ""],
        ["ünïcødé 東京", "\"\"", ","],
        [""],
        ["single"],
        ["a", "b", "c", "d", "e"],
    ]

    static let lenient = CSVReader.Options(requiresUniformFieldCount: false)

    @Test(arguments: [CSVWriter.LineEnding.crlf, .lf])
    func roundTripsTrickyFields(lineEnding: CSVWriter.LineEnding) throws {
        let text = CSVWriter.string(for: Self.trickyRecords, options: .init(lineEnding: lineEnding))
        #expect(try CSVReader(string: text, options: Self.lenient).readAll() == Self.trickyRecords)
    }

    @Test func quotesOnlyWhenNeeded() {
        let text = CSVWriter.string(for: [["a", "b,c", "d\"e", " f", "g ", "1.5", "x\ny", ""], [""]])
        #expect(text == "a,\"b,c\",\"d\"\"e\",\" f\",\"g \",1.5,\"x\ny\",\r\n\"\"\r\n")
        #expect(CSVWriter.string(for: [["a", "b"]], options: .init(lineEnding: .lf)) == "a,b\n")
        #expect(
            CSVWriter.string(for: [["a;b", "c,d"]], options: .init(delimiter: UInt8(ascii: ";"))) == "\"a;b\";c,d\r\n")
    }

    @Test(arguments: ["crlf", "lf"])
    func pythonReadsWhatWeWrite(lineEnding: String) throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("ours.csv")
            let writer = try CSVWriter(url: url, options: .init(lineEnding: lineEnding == "crlf" ? .crlf : .lf))
            try writer.write(Self.trickyRecords)
            try writer.close()
            let result = try Oracle.python("csv_read.py", [url.path])
            let records = try JSONDecoder().decode([[String]].self, from: result.standardOutput)
            #expect(records == Self.trickyRecords)
        }
    }

    @Test(arguments: ["crlf", "lf"])
    func weReadWhatPythonWrites(lineEnding: String) throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("python.csv")
            try Oracle.python(
                "csv_write.py", [url.path, lineEnding], input: try JSONEncoder().encode(Self.trickyRecords))
            let ours = try CSVReader(url: url, options: Self.lenient).readAll()
            // Python's writer leaves a lone CR unquoted when the line terminator is LF, and its own reader
            // then splits the record there; what counts is that we read the file as Python reads it.
            let theirs = try JSONDecoder().decode(
                [[String]].self, from: try Oracle.python("csv_read.py", [url.path]).standardOutput)
            #expect(ours == theirs)
            if lineEnding == "crlf" { #expect(ours == Self.trickyRecords) }
        }
    }

    @Test func readsAHeaderAndMixedLineEndings() throws {
        let text = "\u{FEFF}open_time,close\r\n1,2.5\n\n3,4.5\r\r\n5,6.5"
        let reader = try CSVReader(string: text, options: .init(hasHeader: true))
        #expect(reader.header == ["open_time", "close"])
        #expect(try reader.next() == ["1", "2.5"])
        #expect(reader.recordLine == 2)
        #expect(try reader.next() == ["3", "4.5"])
        #expect(reader.recordLine == 4)
        #expect(try reader.next() == ["5", "6.5"])
        #expect(reader.recordLine == 6)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    struct Malformed: Sendable, CustomStringConvertible {
        var text: String
        var error: CSVError
        var description: String { text.debugDescription }
    }

    static let malformed: [Malformed] = [
        Malformed(text: "a,b\n\"unterminated,x\n", error: .unterminatedQuote(source: "<string>", line: 2, column: 1)),
        Malformed(text: "a,b\nc,\"d\ne\nf", error: .unterminatedQuote(source: "<string>", line: 2, column: 3)),
        Malformed(text: "a,b\nc,d\"e\n", error: .strayQuote(source: "<string>", line: 2, column: 4)),
        Malformed(text: "é,ü\"x\n", error: .strayQuote(source: "<string>", line: 1, column: 4)),
        Malformed(text: "\"ab\"c,d\n", error: .textAfterClosingQuote(source: "<string>", line: 1, column: 5)),
        Malformed(text: "a,b\n1,2\n3\n", error: .fieldCount(source: "<string>", line: 3, expected: 2, found: 1)),
        Malformed(
            text: "a,b\r\n\"x\r\ny\",2\r\n3,4,5\r\n",
            error: .fieldCount(source: "<string>", line: 4, expected: 2, found: 3)),
        Malformed(text: "a,\"x\ny\"z", error: .textAfterClosingQuote(source: "<string>", line: 2, column: 3)),
    ]

    @Test(arguments: malformed)
    func reportsErrorsWithLineAndColumn(_ sample: Malformed) throws {
        #expect(throws: sample.error) { try CSVReader(string: sample.text).readAll() }
    }

    @Test func reportsInvalidUTF8() throws {
        let bytes: [UInt8] = Array("a,b\nc,".utf8) + [0xFF, 0xFE] + [0x0A]
        #expect(throws: CSVError.invalidUTF8(source: "x.csv", line: 2, field: 2)) {
            try CSVReader(bytes: bytes, source: "x.csv").readAll()
        }
    }

    @Test func errorMessagesNameThePlace() {
        let message = CSVError.unterminatedQuote(source: "/data/candles.csv", line: 12, column: 5).description
        #expect(message.hasPrefix("/data/candles.csv:12:5: "))
        #expect(
            CSVError.fieldCount(source: "f.csv", line: 3, expected: 6, found: 5).description.contains(
                "5 fields where 6"))
    }

    @Test func streamsAFileAcrossChunkBoundaries() throws {
        try withTemporaryDirectory { folder in
            // CR at byte 65535 and LF at 65536 (the reader's chunk size), then an escaped quote split
            // the same way in the next chunk.
            var text = String(repeating: "x", count: 65_535) + "\r\nb\r\n"
            let quoteAt = 2 * 65_536 - 1
            let fillerLength = quoteAt - text.utf8.count - 1
            text += "\"" + String(repeating: "y", count: fillerLength) + "\"\"z\"\n"
            let url = folder.appendingPathComponent("boundaries.csv")
            try FilesTestData.writeBytes(Array(text.utf8), to: url)
            let reader = try CSVReader(url: url)
            #expect(try reader.next() == [String(repeating: "x", count: 65_535)])
            #expect(try reader.next() == ["b"])
            #expect(reader.recordLine == 2)
            #expect(try reader.next() == [String(repeating: "y", count: fillerLength) + "\"z"])
            #expect(try reader.next() == nil)

            // A larger export: 30 000 candle rows written to a file and streamed back.
            let rows = (0..<30_000).map { index -> [String] in
                ["\(1_700_000_000_000 + index * 60_000)", "\(index).5", index % 7 == 0 ? "note, \"q\"\n" : "ok"]
            }
            let export = folder.appendingPathComponent("export.csv")
            let writer = try CSVWriter(url: export)
            try writer.write(["open_time", "close", "note"])
            try writer.write(rows)
            try writer.close()
            let imported = try CSVReader(url: export, options: .init(hasHeader: true))
            #expect(imported.header == ["open_time", "close", "note"])
            #expect(try imported.readAll() == rows)
        }
    }

    @Test func fileWriterHonoursModeAndRefusesWritesAfterClose() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("private.csv")
            let writer = try CSVWriter(url: url, mode: .ownerOnly)
            try writer.write(["a"])
            try writer.close()
            #expect(throws: CSVError.writerClosed(path: url.path)) { try writer.write(["b"]) }
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try FilesTestData.readBytes(url) == Array("a\r\n".utf8))
            #expect {
                try CSVReader(url: folder.appendingPathComponent("missing.csv"))
            } throws: { error in
                guard case CSVError.io("open", _, ENOENT) = error else { return false }
                return true
            }
        }
    }
}
