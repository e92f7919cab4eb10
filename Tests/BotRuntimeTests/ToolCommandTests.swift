import BotRuntime
import Foundation
import Testing
import TestSupport

@Suite("ToolCommand.main")
struct ToolCommandTests {
    /// A context capturing both streams, with a fixed wall clock.
    struct Harness {
        let output = CapturedOutput()
        let error = CapturedOutput()
        let redactor = Redactor()
        var context: ToolContext {
            ToolContext(
                standardOutput: output, standardError: error, now: { 1_709_209_815_250 },
                currentDirectory: FileManager.default.temporaryDirectory.path, redactor: redactor)
        }

        func run(_ arguments: [String], environment: [String: String] = [:]) async -> Int32 {
            await ExampleCommand.main(arguments, environment: environment, context: context)
        }
    }

    @Test("success exits 0 with the result on standard output")
    func success() async {
        let harness = Harness()
        let status = await harness.run(["--symbol", "BTC/USDT", "--symbol=ETH/USDT"])
        #expect(status == 0)
        #expect(harness.output.text == "done BTC/USDT ETH/USDT\n")
        #expect(harness.error.text.contains("2024-02-29T12:30:15.250Z INFO processing BTC/USDT,ETH/USDT"))
    }

    @Test("an unknown option exits 64 with the error, a suggestion and the usage line on standard error")
    func unknownOption() async {
        let harness = Harness()
        let status = await harness.run(["--symbol", "X", "--jsno"])
        #expect(status == 64)
        #expect(harness.output.text.isEmpty)
        let lines = harness.error.text.split(separator: "\n").map(String.init)
        #expect(lines.first == "error: unknown option '--jsno' (did you mean '--json'?)")
        #expect(lines.count > 1 && lines[1].hasPrefix("USAGE: example --symbol <symbol> ..."))
        #expect(lines.last == "Run 'example --help' for the options.")
    }

    @Test("a missing required option or value exits 64", arguments: [[], ["--symbol"], ["--symbol", "X", "--limit"]])
    func missingRequired(arguments: [String]) async {
        let harness = Harness()
        #expect(await harness.run(arguments) == 64)
        #expect(harness.error.text.hasPrefix("error: missing"))
        #expect(harness.error.text.contains("USAGE: example"))
    }

    @Test("a usage error from init or run exits 64")
    func usageFromCommand() async {
        let fromInit = Harness()
        #expect(await fromInit.run(["--symbol", "X", "--mode", "fast", "--limit", "500"]) == 64)
        #expect(fromInit.error.text.hasPrefix("error: --mode fast allows at most 100 items\n"))
        let fromRun = Harness()
        #expect(await fromRun.run(["--symbol", "X", "--outcome", "usage"]) == 64)
        #expect(fromRun.error.text.contains("error: --since must be before today\n"))
    }

    @Test("--help exits 0 and lists every option, argument and exit code on standard output")
    func help() async {
        let harness = Harness()
        #expect(await harness.run(["--help"]) == 0)
        let help = harness.output.text
        #expect(harness.error.text.isEmpty)
        #expect(help.hasPrefix("example — Exercises the tool plumbing.\n"))
        for option in ExampleCommand.options {
            #expect(help.contains("--\(option.name)"), "help lacks --\(option.name)")
            #expect(help.contains(option.help))
        }
        for expected in [
            "--symbol <symbol>", "required", "repeatable", "--limit <n>", "default: 10", "one of: fast, safe",
            "--json, --no-json", "--log-level <level>", "--log-file <path>", "-h, --help", "<paths>", "EXIT CODES:",
            "  64 ", "  130 ", "  4 ", "not enough free disk space",
        ] {
            #expect(help.contains(expected), "help lacks '\(expected)'")
        }
        let short = Harness()
        #expect(await short.run(["-h"]) == 0)
        #expect(short.output.text == help)
    }

    @Test("a CheckFailure exits 2 listing every problem")
    func checkFailure() async {
        let harness = Harness()
        #expect(await harness.run(["--symbol", "X", "--outcome", "check"]) == 2)
        #expect(
            harness.error.text.hasSuffix(
                "example check found 2 problems\n  - BTC/USDT has a gap\n  - ETH/USDT is stale\n"))
    }

    @Test("another error exits 1 with 'error: …', secrets redacted")
    func thrownError() async {
        let harness = Harness()
        let key = "AKIAEXAMPLEKEY0123456789"
        let status = await harness.run(
            ["--symbol", "X", "--outcome", "error"], environment: ["EXAMPLE_API_KEY": key])
        #expect(status == 1)
        #expect(harness.error.text.hasSuffix("error: exchange refused key *** (signature=***)\n"))
        #expect(!harness.error.text.contains(key))
        #expect(!harness.error.text.contains("deadbeef01"))
    }

    @Test("cancellation exits 130; ToolExit exits with its own code")
    func cancellationAndToolExit() async {
        let cancelled = Harness()
        #expect(await cancelled.run(["--symbol", "X", "--outcome", "cancel"]) == 130)
        #expect(cancelled.error.text.hasSuffix("interrupted\n"))
        let disk = Harness()
        #expect(await disk.run(["--symbol", "X", "--outcome", "disk"]) == 4)
        #expect(disk.error.text.hasSuffix("error: only 1 GiB free in /data\n"))
    }

    @Test("SIGINT cancels the command, which shuts down cleanly, and the tool exits 130")
    func interruptSignal() async {
        let harness = Harness()
        var context = harness.context
        context.handlesInterrupts = true
        let status = await ExampleCommand.main(
            ["--symbol", "X", "--outcome", "interrupt"], environment: [:], context: context)
        #expect(status == 130)
        #expect(harness.output.text == "Shutdown complete\n")
        #expect(harness.error.text.hasSuffix("interrupted\n"))
    }

    @Test("--log-level drops lower levels")
    func logLevel() async {
        let quiet = Harness()
        #expect(await quiet.run(["--symbol", "X", "--log-level", "warning"]) == 0)
        #expect(!quiet.error.text.contains(" INFO "))
        #expect(quiet.error.text.contains("2024-02-29T12:30:15.250Z WARNING limit is 10\n"))
        let chatty = Harness()
        #expect(await chatty.run(["--symbol", "X", "--log-level=debug"]) == 0)
        #expect(chatty.error.text.contains(" DEBUG debug detail\n"))
        let normal = Harness()
        #expect(await normal.run(["--symbol", "X"]) == 0)
        #expect(!normal.error.text.contains("DEBUG"))
        #expect(normal.error.text.contains(" INFO "))
        #expect(await Harness().run(["--symbol", "X", "--log-level", "loud"]) == 64)
    }

    @Test("--log-file creates its folders and appends across runs; secrets never reach it")
    func logFile() async throws {
        try await withTemporaryDirectory { folder in
            let path = folder.appendingPathComponent("logs/nested/example.log").path
            let key = "sk-live-abcdef0123456789"
            let first = Harness()
            #expect(await first.run(["--symbol", "A", "--log-file", path], environment: ["EXAMPLE_API_KEY": key]) == 0)
            let second = Harness()
            let status = await second.run(
                ["--symbol", "B", "--log-file=\(path)", "--outcome", "error"], environment: ["EXAMPLE_API_KEY": key])
            #expect(status == 1)
            let log = try String(contentsOfFile: path, encoding: .utf8)
            let lines = log.split(separator: "\n").map(String.init)
            #expect(lines == [
                "2024-02-29T12:30:15.250Z INFO processing A with key ***",
                "2024-02-29T12:30:15.250Z WARNING limit is 10",
                "2024-02-29T12:30:15.250Z INFO processing B with key ***",
                "2024-02-29T12:30:15.250Z WARNING limit is 10",
                "2024-02-29T12:30:15.250Z ERROR error: exchange refused key *** (signature=***)",
            ])
            #expect(!log.contains(key))
            #expect(!first.error.text.contains(key) && !second.error.text.contains(key))
        }
    }

    @Test("a log file that cannot be created exits 1 naming the path")
    func unwritableLogFile() async throws {
        try await withTemporaryDirectory { folder in
            let blocker = folder.appendingPathComponent("file")
            try Data("x".utf8).write(to: blocker)
            let path = blocker.appendingPathComponent("sub/example.log").path
            let harness = Harness()
            #expect(await harness.run(["--symbol", "X", "--log-file", path]) == 1)
            #expect(harness.error.text.hasPrefix("error: cannot open log file \(path)"))
        }
    }
}
