import BotAlerts
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite("Built-in alert channels")
struct AlertChannelTests {
    let clock = ManualClock()

    @Test("the log channel writes one line per alert with sorted context and no line breaks")
    func logChannel() async throws {
        let lines = Mutex<[String]>([])
        let channel = LogAlertChannel(now: clock.now) { line in lines.withLock { $0.append(line) } }
        let message = AlertMessage(
            category: "data.ohlcv", title: "Data gap BTCUSDT 1h", body: "No candle\nfor 180 minutes.",
            severity: .warning, context: ["symbol": "BTCUSDT", "interval": "1h"], timestamp: 0)
        try await channel.send(message)
        #expect(
            lines.withLock { $0 } == [
                "[WARNING] data.ohlcv | Data gap BTCUSDT 1h: No candle for 180 minutes. (interval=1h, symbol=BTCUSDT)"
            ])
        let health = await channel.healthCheck()
        #expect(health.status == .ok)
        #expect(health.lastSuccess == clock.now())
        #expect(channel.name == "log")
    }

    @Test("the file channel appends JSON lines with mode 0600 that read back as the same alerts")
    func fileChannelRoundTrip() async throws {
        try await withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("alerts/outbox.jsonl")
            let channel = FileAlertChannel(name: "file:ops", url: url, now: clock.now)
            let messages = [
                AlertFixtures.gapWarning(),
                AlertMessage(
                    category: "risk", title: "Limit \"daily\"", body: "Zażółć\nline two", severity: .critical,
                    context: [:], timestamp: 1_704_067_200_999),
            ]
            for message in messages { try await channel.send(message) }

            let (mode, records) = try AlertFixtures.readWithPython("messages", url)
            #expect(mode == "600")
            #expect(records.map { $0["title"] as? String } == messages.map(\.title))
            #expect(records.last?["timestamp"] as? Int == 1_704_067_200_999)
            let text = try String(contentsOf: url, encoding: .utf8)
            let decoded = try text.split(separator: "\n").map {
                try JSONDecoder().decode(AlertMessage.self, from: Data($0.utf8))
            }
            #expect(decoded == messages)
            let health = await channel.healthCheck()
            #expect(health.status == .ok)
            #expect(health.details == ["path": url.path])
        }
    }

    @Test("the file channel reports a write failure as a delivery error and in its health")
    func fileChannelFailure() async throws {
        try await withTemporaryDirectory { folder in
            let blocker = folder.appendingPathComponent("not-a-folder")
            try "x".write(to: blocker, atomically: true, encoding: .utf8)
            let channel = FileAlertChannel(url: blocker.appendingPathComponent("alerts.jsonl"), now: clock.now)
            await #expect {
                try await channel.send(AlertFixtures.incident())
            } throws: { error in
                guard case .failed(let name, _) = error as? AlertDeliveryError else { return false }
                return name == "file"
            }
            let health = await channel.healthCheck()
            #expect(health.status == .error)
            #expect(health.lastFailure == clock.now())
            #expect(health.lastError?.isEmpty == false)
        }
    }
}
