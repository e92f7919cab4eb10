import BotAlerts
import Foundation
import Testing

@Suite("AlertMessage")
struct AlertMessageTests {
    @Test("encodes with stable keys and epoch-millisecond time, and decodes back unchanged")
    func codableRoundTrip() throws {
        let message = AlertMessage(
            category: "risk", title: "Limit reached", body: "Daily loss above threshold.", severity: .critical,
            context: ["profile": "conservative"], timestamp: 1_704_067_200_250)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(message), as: UTF8.self)
        #expect(
            json == #"{"body":"Daily loss above threshold.","category":"risk","context":{"profile":"conservative"},"#
                + #""severity":"critical","timestamp":1704067200250,"title":"Limit reached"}"#)
        #expect(try JSONDecoder().decode(AlertMessage.self, from: Data(json.utf8)) == message)
    }

    @Test("an unknown severity does not decode")
    func unknownSeverity() {
        let json = #"{"body":"","category":"x","context":{},"severity":"fatal","timestamp":0,"title":"t"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AlertMessage.self, from: Data(json.utf8)) }
    }

    @Test("severities parse case-insensitively and order by urgency")
    func severities() {
        #expect(AlertSeverity(parsing: "CRITICAL") == .critical)
        #expect(AlertSeverity(parsing: "Warning") == .warning)
        #expect(AlertSeverity(parsing: "fatal") == nil)
        #expect(AlertSeverity.allCases.sorted() == [.info, .warning, .error, .critical])
        #expect(AlertSeverity.warning < .error)
    }

    @Test("context is presented sorted by key")
    func sortedContext() {
        let message = AlertMessage(
            category: "c", title: "t", body: "b", severity: .info, context: ["b": "2", "a": "1", "c": "3"],
            timestamp: 0)
        #expect(message.sortedContext.map(\.key) == ["a", "b", "c"])
    }
}
