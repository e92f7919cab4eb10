import BotCodecs
import BotRuntime
import Foundation
import TestSupport
import Testing

@Suite("DecisionEvent")
struct DecisionEventTests {
    /// 2024-01-01T12:00:00.250Z.
    static let noon: Int64 = 1_704_110_400_250

    static func event(
        _ kind: DecisionEvent.Kind = .orderExecuted, at timestamp: Int64 = noon, metadata: [(String, String)] = []
    ) -> DecisionEvent {
        DecisionEvent(
            kind: kind, timestamp: timestamp, environment: "paper", portfolio: "binance_paper", riskProfile: "balanced",
            symbol: "BTCUSDT", side: "BUY", quantity: 0.0994701141, price: 50385.026389, status: "filled",
            metadata: metadata)
    }

    @Test("fixed keys come first in their order, then metadata in insertion order")
    func keyOrder() {
        let line = Self.event(metadata: [("signal_id", "s-1"), ("order_id", "42"), ("close", "50385.03")]).jsonLine
        #expect(
            line
                == #"{"event":"order_executed","timestamp":"2024-01-01T12:00:00.250Z","environment":"paper","#
                + #""portfolio":"binance_paper","risk_profile":"balanced","symbol":"BTCUSDT","side":"BUY","#
                + #""quantity":0.0994701141,"price":50385.026389,"status":"filled","signal_id":"s-1","#
                + #""order_id":"42","close":"50385.03"}"#)
    }

    @Test("optional fields are left out when absent")
    func optionalFields() {
        let event = DecisionEvent(
            kind: .shutdown, timestamp: 0, environment: "e", portfolio: "p", riskProfile: "r")
        #expect(
            event.jsonLine
                == #"{"event":"shutdown","timestamp":"1970-01-01T00:00:00.000Z","environment":"e","portfolio":"p","#
                + #""risk_profile":"r"}"#)
    }

    @Test("metadata cannot overwrite a fixed key: it is renamed metadata_<key>, and a repeated key is dropped")
    func reservedKeys() {
        let line = Self.event(metadata: [
            ("status", "rejected"), ("event", "x"), ("reason", "first"), ("reason", "second"),
            ("metadata_status", "clash"),
        ]).jsonLine
        #expect(line.contains(#""status":"filled""#))
        #expect(line.hasSuffix(#""metadata_status":"rejected","metadata_event":"x","reason":"first"}"#))
    }

    @Test("the raw values of the kinds are the journal's snake_case event names")
    func kinds() {
        #expect(
            DecisionEvent.Kind.allCases.map(\.rawValue) == [
                "signal_received", "risk_rejected", "risk_adjusted", "risk_check_passed", "order_submitted",
                "order_failed", "order_executed", "position_closed", "liquidation_entered", "shutdown",
            ])
    }

    @Test("strings and numbers survive Python's json module: escapes, control characters, non-ASCII, extremes")
    func pythonRoundTrip() throws {
        let nasty = "quote\" back\\slash\nnew\tline\u{01}\u{1f} zażółć 🚀 </script>"
        var generator = SeededGenerator(seed: 42)
        var events: [DecisionEvent] = []
        for index in 0..<200 {
            var event = Self.event(at: Self.noon + Int64(index) * 1_234_567, metadata: [("reason", nasty), ("i", "\(index)")])
            event.quantity = Double.random(in: -1e6...1e6, using: &generator) * pow(10, Double(index % 30 - 15))
            event.price = index == 0 ? Double.leastNonzeroMagnitude : (index == 1 ? 1.7976931348623157e308 : Double(index))
            events.append(event)
        }
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("events.jsonl")
            try Data(events.map { $0.jsonLine + "\n" }.joined().utf8).write(to: file)
            let parsed = try Self.readWithPython([file])
            #expect(parsed.count == events.count)
            for (event, record) in zip(events, parsed) {
                #expect(record.map(\.key).prefix(10) == ArraySlice(DecisionEvent.fixedKeys))
                #expect(record.first { $0.key == "reason" }?.value as? String == nasty)
                #expect(record.first { $0.key == "quantity" }?.value as? Double == event.quantity)
                #expect(record.first { $0.key == "price" }?.value as? Double == event.price)
                let timestamp = try #require(record.first { $0.key == "timestamp" }?.value as? String)
                #expect(UTCDateTime.milliseconds(parsing: timestamp) == event.timestamp)
            }
        }
    }

    /// Each record as (key, value) pairs in file order, read by Tests/Oracles/decision_journal_read.py;
    /// numbers come back as Double (parsed from Python's repr, so no digit is lost), strings as String.
    static func readWithPython(_ files: [URL]) throws -> [[(key: String, value: Any)]] {
        let result = try Oracle.python("decision_journal_read.py", files.map(\.path))
        let records = try JSONDecoder().decode([[[String]]].self, from: result.standardOutput)
        return try records.map { record in
            try record.map { triple in
                let value: Any
                switch triple[1] {
                case "str": value = triple[2]
                case "int", "float": value = try #require(Double(triple[2]))
                default: value = triple[2]
                }
                return (key: triple[0], value: value)
            }
        }
    }
}
