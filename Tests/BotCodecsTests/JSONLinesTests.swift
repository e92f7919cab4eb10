import BotCodecs
import Dispatch
import Foundation
import TestSupport
import Testing

@Suite struct JSONLinesTests {
    struct Event: Codable, Equatable {
        var sequence: Int
        var kind: String
        var detail: String?
        var path: String?
    }

    static func lines(of url: URL) throws -> [String] {
        String(decoding: try FilesTestData.readBytes(url), as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
    }

    @Test func appendsSortedKeyLinesAndReadsThemBack() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("audit/2026/alerts.jsonl")
            let writer = try JSONLinesWriter(url: url, mode: .ownerOnly)
            let events = [
                Event(sequence: 1, kind: "gap", detail: "BTC/USDT 1h", path: "/data/x"),
                Event(sequence: 2, kind: "ünïcode \"quoted\"\nline", detail: nil, path: nil),
            ]
            for event in events { try writer.append(event) }
            try writer.append(json: #"{"kind":"raw","sequence":3}"#)
            try writer.close()

            #expect(
                try Self.lines(of: url) == [
                    #"{"detail":"BTC/USDT 1h","kind":"gap","path":"/data/x","sequence":1}"#,
                    #"{"kind":"ünïcode \"quoted\"\nline","sequence":2}"#,
                    #"{"kind":"raw","sequence":3}"#,
                    "",
                ])
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect(attributes[.posixPermissions] as? Int == 0o600)
            let contents = try JSONLinesReader.read(Event.self, from: url)
            #expect(contents.records == events + [Event(sequence: 3, kind: "raw")])
            #expect(contents.partialFinalLine == nil)
        }
    }

    @Test func pythonJSONParsesEveryLine() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("python.jsonl")
            let writer = try JSONLinesWriter(url: url)
            let events = [
                Event(sequence: 1, kind: "a/b \u{1F600} \"q\" \\ \t", detail: "ü", path: "/x/y"),
                Event(sequence: -2, kind: "", detail: nil, path: nil),
            ]
            for event in events { try writer.append(event) }
            try writer.close()
            let result = try Oracle.python("jsonl_read.py", [url.path])
            #expect(try JSONDecoder().decode([Event].self, from: result.standardOutput) == events)
        }
    }

    @Test func reopeningAppendsAndKeepsTheMode() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("journal.jsonl")
            for sequence in 1...3 {
                let writer = try JSONLinesWriter(url: url)
                try writer.append(Event(sequence: sequence, kind: "run"))
            }
            #expect(try JSONLinesReader.read(Event.self, from: url).records.map(\.sequence) == [1, 2, 3])
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect(attributes[.posixPermissions] as? Int == 0o644)
        }
    }

    @Test func refusesPreRenderedRecordsWithLineBreaksAndUseAfterClose() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("j.jsonl")
            let writer = try JSONLinesWriter(url: url)
            #expect(throws: JSONLinesError.lineBreakInRecord(path: url.path)) { try writer.append(json: "{\n}") }
            #expect(throws: JSONLinesError.lineBreakInRecord(path: url.path)) { try writer.append(json: "{}\r") }
            try writer.close()
            #expect(throws: JSONLinesError.closed(path: url.path)) { try writer.append(json: "{}") }
            #expect(try FilesTestData.readBytes(url) == [])
        }
    }

    @Test func batchedAppendsReachTheFileAndFlush() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("batch.jsonl")
            let writer = try JSONLinesWriter(url: url, durability: .onFlush)
            for sequence in 0..<500 { try writer.append(Event(sequence: sequence, kind: "tick")) }
            try writer.flush()
            // Each append is one write(2): the records are in the file before close.
            #expect(try JSONLinesReader.read(Event.self, from: url).records.count == 500)
            try writer.close()
        }
    }

    @Test func concurrentWritersNeverInterleaveWithinALine() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("shared.jsonl")
            let detail = String(repeating: "x", count: 3000)
            DispatchQueue.concurrentPerform(iterations: 4) { writerIndex in
                // Separate descriptors, as separate processes would have.
                guard let writer = try? JSONLinesWriter(url: url, durability: .onFlush) else { return }
                for sequence in 0..<150 {
                    try? writer.append(Event(sequence: writerIndex * 1000 + sequence, kind: "w", detail: detail))
                }
                try? writer.close()
            }
            let records = try JSONLinesReader.read(Event.self, from: url).records
            #expect(records.count == 600)
            #expect(Set(records.map(\.sequence)).count == 600)
            #expect(records.allSatisfy { $0.detail == detail })
        }
    }

    @Test func reportsTheLineNumberOfAMalformedLine() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("bad.jsonl")
            let text = """
                {"sequence":1,"kind":"a"}

                {"sequence":2,"kind":"b"}
                {"sequence":3,"kind":
                {"sequence":4,"kind":"d"}

                """
            try FilesTestData.writeBytes(Array(text.utf8), to: url)
            #expect {
                try JSONLinesReader.read(Event.self, from: url)
            } throws: { error in
                guard case JSONLinesError.malformedLine(url.path, 4, let reason) = error else { return false }
                return reason.hasPrefix("invalid JSON")
                    && (error as? JSONLinesError)?.description.hasPrefix("\(url.path):4: not a valid record") == true
            }
            try FilesTestData.writeBytes(
                Array("{\"sequence\":1,\"kind\":\"a\"}\n{\"sequence\":\"two\",\"kind\":\"b\"}\n".utf8), to: url)
            #expect {
                try JSONLinesReader.read(Event.self, from: url)
            } throws: { error in
                guard case JSONLinesError.malformedLine(url.path, 2, let reason) = error else { return false }
                return reason.contains("sequence")
            }
        }
    }

    @Test func aPartialFinalLineIsReportedNotThrown() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("crashed.jsonl")
            let complete = "{\"sequence\":1,\"kind\":\"a\"}\n{\"sequence\":2,\"kind\":\"b\"}\n"
            let partial = "{\"sequence\":3,\"ki"
            try FilesTestData.writeBytes(Array((complete + partial).utf8), to: url)
            let contents = try JSONLinesReader.read(Event.self, from: url)
            #expect(contents.records.map(\.sequence) == [1, 2])
            #expect(contents.partialFinalLine == JSONLinesReader.PartialLine(line: 3, byteCount: partial.utf8.count))

            // A final record that is complete but lacks its newline is a record.
            try FilesTestData.writeBytes(Array((complete + "{\"sequence\":3,\"kind\":\"c\"}").utf8), to: url)
            let whole = try JSONLinesReader.read(Event.self, from: url)
            #expect(whole.records.map(\.sequence) == [1, 2, 3])
            #expect(whole.partialFinalLine == nil)
        }
    }

    @Test func reopeningAfterACrashDropsThePartialLineAndContinues() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("crashed.jsonl")
            let partial = "{\"sequence\":3,\"ki"
            try FilesTestData.writeBytes(Array(("{\"sequence\":1,\"kind\":\"a\"}\n" + partial).utf8), to: url)
            let writer = try JSONLinesWriter(url: url)
            #expect(writer.discardedPartialLineBytes == partial.utf8.count)
            try writer.append(Event(sequence: 4, kind: "d"))
            let contents = try JSONLinesReader.read(Event.self, from: url)
            #expect(contents.records.map(\.sequence) == [1, 4])
            #expect(contents.partialFinalLine == nil)

            // An unterminated but complete record is kept and terminated.
            try FilesTestData.writeBytes(Array("{\"sequence\":1,\"kind\":\"a\"}".utf8), to: url)
            let second = try JSONLinesWriter(url: url)
            #expect(second.discardedPartialLineBytes == 0)
            try second.append(Event(sequence: 2, kind: "b"))
            #expect(try JSONLinesReader.read(Event.self, from: url).records.map(\.sequence) == [1, 2])
        }
    }

    @Test func readsRecordsThatSpanChunkBoundaries() throws {
        try withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("big.jsonl")
            let writer = try JSONLinesWriter(url: url, durability: .onFlush)
            let events = (0..<400).map {
                Event(sequence: $0, kind: "k", detail: String(repeating: "é", count: $0 * 7))
            }
            for event in events { try writer.append(event) }
            try writer.close()
            #expect(try JSONLinesReader.read(Event.self, from: url).records == events)
        }
    }

    @Test func ioErrorsAreTyped() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("file")
            try FilesTestData.writeBytes([1], to: file)
            #expect {
                try JSONLinesWriter(url: file.appendingPathComponent("x.jsonl"))
            } throws: { error in
                guard case JSONLinesError.io("mkdir", _, ENOTDIR) = error else { return false }
                return true
            }
            #expect {
                try JSONLinesReader.read(Event.self, from: folder.appendingPathComponent("missing.jsonl"))
            } throws: { error in
                guard case JSONLinesError.io("open", _, ENOENT) = error else { return false }
                return true
            }
        }
    }
}
