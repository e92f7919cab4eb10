/// What happened to a message the server accepted.
public struct SMTPDelivery: Sendable, Equatable {
    /// The `Message-ID` header sent, with its angle brackets.
    public let messageID: String
    /// Envelope recipients the server accepted.
    public let acceptedRecipients: [String]
    /// Recipients the server refused (empty unless the client's recipient policy allows partial delivery).
    public let rejectedRecipients: [SMTPRecipientRejection]
    /// The server's reply to the end of DATA, which often carries its queue id.
    public let reply: SMTPReply
}
