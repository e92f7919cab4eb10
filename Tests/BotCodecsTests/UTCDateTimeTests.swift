import BotCodecs
import Foundation
import TestSupport
import Testing

@Suite("UTC date and time text")
struct UTCDateTimeTests {
    private static let samples: [Int64] = {
        var generator = SystemRandomNumberGenerator()
        return [0, -1, 1, 999, 951_782_400_000, 4_107_542_400_000, -12_212_553_600_000, 253_402_300_799_999]
            + (0..<500).map { _ in Int64.random(in: -12_212_553_600_000...253_402_300_799_999, using: &generator) }
    }()

    // Foundation switches to the Julian calendar before 1582, where ISO 8601 (and we) stay Gregorian.
    @Test("ISO-8601 text agrees with Foundation's formatter and parses back")
    func agreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        for milliseconds in Self.samples {
            let ours = UTCDateTime(milliseconds: milliseconds).iso8601
            #expect(ours == formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000)))
            #expect(UTCDateTime.milliseconds(parsing: ours) == milliseconds)
            #expect(UTCDateTime(milliseconds: milliseconds).milliseconds == milliseconds)
        }
    }

    @Test("Python isoformat text agrees with Python's datetime")
    func agreesWithPython() throws {
        let samples = Self.samples.filter { $0 >= -62_135_596_800_000 }  // Python's datetime starts at year 1
        let script = """
            import sys, datetime
            for line in sys.stdin:
                ms = int(line)
                moment = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(milliseconds=ms)
                print(moment.isoformat())
            """
        let result = try runProcess(
            "python3", ["-c", script], input: Data(samples.map(String.init).joined(separator: "\n").utf8))
        #expect(result.status == 0, "\(result.errorText)")
        let python = result.outputText.split(separator: "\n").map(String.init)
        #expect(python == samples.map { UTCDateTime(milliseconds: $0).pythonISOFormat })
        for (text, milliseconds) in zip(python, samples) {
            #expect(UTCDateTime.milliseconds(parsing: text) == milliseconds)
        }
    }

    @Test(
        "shorter forms, fractions and zone offsets",
        arguments: [
            ("2024-01-01", 1_704_067_200_000), ("2024-01-01T00:00", 1_704_067_200_000),
            ("2024-01-01 12:30:15", 1_704_112_215_000), ("2024-01-01T12:30:15.5Z", 1_704_112_215_500),
            ("2024-01-01T12:30:15.123456789", 1_704_112_215_123), ("2024-01-01T01:00:00+01:00", 1_704_067_200_000),
            ("2023-12-31T23:00:00-01:00", 1_704_067_200_000),
        ] as [(String, Int64)])
    func forms(text: String, milliseconds: Int64) {
        #expect(UTCDateTime.milliseconds(parsing: text) == milliseconds)
    }

    @Test(
        "impossible dates and malformed times are refused",
        arguments: [
            "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-01T24:00", "2024-01-01T12:60",
            "2024-01-01T12:00:60", "2024-1-01", "2024-01-01T12", "2024-01-01T12:00:00.", "2024-01-01T12:00:00+25:00",
            "2024-01-01T12:00:00.1234567890", "yesterday", "",
        ])
    func refused(text: String) {
        #expect(UTCDateTime.milliseconds(parsing: text) == nil)
    }
}
