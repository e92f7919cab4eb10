/// Why an ``EmailMessage`` cannot be rendered.
public enum EmailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A header value holds CR or LF, which would let it inject headers or end the header block.
    case lineBreakInHeader(field: String)
    /// A header name is empty or holds characters other than printable ASCII without `:`.
    case invalidHeaderName(String)
    /// An additional header would duplicate one the renderer writes (Date, From, To, Subject, …) or be Bcc.
    case reservedHeader(String)
    /// An address is not `local@domain` or holds spaces, angle brackets, commas or line breaks.
    case invalidAddress(String)
    /// The message has no To, Cc or Bcc recipient.
    case noRecipients

    public var description: String {
        switch self {
        case .lineBreakInHeader(let field):
            "the \(field) header contains a line break (CR or LF), which is refused to prevent header injection"
        case .invalidHeaderName(let name):
            "\(name.debugDescription) is not a valid header name (printable ASCII without ':')"
        case .reservedHeader(let name):
            "\(name) cannot be an additional header: it is set from the message's own fields"
        case .invalidAddress(let address):
            "\(address.debugDescription) is not a valid e-mail address (expected local@domain)"
        case .noRecipients:
            "the e-mail has no recipients; add at least one To, Cc or Bcc address"
        }
    }
}
