import Foundation

/// One SMTP dialogue over a stream (RFC 5321 §3–4): greeting, EHLO/HELO, AUTH, one transaction, QUIT.
///
/// Not `Sendable`: it lives on the thread that runs the blocking dialogue.
final class SMTPSession<Stream: SMTPStream> {
    private let stream: Stream
    private let server: String
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    /// A reply longer than this is not SMTP (RFC 5321 allows 512 bytes per line); stop reading.
    private let maximumReplyBytes = 64 * 1024

    init(stream: Stream, server: String) {
        self.stream = stream
        self.server = server
    }

    // MARK: Dialogue

    func deliver(
        _ message: EmailMessage, clientName: String, credentials: SMTPCredentials?,
        recipientPolicy: SMTPClient.RecipientPolicy, date: Date
    ) throws(SMTPError) -> SMTPDelivery {
        defer { stream.close() }
        let greeting = try readReply(.greeting)
        guard greeting.code == 220 else { throw rejection(.greeting, greeting) }

        let capabilities = try hello(clientName: clientName)
        if let credentials {
            do throws(SMTPError) {
                try authenticate(credentials, capabilities: capabilities)
            } catch {
                quitQuietly()
                throw error
            }
        }

        let rendered: RenderedEmail
        do {
            rendered = try message.rendered(
                date: date, allows8Bit: capabilities.supports8BitMIME,
                generatedMessageID: message.generatedMessageID)
        } catch {
            quitQuietly()
            throw .invalidMessage(error)
        }
        let payload = Self.dotStuffed(rendered.bytes)

        var parameters = ""
        if let limit = capabilities.maximumMessageSize {
            guard payload.count <= limit else {
                quitQuietly()
                throw .messageTooLarge(server: server, size: payload.count, limit: limit)
            }
            parameters += " SIZE=\(payload.count)"
        }
        if rendered.transferEncoding == .eightBit { parameters += " BODY=8BITMIME" }
        if rendered.needsSMTPUTF8 {
            guard capabilities.supportsSMTPUTF8 else {
                quitQuietly()
                let address = ([message.from] + message.to + message.cc + message.bcc).first { !$0.isASCII }
                throw .utf8AddressUnsupported(server: server, address: address?.address ?? "")
            }
            parameters += " SMTPUTF8"
        }

        let mail = try command("MAIL FROM:<\(message.from.address)>\(parameters)", stage: .mail)
        guard mail.isPositiveCompletion else {
            quitQuietly()
            throw rejection(.mail, mail)
        }

        var accepted: [String] = []
        var rejected: [SMTPRecipientRejection] = []
        for recipient in message.envelopeRecipients {
            let reply = try command("RCPT TO:<\(recipient)>", stage: .rcpt)
            if reply.isPositiveCompletion {
                accepted.append(recipient)
            } else {
                rejected.append(SMTPRecipientRejection(address: recipient, code: reply.code, message: reply.text))
            }
        }
        if accepted.isEmpty || (!rejected.isEmpty && recipientPolicy == .requireAll) {
            // RSET abandons the transaction so a server that keeps the connection learns nothing was meant.
            _ = try? command("RSET", stage: .rcpt)
            quitQuietly()
            throw .recipientsRejected(server: server, rejected)
        }

        let data = try command("DATA", stage: .data)
        guard data.code == 354 else {
            quitQuietly()
            throw rejection(.data, data)
        }
        try write(payload + Array(".\r\n".utf8), stage: .data)
        let stored = try readReply(.data)
        guard stored.isPositiveCompletion else {
            quitQuietly()
            throw rejection(.data, stored)
        }
        // The message is accepted: a failing QUIT must not turn the delivery into an error (and a retry
        // into a duplicate).
        quitQuietly()
        return SMTPDelivery(
            messageID: rendered.messageID, acceptedRecipients: accepted, rejectedRecipients: rejected, reply: stored)
    }

    /// EHLO, or HELO when the server refuses EHLO with a permanent error (RFC 5321 §4.1.4).
    private func hello(clientName: String) throws(SMTPError) -> SMTPCapabilities {
        let ehlo = try command("EHLO \(clientName)", stage: .ehlo)
        if ehlo.isPositiveCompletion { return SMTPCapabilities(ehloReply: ehlo) }
        guard ehlo.isPermanentFailure else { throw rejection(.ehlo, ehlo) }
        let helo = try command("HELO \(clientName)", stage: .helo)
        guard helo.isPositiveCompletion else { throw rejection(.helo, helo) }
        return .empty
    }

    /// AUTH PLAIN when offered (one round trip), else AUTH LOGIN. The commands carrying secrets are never
    /// put into errors: failures report only the server's reply.
    private func authenticate(_ credentials: SMTPCredentials, capabilities: SMTPCapabilities) throws(SMTPError) {
        let offered = capabilities.authMechanisms
        if offered.contains("PLAIN") {
            let token = Data(("\0" + credentials.username + "\0" + credentials.password).utf8).base64EncodedString()
            let reply = try command("AUTH PLAIN \(token)", stage: .auth)
            guard reply.code == 235 else { throw rejection(.auth, reply) }
        } else if offered.contains("LOGIN") {
            let start = try command("AUTH LOGIN", stage: .auth)
            guard start.code == 334 else { throw rejection(.auth, start) }
            let user = try command(Data(credentials.username.utf8).base64EncodedString(), stage: .auth)
            guard user.code == 334 else { throw rejection(.auth, user) }
            let done = try command(Data(credentials.password.utf8).base64EncodedString(), stage: .auth)
            guard done.code == 235 else { throw rejection(.auth, done) }
        } else {
            throw .authenticationUnsupported(server: server, offered: offered)
        }
    }

    private func quitQuietly() {
        _ = try? command("QUIT", stage: .quit)
    }

    private func rejection(_ stage: SMTPStage, _ reply: SMTPReply) -> SMTPError {
        .rejected(server: server, stage: stage, code: reply.code, message: reply.text)
    }

    // MARK: Wire

    private func command(_ line: String, stage: SMTPStage) throws(SMTPError) -> SMTPReply {
        try write(Array((line + "\r\n").utf8), stage: stage)
        return try readReply(stage)
    }

    private func write(_ bytes: [UInt8], stage: SMTPStage) throws(SMTPError) {
        do {
            try stream.write(bytes)
        } catch {
            throw .connection(server: server, stage: stage, error)
        }
    }

    /// Reads one reply: lines `ddd-text` continue it, the line `ddd text` (or `ddd`) ends it.
    func readReply(_ stage: SMTPStage) throws(SMTPError) -> SMTPReply {
        var code: Int?
        var lines: [String] = []
        var total = 0
        while true {
            let line = try readLine(stage)
            total += line.count + 2
            guard line.count >= 3, let lineCode = Self.replyCode(line), (200...599).contains(lineCode),
                line.count == 3 || line[3] == UInt8(ascii: " ") || line[3] == UInt8(ascii: "-"),
                code == nil || code == lineCode, total <= maximumReplyBytes
            else {
                throw .malformedReply(
                    server: server, stage: stage, line: String(decoding: line.prefix(200), as: UTF8.self))
            }
            code = lineCode
            lines.append(line.count > 4 ? String(decoding: line[4...], as: UTF8.self) : "")
            if line.count == 3 || line[3] == UInt8(ascii: " ") { return SMTPReply(code: lineCode, lines: lines) }
        }
    }

    private static func replyCode(_ line: [UInt8]) -> Int? {
        var code = 0
        for byte in line.prefix(3) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            code = code * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return code
    }

    /// The next line without its CRLF (a bare LF is accepted too).
    private func readLine(_ stage: SMTPStage) throws(SMTPError) -> [UInt8] {
        while true {
            if let newline = buffer[bufferStart...].firstIndex(of: 0x0A) {
                var end = newline
                if end > bufferStart, buffer[end - 1] == 0x0D { end -= 1 }
                let line = Array(buffer[bufferStart..<end])
                bufferStart = newline + 1
                if bufferStart == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    bufferStart = 0
                }
                return line
            }
            guard buffer.count - bufferStart <= maximumReplyBytes else {
                throw .malformedReply(
                    server: server, stage: stage, line: "a line longer than \(maximumReplyBytes) bytes")
            }
            let chunk: [UInt8]
            do {
                chunk = try stream.read(maxLength: 4096)
            } catch {
                throw .connection(server: server, stage: stage, error)
            }
            guard !chunk.isEmpty else { throw .connectionClosed(server: server, stage: stage) }
            buffer += chunk
        }
    }

    /// Doubles a `.` at the start of every line (RFC 5321 §4.5.2) so no line of the message reads as the
    /// end-of-data marker.
    static func dotStuffed(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 64 + 4)
        var atLineStart = true
        for byte in bytes {
            if atLineStart, byte == UInt8(ascii: ".") { out.append(byte) }
            out.append(byte)
            atLineStart = byte == 0x0A
        }
        if !out.isEmpty, out.last != 0x0A { out += [0x0D, 0x0A] }
        return out
    }
}
