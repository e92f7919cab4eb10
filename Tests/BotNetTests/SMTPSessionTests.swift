import Foundation
import Testing

@testable import BotNet

/// A server that answers each read with the next scripted reply and records what the client wrote.
private final class ScriptedStream: SMTPStream {
    private var replies: [String]
    private(set) var written: [UInt8] = []
    private(set) var closed = false

    init(_ replies: [String]) { self.replies = replies }

    func write(_ bytes: [UInt8]) throws(SocketError) { written += bytes }

    func read(maxLength: Int) throws(SocketError) -> [UInt8] {
        replies.isEmpty ? [] : Array(replies.removeFirst().utf8)
    }

    func close() { closed = true }

    var transcript: String { String(decoding: written, as: UTF8.self) }
}

private let date = Date(timeIntervalSince1970: 1_763_728_496)
private let message = EmailMessage(
    from: "bot@bot.test", to: ["ops@desk.test"], subject: "Alerta ✓", body: "línea 1\n.dot\nend")

private func client(_ credentials: SMTPCredentials? = nil) -> SMTPClient {
    SMTPClient(host: "relay.test", credentials: credentials, clientName: "bot.test", clock: { date })
}

@Suite struct SMTPSessionTests {
    @Test func fallsBackToHELOAndSendsBase64WithoutEightBitMIME() throws {
        let stream = ScriptedStream([
            "220 relay.test ESMTP\r\n", "502 5.5.2 EHLO not implemented\r\n", "250 relay.test\r\n",
            "250 2.1.0 Ok\r\n", "250 2.1.5 Ok\r\n", "354 go ahead\r\n", "250 2.0.0 queued\r\n", "221 bye\r\n",
        ])
        let delivery = try client().send(message, over: stream, server: "relay.test:25")
        #expect(delivery.acceptedRecipients == ["ops@desk.test"])
        #expect(stream.closed)
        let transcript = stream.transcript
        #expect(
            transcript.hasPrefix(
                "EHLO bot.test\r\nHELO bot.test\r\nMAIL FROM:<bot@bot.test>\r\nRCPT TO:<ops@desk.test>\r\nDATA\r\n"))
        #expect(transcript.contains("Content-Transfer-Encoding: base64\r\n"))
        #expect(transcript.hasSuffix("\r\n.\r\nQUIT\r\n"))
        let encoded = try #require(transcript.components(separatedBy: "\r\n\r\n").dropFirst().first)
        let body = try #require(
            Data(
                base64Encoded: encoded.components(separatedBy: "\r\n.\r\n")[0]
                    .replacingOccurrences(of: "\r\n", with: "")))
        #expect(String(decoding: body, as: UTF8.self) == "línea 1\r\n.dot\r\nend\r\n")
    }

    @Test func dotStuffsEveryLineStartingWithADot() {
        let stuffed = SMTPSession<ScriptedStream>.dotStuffed(Array(".a\r\nb\r\n..c\r\n.\r\nd.e\r\n".utf8))
        #expect(String(decoding: stuffed, as: UTF8.self) == "..a\r\nb\r\n...c\r\n..\r\nd.e\r\n")
    }

    @Test func parsesMultiLineRepliesAndCapabilities() throws {
        let stream = ScriptedStream([
            "220-first greeting line\r\n220 second\r\n",
            "250-relay.test greets bot.test\r\n250-SIZE 100\r\n250-AUTH=LOGIN\r\n250-AUTH PLAIN LOGIN\r\n"
                + "250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "235 ok\r\n", "221 bye\r\n",
        ])
        do {
            _ = try client(SMTPCredentials(username: "u", password: "p")).send(
                message, over: stream, server: "relay.test:25")
            Issue.record("a message over the SIZE limit was sent")
        } catch {
            guard case .messageTooLarge(_, let size, let limit) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(limit == 100)
            #expect(size > 100)
        }
        #expect(stream.transcript.hasPrefix("EHLO bot.test\r\nAUTH PLAIN AHUAcA==\r\n"))
        #expect(!stream.transcript.contains("MAIL FROM"))

        let reply = SMTPReply(code: 250, lines: ["relay", "SIZE 0", "AUTH=LOGIN", "AUTH LOGIN CRAM-MD5", "8BITMIME"])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.authMechanisms == ["LOGIN", "CRAM-MD5"])
        #expect(capabilities.maximumMessageSize == nil)
        #expect(capabilities.supports8BitMIME)
        #expect(!capabilities.supportsSMTPUTF8)
    }

    @Test func credentialsWithoutASupportedMechanismFail() throws {
        let heloOnly = ScriptedStream(["220 hi\r\n", "500 what\r\n", "250 relay\r\n", "221 bye\r\n"])
        #expect(throws: SMTPError.authenticationUnsupported(server: "r:25", offered: [])) {
            try client(SMTPCredentials(username: "u", password: "p")).send(message, over: heloOnly, server: "r:25")
        }
        let cramOnly = ScriptedStream(["220 hi\r\n", "250-relay\r\n250 AUTH CRAM-MD5\r\n", "221 bye\r\n"])
        #expect(throws: SMTPError.authenticationUnsupported(server: "r:25", offered: ["CRAM-MD5"])) {
            try client(SMTPCredentials(username: "u", password: "p")).send(message, over: cramOnly, server: "r:25")
        }
        #expect(cramOnly.transcript == "EHLO bot.test\r\nQUIT\r\n")
    }

    @Test func loginAuthenticationNeverPutsThePasswordInTheError() throws {
        let password = "s3cr3t-pässword"
        let stream = ScriptedStream([
            "220 hi\r\n", "250-relay\r\n250 AUTH LOGIN\r\n", "334 VXNlcm5hbWU6\r\n", "334 UGFzc3dvcmQ6\r\n",
            "535 5.7.8 Authentication credentials invalid\r\n", "221 bye\r\n",
        ])
        do {
            _ = try client(SMTPCredentials(username: "alerts", password: password)).send(
                message, over: stream, server: "r:25")
            Issue.record("a refused login was not reported")
        } catch {
            #expect(
                error
                    == .rejected(
                        server: "r:25", stage: .auth, code: 535, message: "5.7.8 Authentication credentials invalid"))
            let base64Password = Data(password.utf8).base64EncodedString()
            #expect(stream.transcript.contains("AUTH LOGIN\r\nYWxlcnRz\r\n\(base64Password)\r\n"))
            #expect(!error.description.contains(password))
            #expect(!error.description.contains(base64Password))
            #expect(error.description.contains("user name or password"))
        }
    }

    @Test func malformedAndMissingRepliesAreTypedErrors() {
        #expect(throws: SMTPError.malformedReply(server: "r:25", stage: .greeting, line: "HTTP/1.1 400 Bad Request")) {
            try client().send(message, over: ScriptedStream(["HTTP/1.1 400 Bad Request\r\n"]), server: "r:25")
        }
        #expect(throws: SMTPError.malformedReply(server: "r:25", stage: .ehlo, line: "251 mixed codes")) {
            try client().send(
                message, over: ScriptedStream(["220 hi\r\n", "250-relay\r\n251 mixed codes\r\n"]), server: "r:25")
        }
        #expect(throws: SMTPError.connectionClosed(server: "r:25", stage: .mail)) {
            try client().send(message, over: ScriptedStream(["220 hi\r\n", "250 relay\r\n"]), server: "r:25")
        }
        #expect(throws: SMTPError.rejected(server: "r:25", stage: .greeting, code: 554, message: "go away")) {
            try client().send(message, over: ScriptedStream(["554 go away\r\n", "221 bye\r\n"]), server: "r:25")
        }
    }

    @Test func headerInjectionIsRefusedBeforeAnythingIsSent() {
        var injected = message
        injected.subject = "Hello\r\nBcc: victim@example.com"
        let stream = ScriptedStream(["220 hi\r\n", "250 relay\r\n", "221 bye\r\n"])
        #expect(throws: SMTPError.invalidMessage(.lineBreakInHeader(field: "Subject"))) {
            try client().send(injected, over: stream, server: "r:25")
        }
        #expect(!stream.transcript.contains("MAIL FROM"))
    }

    @Test func utf8AddressesNeedSMTPUTF8() throws {
        var international = message
        international.to = ["józef@desk.test"]
        let refused = ScriptedStream(["220 hi\r\n", "250-relay\r\n250 8BITMIME\r\n", "221 bye\r\n"])
        #expect(throws: SMTPError.utf8AddressUnsupported(server: "r:25", address: "józef@desk.test")) {
            try client().send(international, over: refused, server: "r:25")
        }
        let accepted = ScriptedStream([
            "220 hi\r\n", "250-relay\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n", "250 ok\r\n", "250 ok\r\n", "354 go\r\n",
            "250 queued\r\n", "221 bye\r\n",
        ])
        _ = try client().send(international, over: accepted, server: "r:25")
        #expect(
            accepted.transcript.contains(
                "MAIL FROM:<bot@bot.test> BODY=8BITMIME SMTPUTF8\r\nRCPT TO:<józef@desk.test>\r\n"))
    }
}
