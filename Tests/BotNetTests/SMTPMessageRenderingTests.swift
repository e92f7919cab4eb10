import Foundation
import Testing

@testable import BotNet

@Suite struct SMTPMessageRenderingTests {
    private static let date = Date(timeIntervalSince1970: 1_763_728_496)  // Fri, 21 Nov 2025 12:34:56 +0000

    private func render(_ message: EmailMessage, allows8Bit: Bool = true) throws -> (head: [String], body: String) {
        let rendered = try message.rendered(date: Self.date, allows8Bit: allows8Bit, generatedMessageID: { "<id@x>" })
        let text = String(decoding: rendered.bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        return (parts[0].components(separatedBy: "\r\n"), parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// The value of `name` with folding undone (CRLF before whitespace removed, RFC 5322 §2.2.3).
    private func unfolded(_ head: [String], _ name: String) -> String? {
        let joined = head.joined(separator: "\r\n").replacingOccurrences(of: "\r\n ", with: " ")
        return joined.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map {
            String($0.dropFirst(name.count + 2))
        }
    }

    @Test func standardHeadersInOrder() throws {
        let message = EmailMessage(
            from: EmailAddress("bot@bot.test", displayName: "Trading Bot"), to: ["a@x.test", "b@x.test"],
            cc: [EmailAddress("c@x.test", displayName: "O'Neil, C.")], bcc: ["hidden@x.test"], subject: "Daily report",
            body: "ok", additionalHeaders: [(name: "X-Alert-Severity", value: "critical")])
        let (head, body) = try render(message)
        #expect(
            head == [
                "Date: Fri, 21 Nov 2025 12:34:56 +0000", "From: Trading Bot <bot@bot.test>", "To: a@x.test, b@x.test",
                "Cc: \"O'Neil, C.\" <c@x.test>", "Subject: Daily report", "Message-ID: <id@x>", "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 7bit",
                "X-Alert-Severity: critical",
            ])
        #expect(body == "ok\r\n")
        #expect(message.envelopeRecipients == ["a@x.test", "b@x.test", "c@x.test", "hidden@x.test"])
    }

    @Test func utf8SubjectBecomesFoldedEncodedWords() throws {
        let subject = "Alerta: różnica cen ✓ " + String(repeating: "źdźbło ", count: 12)
        let (head, _) = try render(EmailMessage(from: "b@x.test", to: ["a@x.test"], subject: subject, body: ""))
        #expect(head.allSatisfy { $0.utf8.count <= 76 })
        let value = try #require(unfolded(head, "Subject"))
        let words = value.split(separator: " ")
        #expect(words.count > 2)
        var decoded: [UInt8] = []
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
            let payload = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            // Each word holds whole characters, so each decodes on its own (RFC 2047 §5).
            #expect(String(validating: payload, as: UTF8.self) != nil)
            decoded += payload
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject)
    }

    @Test func longASCIISubjectFoldsAtSpacesAndUnfoldsToTheSameText() throws {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let (head, _) = try render(EmailMessage(from: "b@x.test", to: ["a@x.test"], subject: subject, body: ""))
        #expect(head.allSatisfy { $0.utf8.count <= 76 })
        #expect(head.filter { $0.hasPrefix(" ") }.count >= 2)
        #expect(unfolded(head, "Subject") == subject)
    }

    @Test func bodyLineEndingsAndEncodings() throws {
        let mixed = EmailMessage(from: "b@x.test", to: ["a@x.test"], subject: "s", body: "a\nb\r\nc\rd")
        #expect(try render(mixed).body == "a\r\nb\r\nc\r\nd\r\n")
        let polish = EmailMessage(from: "b@x.test", to: ["a@x.test"], subject: "s", body: "zażółć")
        let eightBit = try render(polish, allows8Bit: true)
        #expect(eightBit.head.contains("Content-Transfer-Encoding: 8bit"))
        #expect(eightBit.body == "zażółć\r\n")
        let base64 = try render(polish, allows8Bit: false)
        #expect(base64.head.contains("Content-Transfer-Encoding: base64"))
        #expect(base64.body == Data("zażółć\r\n".utf8).base64EncodedString() + "\r\n")
        let longLine = EmailMessage(
            from: "b@x.test", to: ["a@x.test"], subject: "s", body: String(repeating: "x", count: 1200))
        let long = try render(longLine)
        #expect(long.head.contains("Content-Transfer-Encoding: base64"))
        #expect(long.body.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
    }

    @Test func refusesInjectionAndBadAddresses() {
        let base = EmailMessage(from: "b@x.test", to: ["a@x.test"], subject: "s", body: "")
        var message = base
        message.subject = "a\nb"
        #expect(throws: EmailMessageError.lineBreakInHeader(field: "Subject")) { try render(message) }
        message = base
        message.to = [EmailAddress("a@x.test", displayName: "Eve\r\nBcc: x@y")]
        #expect(throws: EmailMessageError.lineBreakInHeader(field: "display name of a@x.test")) { try render(message) }
        message = base
        message.additionalHeaders = [(name: "X-Note", value: "ok\r\nX-Injected: 1")]
        #expect(throws: EmailMessageError.lineBreakInHeader(field: "X-Note")) { try render(message) }
        message = base
        message.additionalHeaders = [(name: "Bad Name:", value: "v")]
        #expect(throws: EmailMessageError.invalidHeaderName("Bad Name:")) { try render(message) }
        message.additionalHeaders = [(name: "BCC", value: "spy@x.test")]
        #expect(throws: EmailMessageError.reservedHeader("BCC")) { try render(message) }
        for address in ["no-at-sign", "@x.test", "a@", "a b@x.test", "a@x.test\r\n", "a@x.test>\r\nRCPT TO:<b@y"] {
            message = base
            message.to = [EmailAddress(address)]
            #expect(throws: EmailMessageError.invalidAddress(address)) { try render(message) }
        }
        message = base
        message.to = []
        #expect(throws: EmailMessageError.noRecipients) { try render(message) }
    }

    @Test func credentialsDescriptionRedactsThePassword() {
        let credentials = SMTPCredentials(username: "alerts", password: "pa55")
        #expect(!"\(credentials)".contains("pa55"))
        #expect(!String(reflecting: credentials).contains("pa55"))
        #expect("\(credentials)".contains("alerts"))
    }
}
