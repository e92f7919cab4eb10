@testable import BotRuntime
import Foundation
import Testing
import TestSupport

@Suite("Logger")
struct LoggerTests {
    @Test("lines carry an ISO-8601 UTC timestamp and the level; lower levels are dropped")
    func levels() {
        let output = CapturedOutput()
        let logger = Logger(minimumLevel: .warning, standardError: output, redactor: Redactor(), now: { 0 })
        logger.debug("d")
        logger.info("i")
        logger.warning("w")
        logger.error("e")
        #expect(output.text == "1970-01-01T00:00:00.000Z WARNING w\n1970-01-01T00:00:00.000Z ERROR e\n")
    }

    @Test("a multi-line message cannot forge another entry; secrets are redacted")
    func multiLine() {
        let output = CapturedOutput()
        let redactor = Redactor()
        redactor.register("hunter2-passphrase")
        let logger = Logger(standardError: output, redactor: redactor, now: { -1 })
        logger.info("exchange said:\n2024-01-01T00:00:00.000Z ERROR fake \"hunter2-passphrase\"")
        #expect(
            output.text
                == "1969-12-31T23:59:59.999Z INFO exchange said:\n    2024-01-01T00:00:00.000Z ERROR fake \"***\"\n")
    }

    @Test("a log file is created with its folders and appended to")
    func logFile() throws {
        try withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("a/b/tool.log").path
            for round in 1...2 {
                let file = try LogFile(path: path)
                let logger = Logger(standardError: nil, file: file, redactor: Redactor(), now: { 86_400_000 })
                logger.info("round \(round)")
            }
            #expect(
                try String(contentsOfFile: path, encoding: .utf8)
                    == "1970-01-02T00:00:00.000Z INFO round 1\n1970-01-02T00:00:00.000Z INFO round 2\n")
        }
    }
}
