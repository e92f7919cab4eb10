import BotExchanges
import BotNet
import Foundation
import Testing

/// The simulator over a real loopback socket, queried with the package's own HTTP transport.
@Suite("ExchangeSimulator server")
struct SimulatorServerTests {
    typealias F = SimulatorFixtures

    @Test("start binds 127.0.0.1 on a free port and serves what respond(to:) answers; stop closes it")
    func overSocket() async throws {
        let simulator = F.simulator()
        let url = try await simulator.start()
        #expect(url.host == "127.0.0.1" && (url.port ?? 0) > 0)
        #expect(try await simulator.start() == url)
        let transport = URLSessionTransport(defaultTimeout: .seconds(20))
        let target = "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=3"
        let response = try await transport.send(
            HTTPRequest(url: try #require(URL(string: url.absoluteString + target))))
        #expect(response.status == 200)
        #expect(response.headers["X-MBX-USED-WEIGHT-1M"] == "2")
        #expect(response.body == (await F.get(F.simulator(), target)).body)
        let stats = try await transport.send(
            HTTPRequest(url: try #require(URL(string: url.absoluteString + "/__simulator/stats"))))
        #expect(String(decoding: stats.body, as: UTF8.self).contains("\"total_requests\":1"))
        await simulator.stop()
        #expect(await simulator.url == nil)
    }
}
