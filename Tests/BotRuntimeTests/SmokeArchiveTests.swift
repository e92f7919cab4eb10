import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("SmokeArchive")
struct SmokeArchiveTests {
    typealias Fixture = SmokeReportFixture

    @Test("the archive passes unzip -t and zipfile, holds the four files sorted and byte-identical")
    func archive() async throws {
        let report = try await Fixture.fullReport()
        try withTemporaryDirectory { base in
            let folder = try SmokeReportWriter.makeDirectory(in: base, now: Fixture.window.end)
            _ = try SmokeReportWriter.write(report, to: folder)
            let result = try SmokeArchive.create(from: folder)
            #expect(result.url.path == folder.path + ".zip")

            let unzip = try Oracle.command("unzip", ["-t", result.url.path])
            #expect(unzip.status == 0, "unzip -t: \(unzip.outputText) \(unzip.errorText)")
            #expect(unzip.outputText.contains("No errors detected"))

            let output = try Oracle.python("smoke_zip.py", [result.url.path, folder.path]).standardOutput
            let checked = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
            #expect(checked["names"] as? [String] == ["README.txt", "ledger.jsonl", "summary.json", "summary.txt"])
            #expect(checked["identical"] as? [String: Bool] == [
                "README.txt": true, "ledger.jsonl": true, "summary.json": true, "summary.txt": true,
            ])
            #expect((checked["methods"] as? [String: Int])?["summary.json"] == 8)  // deflate

            #expect(try Fixture.sha256sum(result.url) == result.sha256)
            let size = try FileManager.default.attributesOfItem(atPath: result.url.path)[.size] as? Int
            #expect(Int64(size ?? -1) == result.sizeBytes)
        }
    }

    @Test("the same files give the same archive bytes")
    func reproducible() throws {
        let report = SmokeReport(
            environment: "e", window: Fixture.window, orders: [], ledger: Fixture.ledger)
        try withTemporaryDirectory { base in
            let first = base.appendingPathComponent("a/report")
            let second = base.appendingPathComponent("b/report")
            for folder in [first, second] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                _ = try SmokeReportWriter.write(report, to: folder)
            }
            let one = try SmokeArchive.create(from: first)
            let two = try SmokeArchive.create(from: second)
            #expect(one.sha256 == two.sha256)
            #expect(try Data(contentsOf: one.url) == Data(contentsOf: two.url))
        }
    }

    @Test("a folder without the report files is refused, naming the missing file")
    func missingFile() throws {
        withTemporaryDirectory { base in
            let error = #expect(throws: SmokeReportError.self) { try SmokeArchive.create(from: base) }
            #expect(error == .missingReportFile(path: base.appendingPathComponent("README.txt").path))
            #expect(!FileManager.default.fileExists(atPath: base.path + ".zip"))
        }
    }
}
