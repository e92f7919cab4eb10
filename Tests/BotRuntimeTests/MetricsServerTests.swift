import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("MetricsServer")
struct MetricsServerTests {
    static func curl(_ arguments: [String]) throws -> ProcessResult {
        try Oracle.command("curl", ["-s", "--max-time", "10"] + arguments)
    }

    @Test("GET /metrics over HTTP returns the registry's text, which prometheus_client parses")
    func endToEnd() async throws {
        let registry = MetricsRegistry()
        let metrics = try TradingMetrics(
            registry: registry, environment: "paper", portfolio: "binance_paper", riskProfile: "balanced")
        metrics.signal(symbol: "BTCUSDT", status: .received)
        metrics.executionLatency(seconds: 0.02, symbol: "BTCUSDT", status: "filled")
        let server = MetricsServer(registry: registry, port: 0)
        let port = try await server.start()
        #expect(port > 0)
        do {
            let base = "http://127.0.0.1:\(port)"
            let body = try Self.curl(["\(base)/metrics"])
            #expect(body.status == 0, "curl failed: \(body.errorText)")
            #expect(body.outputText == registry.renderPrometheus())
            let families = try ParsedFamily.parse(body.outputText)
            let signals = try #require(families.first { $0.name == "trading_signals" })
            #expect(signals.values("trading_signals_total", where: ["status": "received", "symbol": "BTCUSDT"]) == [1])

            // Query string and a trailing slash are ignored; the type is the exposition format's.
            let headers = try Self.curl(["-D", "-", "-o", "/dev/null", "\(base)/metrics/?name=x"])
            #expect(headers.outputText.hasPrefix("HTTP/1.1 200"))
            #expect(headers.outputText.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8"))

            let head = try Self.curl(["-I", "\(base)/metrics"])
            #expect(head.outputText.hasPrefix("HTTP/1.1 200"))
            let length = "Content-Length: \(registry.renderPrometheus().utf8.count)"
            #expect(head.outputText.contains(length), "\(head.outputText)")

            let missing = try Self.curl(["-o", "/dev/null", "-w", "%{http_code}", "\(base)/other"])
            #expect(missing.outputText == "404")
            let post = try Self.curl(["-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "\(base)/metrics"])
            #expect(post.outputText == "405")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        let after = try Self.curl(["\("http://127.0.0.1:\(port)")/metrics"])
        #expect(after.status != 0)
    }

    @Test("a port in use is refused with an error naming the port and --metrics-port")
    func portInUse() async throws {
        let first = MetricsServer(registry: MetricsRegistry(), port: 0)
        let port = try await first.start()
        let second = MetricsServer(registry: MetricsRegistry(), port: port)
        do {
            _ = try await second.start()
            Issue.record("a second server started on port \(port)")
            await second.stop()
        } catch {
            #expect(error == .portInUse(host: "127.0.0.1", port: port))
            #expect(error.description.contains("\(port)") && error.description.contains("--metrics-port"))
        }
        await first.stop()
    }

    @Test("a port outside 0...65535 is refused")
    func invalidPort() async {
        let server = MetricsServer(registry: MetricsRegistry(), port: 70000)
        await #expect(throws: MetricsServerError.invalidPort(70000)) { try await server.start() }
    }
}
