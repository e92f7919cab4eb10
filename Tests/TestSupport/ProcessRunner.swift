import Foundation

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let standardOutput: Data
    public let standardError: Data

    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}

public struct ProcessRunnerError: Error, CustomStringConvertible {
    public let description: String
}

/// Runs a program to completion. `executable` is a path or a name looked up on `PATH`. Output goes
/// through files rather than pipes so a chatty child can never dead-lock against a full pipe buffer.
@discardableResult
public func runProcess(
    _ executable: String,
    _ arguments: [String] = [],
    input: Data? = nil,
    environment: [String: String]? = nil,
    workingDirectory: URL? = nil
) throws -> ProcessResult {
    guard let path = resolveExecutable(executable) else {
        throw ProcessRunnerError(
            description: "`\(executable)` is not installed or not on PATH; run scripts/test.sh, which installs what the tests need.")
    }
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("botcore-process-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: inURL.path, contents: input ?? Data())

    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    let stdout = try FileHandle(forWritingTo: outURL)
    let stderr = try FileHandle(forWritingTo: errURL)
    let stdin = try FileHandle(forReadingFrom: inURL)
    defer {
        try? stdout.close()
        try? stderr.close()
        try? stdin.close()
    }
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        standardOutput: try Data(contentsOf: outURL),
        standardError: try Data(contentsOf: errURL))
}

/// The absolute path of `name` (a path is returned as is when it exists), or nil.
public func resolveExecutable(_ name: String) -> String? {
    if name.contains("/") {
        return FileManager.default.isExecutableFile(atPath: name) ? name : nil
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
