import Dispatch
import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A long-running oracle script from `Tests/Oracles` (aiosmtpd, moto) serving one test on a free port.
///
/// The script prints `READY <port>` when it listens, answers one JSON line per command line written to
/// its stdin, and exits when stdin closes. So the server dies with the test process even if the test
/// crashes (the pipe closes), ``stop()`` ends it at the end of the test, and a hung script is killed.
final class OracleServer {
    let port: UInt16
    /// The words after the port on the `READY` line (e.g. the access key the moto script created).
    let readyFields: [String]
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle
    private let errorLog: URL
    private let exited = DispatchSemaphore(value: 0)
    private var pending: [UInt8] = []
    private var stopped = false

    init(script: String, arguments: [String] = []) throws {
        guard let python = resolveExecutable("python3") else {
            throw OracleServerError(description: "python3 is not installed; run scripts/test.sh")
        }
        // Writing a command to a script that has died must fail that test, not kill the whole test
        // process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let stdin = Pipe()
        let stdout = Pipe()
        errorLog = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [PackageLayout.oracles.appendingPathComponent(script).path] + arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorLog)
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        input = stdin.fileHandleForWriting
        output = stdout.fileHandleForReading
        try process.run()

        let ready: String?
        ready = Self.readLine(output, &pending)
        let words = ready?.split(separator: " ").map(String.init) ?? []
        guard words.count >= 2, words[0] == "READY", let port = UInt16(words[1]) else {
            port = 0
            readyFields = []
            stop()
            throw OracleServerError(
                description: "oracle \(script) did not start (\(ready ?? "no output")): \(errorText) "
                    + "(if aiosmtpd or moto is missing, run scripts/test.sh)")
        }
        self.port = port
        readyFields = Array(words.dropFirst(2))
    }

    deinit { stop() }

    /// Sends one command line and returns the JSON object the script answers with.
    func request(_ command: String) throws -> [String: Any] {
        guard process.isRunning else {
            throw OracleServerError(description: "oracle exited before \(command): \(errorText)")
        }
        try input.write(contentsOf: Data((command + "\n").utf8))
        guard let line = Self.readLine(output, &pending),
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else {
            throw OracleServerError(description: "oracle gave no answer to \(command): \(errorText)")
        }
        return object
    }

    /// Closes stdin (the script exits on EOF) and waits; kills the script if it does not exit in time.
    func stop() {
        guard !stopped else { return }
        stopped = true
        try? input.close()
        if process.isRunning, exited.wait(timeout: .now() + 15) == .timedOut {
            process.terminate()
            exited.wait()
        }
        try? output.close()
        try? FileManager.default.removeItem(at: errorLog)
    }

    private var errorText: String {
        (try? String(contentsOf: errorLog, encoding: .utf8)).map { String($0.suffix(3000)) } ?? ""
    }

    private static func readLine(_ handle: FileHandle, _ pending: inout [UInt8]) -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            // availableData returns as soon as anything arrives (read(upToCount:) waits for the full count).
            let chunk = handle.availableData
            guard !chunk.isEmpty else { return nil }
            pending += chunk
        }
    }
}

struct OracleServerError: Error, CustomStringConvertible {
    let description: String
}
