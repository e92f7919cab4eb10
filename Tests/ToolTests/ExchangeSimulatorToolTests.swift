import Foundation
import Synchronization
import TestSupport
import Testing

/// Runs the built `exchange-simulator` as a process: it prints its URL, serves, and stops on a signal.
@Suite("exchange-simulator (end to end)")
struct ExchangeSimulatorToolTests {
    static var tool: String { PackageLayout.builtExecutable("exchange-simulator").path }

    /// A running simulator process and the first line it printed.
    final class Running {
        let process = Process()
        let firstLine: String

        init(_ arguments: [String]) throws {
            #expect(
                FileManager.default.isExecutableFile(atPath: ExchangeSimulatorToolTests.tool),
                "build the package first: \(ExchangeSimulatorToolTests.tool) is missing")
            let output = Pipe()
            process.executableURL = URL(fileURLWithPath: ExchangeSimulatorToolTests.tool)
            process.arguments = arguments
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // A safety net, not a timing assertion: a tool that never prints its first line must not hang the
            // test run. Once the line has arrived the simulator lives as long as the test needs it.
            let process = self.process
            let started = Mutex(false)
            DispatchQueue.global().asyncAfter(deadline: .now() + 60) {
                if !started.withLock({ $0 }), process.isRunning { process.terminate() }
            }
            var data = Data()
            while !data.contains(0x0a) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            started.withLock { $0 = true }
            firstLine = String(decoding: data.prefix { $0 != 0x0a }, as: UTF8.self)
        }

        /// Sends `signal` (SIGINT or SIGTERM) and returns the exit status.
        func stop(_ signal: Int32) -> Int32 {
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    /// `curl -i`: the status, the header block and the body.
    static func fetch(_ url: String, method: String = "GET", body: String? = nil) throws -> (Int, String, Data) {
        var arguments = ["-s", "-S", "-i", "--max-time", "30", "-X", method]
        if let body { arguments += ["--data-binary", body] }
        let result = try runProcess("curl", arguments + [url])
        #expect(result.status == 0, "curl failed: \(result.errorText)")
        let bytes = [UInt8](result.standardOutput)
        let separator: [UInt8] = [13, 10, 13, 10]
        let end = (0..<max(0, bytes.count - 3)).first { Array(bytes[$0..<($0 + 4)]) == separator } ?? bytes.count
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, head, Data(bytes[min(bytes.count, end + 4)...]))
    }

    static let target = "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=1700000000000&limit=3"

    @Test("prints the URL once listening, serves every venue, and exits 0 on SIGINT")
    func servesAndStopsOnInterrupt() throws {
        let running = try Running(["--seed", "5", "--now", "2024-06-01T12:30:00Z"])
        let url = running.firstLine
        #expect(url.hasPrefix("http://127.0.0.1:"), "first line: \(url)")
        let (status, head, body) = try Self.fetch(url + Self.target)
        #expect(status == 200)
        #expect(head.lowercased().contains("x-mbx-used-weight-1m: 2"))
        let rows = try #require(try JSONSerialization.jsonObject(with: body) as? [[Any]])
        #expect(rows.count == 3 && rows.allSatisfy { $0.count == 12 })
        for path in [
            "/fapi/v1/klines?symbol=ETHUSDT&interval=1d&limit=2", "/0/public/OHLC?pair=XBTUSDT&interval=60",
            "/api/charts/v1/trade/PF_XBTUSD/1h?count=2",
            "/rest/trading/candle/history/BTC-PLN/3600?from=1717200000000&to=1717210000000",
        ] {
            #expect(try Self.fetch(url + path).0 == 200, "\(path)")
        }
        let stats = try #require(
            try JSONSerialization.jsonObject(with: try Self.fetch(url + "/__simulator/stats").2) as? [String: Any])
        #expect(stats["total_requests"] as? Int == 5)
        #expect(running.stop(SIGINT) == 0)
    }

    @Test("--json prints url and port; the same seed serves the same bytes; SIGTERM exits 0")
    func jsonAndDeterminism() throws {
        let first = try Running(["--json", "--seed", "9"])
        let second = try Running(["--json", "--seed", "9"])
        var bodies: [Data] = []
        for running in [first, second] {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(running.firstLine.utf8)) as? [String: Any],
                "first line: \(running.firstLine)")
            let url = try #require(object["url"] as? String)
            let port = try #require(object["port"] as? Int)
            #expect(url == "http://127.0.0.1:\(port)")
            bodies.append(try Self.fetch(url + Self.target).2)
        }
        #expect(bodies[0] == bodies[1] && !bodies[0].isEmpty)
        #expect(first.stop(SIGTERM) == 0)
        #expect(second.stop(SIGINT) == 0)
    }

    @Test("fault flags: a 429 burst with Retry-After, then faults changed over POST /__simulator/faults")
    func faults() throws {
        let running = try Running(["--burst-429", "1", "--retry-after", "3"])
        let url = running.firstLine
        let (status, head, _) = try Self.fetch(url + Self.target)
        #expect(status == 429)
        #expect(head.lowercased().contains("retry-after: 3"))
        #expect(try Self.fetch(url + Self.target).0 == 200)
        let (updated, _, _) = try Self.fetch(url + "/__simulator/faults", method: "POST", body: #"{"ban_418": true}"#)
        #expect(updated == 200)
        #expect(try Self.fetch(url + Self.target).0 == 418)
        #expect(running.stop(SIGINT) == 0)
    }

    @Test("a port already in use exits 1 and names the address")
    func portTaken() throws {
        let running = try Running([])
        let port = try #require(running.firstLine.split(separator: ":").last.map(String.init))
        let result = try runProcess(Self.tool, ["--port", port])
        #expect(result.status == 1)
        #expect(result.errorText.contains("cannot listen on 127.0.0.1:\(port)"), "stderr: \(result.errorText)")
        #expect(running.stop(SIGINT) == 0)
    }

    @Test("--help exits 0 and documents the options")
    func help() throws {
        let result = try runProcess(Self.tool, ["--help"])
        #expect(result.status == 0)
        for text in [
            "--port <n>", "--seed <n>", "--now <time>", "--error-rate <rate>", "--burst-429 <n>", "--ban-418",
            "--allow-external", "EXIT CODES",
        ] {
            #expect(result.outputText.contains(text), "help lacks \(text)")
        }
    }

    @Test(
        "a bad command line exits 64 with the reason",
        arguments: [
            (["--sede", "3"], "unknown option '--sede'"),
            (["--error-rate", "2"], "not a number from 0 to 1"),
            (["--host", "0.0.0.0"], "pass --allow-external"),
            (["--now", "yesterday"], "'yesterday' is not a time"),
        ])
    func usage(_ arguments: [String], _ reason: String) throws {
        let result = try runProcess(Self.tool, arguments)
        #expect(result.status == 64)
        #expect(result.errorText.contains(reason), "stderr: \(result.errorText)")
        #expect(result.outputText.isEmpty)
    }
}
