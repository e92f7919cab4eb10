/// A recipient the server refused at `RCPT TO`, with its reply.
public struct SMTPRecipientRejection: Sendable, Equatable, CustomStringConvertible {
    public let address: String
    public let code: Int
    public let message: String

    public init(address: String, code: Int, message: String) {
        self.address = address
        self.code = code
        self.message = message
    }

    public var description: String { "\(address) (\(code) \(message))" }
}
