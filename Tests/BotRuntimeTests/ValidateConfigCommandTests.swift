import BotRuntime
import Foundation
import Testing
import TestSupport

@Suite("ValidateConfigCommand")
struct ValidateConfigCommandTests {
    /// Runs the command in process with `files` written into a fresh folder used as the working directory.
    static func run(_ arguments: [String], files: [String: String]) async throws -> (Int32, String, String) {
        try await withTemporaryDirectory { folder in
            for (name, text) in files {
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let output = CapturedOutput()
            let error = CapturedOutput()
            let context = ToolContext(
                standardOutput: output, standardError: error, now: { 0 }, currentDirectory: folder.path)
            let status = await ValidateConfigCommand.main(arguments, environment: [:], context: context)
            return (status, output.text, error.text)
        }
    }

    static let awkward = """
        environments:
          e: {exchange: x, environment: paper, keychain_key: k, data_cache_path: d, risk_profile: "ba\\"l\\\\x\\tq"}
        """

    @Test("--json escapes quotes, backslashes and tabs in messages and stays parseable")
    func jsonEscaping() async throws {
        let (jsonStatus, json, _) = try await Self.run(
            ["--config", "core.yaml", "--json"], files: ["core.yaml": Self.awkward])
        #expect(jsonStatus == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect((errors.first?["message"] as? String)?.hasPrefix("unknown risk profile 'ba\"l\\x\tq'") == true)
        #expect(errors.first?["line"] as? Int == 2)
    }

    @Test("the default --config is config/core.yaml under the working directory")
    func defaultPath() async throws {
        let (status, _, error) = try await Self.run([], files: [:])
        #expect(status == 1)
        #expect(error.contains("cannot read configuration config/core.yaml: no such file"))
    }

    @Test("a valid file with warnings exits 0 and lists the warnings")
    func warningsOnly() async throws {
        let (status, output, _) = try await Self.run(
            ["--config", "c.yaml"], files: ["c.yaml": "alerts:\n  telegram_channel: {}\n"])
        #expect(status == 0)
        #expect(
            output == """
                c.yaml:2:3: warning: alerts.telegram_channel: unknown key 'telegram_channel' is ignored \
                (did you mean 'telegram_channels'?)
                c.yaml: valid (0 errors, 1 warning)

                """)
    }
}
