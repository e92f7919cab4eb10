import Foundation
import TestSupport
import Testing

/// Runs the built `validate-config` executable as an operator would.
@Suite("validate-config (end to end)")
struct ValidateConfigToolTests {
    static var tool: String { PackageLayout.builtExecutable("validate-config").path }

    static func fixture(_ name: String) -> String {
        PackageLayout.fixtures.appendingPathComponent("config/\(name)").path
    }

    static func run(_ arguments: [String], in folder: URL = PackageLayout.root) throws -> ProcessResult {
        #expect(FileManager.default.isExecutableFile(atPath: tool), "build the package first: \(tool) is missing")
        return try runProcess(tool, arguments, workingDirectory: folder)
    }

    @Test("the shipped config/core.yaml (the default --config) is valid: exit 0")
    func shippedIsValid() throws {
        let result = try Self.run([])
        #expect(result.status == 0, "\(result.errorText)")
        #expect(result.outputText == "config/core.yaml: valid (0 errors, 0 warnings)\n")
    }

    @Test("an invalid file exits 2 and prints each issue with file, line, column and key path")
    func invalid() throws {
        let path = Self.fixture("invalid.yaml")
        let result = try Self.run(["--config", path])
        #expect(result.status == 2)
        let lines = result.outputText.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "\(path):19:19: error: environments.paper.risk_profile: unknown risk profile 'balancd' (known: balanced); "
                    + "did you mean 'balanced'?"))
        #expect(
            lines.contains(
                "\(path):17:5: warning: environments.paper.keychian_user: unknown key 'keychian_user' is ignored "
                    + "(did you mean 'keychain_user'?)"))
        #expect(lines.last == "\(path): invalid (1 error, 1 warning)")
    }

    @Test("--json prints config, valid, errors and warnings with path, line, column and message")
    func json() throws {
        let path = Self.fixture("invalid.yaml")
        let result = try Self.run(["--config=\(path)", "--json"])
        #expect(result.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(object["config"] as? String == path)
        #expect(object["valid"] as? Bool == false)
        let errors = try #require(object["errors"] as? [[String: Any]])
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(errors.count == 1 && warnings.count == 1)
        #expect(errors.first?["path"] as? String == "environments.paper.risk_profile")
        #expect(errors.first?["line"] as? Int == 19 && errors.first?["column"] as? Int == 19)
        #expect((errors.first?["message"] as? String)?.hasPrefix("unknown risk profile 'balancd'") == true)
        #expect(warnings.first?["path"] as? String == "environments.paper.keychian_user")
        #expect(result.outputText.hasPrefix("{\n  \"config\": "))

        let valid = try Self.run(["--config", Self.fixture("minimal.yaml"), "--json"])
        #expect(valid.status == 0)
        let validObject = try #require(try JSONSerialization.jsonObject(with: valid.standardOutput) as? [String: Any])
        #expect(validObject["valid"] as? Bool == true)
        #expect((validObject["errors"] as? [Any])?.isEmpty == true)
    }

    @Test("broken YAML exits 2 with the reader's line and column")
    func brokenYAML() throws {
        let result = try Self.run(["--config", "Tests/Fixtures/config/broken-syntax.yaml"])
        #expect(result.status == 2)
        #expect(
            result.outputText.hasPrefix(
                "Tests/Fixtures/config/broken-syntax.yaml:2:13: error: the file is not valid YAML: '[' starting here"))
    }

    @Test("a file that cannot be read exits 1 with the path")
    func unreadable() throws {
        let result = try Self.run(["--config", "missing/core.yaml"])
        #expect(result.status == 1)
        #expect(result.errorText.contains("cannot read configuration missing/core.yaml: no such file"))
        #expect(result.outputText.isEmpty)
    }

    @Test("an unknown option or a missing value exits 64 with the usage line", arguments: [["--jsn"], ["--config"]])
    func usage(_ arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 64)
        #expect(result.errorText.contains("USAGE: validate-config [--config <path>] [--json]"))
        #expect(result.outputText.isEmpty)
    }

    @Test("--help exits 0 and documents the options and exit codes")
    func help() throws {
        let result = try Self.run(["--help"])
        #expect(result.status == 0)
        for text in ["--config <path>", "default: config/core.yaml", "--json", "EXIT CODES", "64"] {
            #expect(result.outputText.contains(text), "help lacks \(text)")
        }
    }
}
