/// Why an SMTP client could not hand a message to the server. Never carries the password.
public enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message could not be rendered (a header value with CR/LF, an invalid address, no recipients).
    case invalidMessage(EmailMessageError)
    /// The network failed at `stage` (connect refused, timeout, reset).
    case connection(server: String, stage: SMTPStage, SocketError)
    /// The server closed the connection at `stage` without a reply.
    case connectionClosed(server: String, stage: SMTPStage)
    /// The server sent something that is not an SMTP reply.
    case malformedReply(server: String, stage: SMTPStage, line: String)
    /// The server answered `stage` with an error or unexpected reply.
    case rejected(server: String, stage: SMTPStage, code: Int, message: String)
    /// The server refused some (or all) recipients; nothing was sent.
    case recipientsRejected(server: String, [SMTPRecipientRejection])
    /// Credentials were given but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationUnsupported(server: String, offered: [String])
    /// A recipient or sender address holds UTF-8 but the server does not announce SMTPUTF8.
    case utf8AddressUnsupported(server: String, address: String)
    /// The message is larger than the server's announced `SIZE` limit.
    case messageTooLarge(server: String, size: Int, limit: Int)

    /// The server's reply code, when the failure is a reply.
    public var replyCode: Int? {
        switch self {
        case .rejected(_, _, let code, _): code
        case .recipientsRejected(_, let rejections): rejections.first?.code
        default: nil
        }
    }

    /// Where the dialogue stopped, when it got as far as the network.
    public var stage: SMTPStage? {
        switch self {
        case .connection(_, let stage, _), .connectionClosed(_, let stage), .malformedReply(_, let stage, _),
            .rejected(_, let stage, _, _):
            stage
        case .recipientsRejected: .rcpt
        case .authenticationUnsupported: .auth
        case .utf8AddressUnsupported, .messageTooLarge: .mail
        case .invalidMessage: nil
        }
    }

    public var description: String {
        switch self {
        case .invalidMessage(let error):
            "cannot send the e-mail: \(error)"
        case .connection(let server, let stage, let error):
            "SMTP \(stage) with \(server) failed: \(error)"
        case .connectionClosed(let server, let stage):
            "SMTP server \(server) closed the connection during \(stage) — check the relay's logs"
        case .malformedReply(let server, let stage, let line):
            "SMTP server \(server) sent a malformed reply during \(stage): \(line.debugDescription) — "
                + "is \(server) really an SMTP server (not TLS-only or HTTP)?"
        case .rejected(let server, let stage, let code, let message):
            "SMTP server \(server) rejected \(stage) with \(code) \(message)" + Self.hint(stage: stage, code: code)
        case .recipientsRejected(let server, let rejections):
            "SMTP server \(server) rejected \(rejections.count) recipient(s): "
                + rejections.map(\.description).joined(separator: ", ")
                + "; nothing was sent — fix or remove these addresses"
        case .authenticationUnsupported(let server, let offered):
            "SMTP server \(server) offers no supported AUTH mechanism (offered: "
                + (offered.isEmpty ? "none" : offered.joined(separator: " "))
                + "; supported: PLAIN, LOGIN) — configure the relay for AUTH PLAIN or LOGIN, or remove the credentials"
        case .utf8AddressUnsupported(let server, let address):
            "SMTP server \(server) does not support SMTPUTF8, needed for the address \(address)"
        case .messageTooLarge(let server, let size, let limit):
            "the e-mail is \(size) bytes but SMTP server \(server) accepts at most \(limit) — shorten the message"
        }
    }

    private static func hint(stage: SMTPStage, code: Int) -> String {
        switch (stage, code) {
        case (.auth, 535): " — the user name or password is wrong; check the relay credentials"
        case (.auth, 534), (.auth, 538):
            " — the relay wants an encrypted link for AUTH; use a local TLS relay (docs/email.md)"
        case (.mail, 530): " — the relay requires authentication; configure SMTP credentials"
        case (_, 400..<500): " (temporary; retry later)"
        default: ""
        }
    }
}
