import BotNet
import Foundation
import TestSupport
import Testing

/// End-to-end against aiosmtpd (`Tests/Oracles/smtp_server.py`) on 127.0.0.1.
@Suite struct SMTPClientTests {
    static let user = "alerts@bot.test"
    static let password = "correct horse battery staple"
    static let subject = "Alerta: różnica cen ✓"
    static let bodyLines = [
        "Cena BTC/USDT różni się o 2,5% między giełdami.",
        ".a line starting with a dot",
        "..two dots",
        ".",
        "",
        "Zażółć gęślą jaźń — last line",
    ]
    static let fixedDate = Date(timeIntervalSince1970: 1_763_728_496)  // 2025-11-21T12:34:56Z

    static func message(to recipients: [EmailAddress]) -> EmailMessage {
        EmailMessage(
            from: EmailAddress("alerts@bot.test", displayName: "Bot Ąlerts"), to: recipients, subject: subject,
            body: bodyLines.joined(separator: "\n"))
    }

    static func client(port: UInt16, password: String = password, policy: SMTPClient.RecipientPolicy = .requireAll)
        -> SMTPClient
    {
        SMTPClient(
            host: "127.0.0.1", port: port, credentials: SMTPCredentials(username: user, password: password),
            clientName: "bot.test", timeout: .seconds(20), recipientPolicy: policy, clock: { fixedDate })
    }

    @Test(arguments: ["PLAIN,LOGIN", "LOGIN"])
    func deliversToTwoRecipientsIntact(mechanisms: String) async throws {
        let server = try OracleServer(
            script: "smtp_server.py", arguments: [Self.user, Self.password, "--mechanisms", mechanisms])
        defer { server.stop() }
        let recipients: [EmailAddress] = ["ops@desk.test", EmailAddress("risk@desk.test", displayName: "Risk, Desk")]
        let delivery = try await Self.client(port: server.port).send(Self.message(to: recipients))
        #expect(delivery.acceptedRecipients == ["ops@desk.test", "risk@desk.test"])
        #expect(delivery.rejectedRecipients.isEmpty)
        #expect(delivery.reply.code == 250)

        let dump = try server.request("dump")
        let auth = try #require(dump["auth"] as? [[String: Any]])
        #expect(auth.count == 1)
        #expect(auth.first?["mechanism"] as? String == (mechanisms == "LOGIN" ? "LOGIN" : "PLAIN"))
        #expect(auth.first?["login"] as? String == Self.user)
        #expect(auth.first?["success"] as? Bool == true)

        let messages = try #require(dump["messages"] as? [[String: Any]])
        let received = try #require(messages.first)
        #expect(messages.count == 1)
        #expect(received["mail_from"] as? String == "alerts@bot.test")
        #expect(received["rcpt_tos"] as? [String] == ["ops@desk.test", "risk@desk.test"])
        // SIZE announces the dot-stuffed size: three body lines start with a dot.
        let storedSize = try #require(received["content_length"] as? Int)
        #expect(received["mail_options"] as? [String] == ["SIZE=\(storedSize + 3)", "BODY=8BITMIME"])
        #expect(received["authenticated_login"] as? String == Self.user)
        #expect(received["subject"] as? String == Self.subject)
        #expect(received["from"] as? String == "Bot Ąlerts <alerts@bot.test>")
        #expect(received["to"] as? [String] == ["ops@desk.test", "\"Risk, Desk\" <risk@desk.test>"])
        #expect(received["date"] as? String == "Fri, 21 Nov 2025 12:34:56 +0000")
        #expect(received["message_id"] as? String == delivery.messageID)
        #expect(received["content_type"] as? String == "text/plain")
        #expect(received["charset"] as? String == "utf-8")
        #expect(received["transfer_encoding"] as? String == "8bit")
        #expect(received["defects"] as? [String] == [])
        // The server undoes the dot-stuffing; what it stored must be our text line for line.
        let expectedBody = Self.bodyLines.joined(separator: "\r\n") + "\r\n"
        #expect(received["raw_body"] as? String == expectedBody)
        #expect(received["body"] as? String == expectedBody)
        // Every header line stays within 76 columns (the subject is encoded and folded).
        let head = try #require(received["raw_head"] as? String)
        #expect(head.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
        #expect(head.contains("Subject: =?UTF-8?B?"))
    }

    @Test func wrongPasswordFailsWith535AndNeverShowsThePassword() async throws {
        let server = try OracleServer(script: "smtp_server.py", arguments: [Self.user, Self.password])
        defer { server.stop() }
        let wrong = "hunter2-wrong-password"
        do {
            _ = try await Self.client(port: server.port, password: wrong).send(Self.message(to: ["ops@desk.test"]))
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.replyCode == 535)
            #expect(error.stage == .auth)
            #expect(!error.description.contains(wrong))
            #expect(!String(reflecting: error).contains(wrong))
            #expect(error.description.contains("127.0.0.1:\(server.port)"))
        }
        let dump = try server.request("dump")
        #expect((dump["messages"] as? [Any])?.isEmpty == true)
        #expect((dump["auth"] as? [[String: Any]])?.first?["success"] as? Bool == false)
    }

    @Test func partlyRejectedRecipientsFailWholeByDefault() async throws {
        let server = try OracleServer(
            script: "smtp_server.py", arguments: [Self.user, Self.password, "--reject-domain", "gone.test"])
        defer { server.stop() }
        let recipients: [EmailAddress] = ["ops@desk.test", "old@gone.test"]
        do {
            _ = try await Self.client(port: server.port).send(Self.message(to: recipients))
            Issue.record("a rejected recipient went unreported")
        } catch {
            guard case .recipientsRejected(_, let rejections) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(rejections.map(\.address) == ["old@gone.test"])
            #expect(rejections.first?.code == 550)
            #expect(error.description.contains("old@gone.test"))
        }
        #expect((try server.request("dump")["messages"] as? [Any])?.isEmpty == true)
    }

    @Test func partialDeliveryWhenAllowed() async throws {
        let server = try OracleServer(
            script: "smtp_server.py", arguments: [Self.user, Self.password, "--reject-domain", "gone.test"])
        defer { server.stop() }
        let recipients: [EmailAddress] = ["old@gone.test", "ops@desk.test"]
        let delivery = try await Self.client(port: server.port, policy: .allowPartial).send(
            Self.message(to: recipients))
        #expect(delivery.acceptedRecipients == ["ops@desk.test"])
        #expect(delivery.rejectedRecipients.map(\.address) == ["old@gone.test"])
        let messages = try #require(try server.request("dump")["messages"] as? [[String: Any]])
        #expect(messages.first?["rcpt_tos"] as? [String] == ["ops@desk.test"])
    }

    @Test func nothingListeningIsAConnectError() async throws {
        // A port that was just free: bound to learn its number, then closed, so nothing listens there.
        let probe = try TCPSocket.listen(host: "127.0.0.1", port: 0, backlog: 1)
        let port = probe.localPort
        probe.close()
        let client = SMTPClient(host: "127.0.0.1", port: port, timeout: .seconds(5))
        await #expect(throws: SMTPError.self) {
            _ = try await client.send(Self.message(to: ["ops@desk.test"]))
        }
        do {
            _ = try await client.send(Self.message(to: ["ops@desk.test"]))
        } catch {
            #expect(error.stage == .connect)
        }
    }
}
