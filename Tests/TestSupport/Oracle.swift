import Foundation

/// The outside references of DESIGN.md §2 (PyYAML, pyarrow, DuckDB, zipfile, pyrage, moto, aiosmtpd, age,
/// unzip, curl). They are installed by `scripts/test.sh`; a missing one fails the test that needs it with
/// a message saying so, never skips it silently.
public enum Oracle {
    /// Runs `python3 Tests/Oracles/<script> <arguments>` and returns its result; throws when the script
    /// exits non-zero, with its standard error in the message.
    @discardableResult
    public static func python(
        _ script: String, _ arguments: [String] = [], input: Data? = nil
    ) throws -> ProcessResult {
        let path = PackageLayout.oracles.appendingPathComponent(script).path
        let result = try runProcess("python3", [path] + arguments, input: input)
        guard result.status == 0 else {
            throw ProcessRunnerError(
                description: "oracle \(script) \(arguments.joined(separator: " ")) exited \(result.status): "
                    + result.errorText.suffix(2000)
                    + " (if a Python module is missing, run scripts/test.sh)")
        }
        return result
    }

    /// Runs an outside command (`age`, `unzip`, `curl`, …) and returns its result whatever its status.
    @discardableResult
    public static func command(
        _ name: String, _ arguments: [String] = [], input: Data? = nil, workingDirectory: URL? = nil
    ) throws -> ProcessResult {
        try runProcess(name, arguments, input: input, workingDirectory: workingDirectory)
    }
}
