/// The step of an SMTP dialogue, as named in ``SMTPError`` messages.
public enum SMTPStage: String, Sendable, Equatable, CustomStringConvertible {
    case connect
    case greeting
    case ehlo = "EHLO"
    case helo = "HELO"
    case auth = "AUTH"
    case mail = "MAIL FROM"
    case rcpt = "RCPT TO"
    case data = "DATA"
    case quit = "QUIT"

    public var description: String { rawValue }
}
