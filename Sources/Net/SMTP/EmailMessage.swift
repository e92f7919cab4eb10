import Foundation

/// A plain-text e-mail: RFC 5322 headers and a UTF-8 body.
///
/// Rendering (``SMTPClient`` does it) adds `Date`, `Message-ID`, `MIME-Version`, `Content-Type` and
/// `Content-Transfer-Encoding`, encodes non-ASCII header text as RFC 2047 encoded-words, folds long
/// header lines under 76 columns, and refuses CR/LF inside header values.
public struct EmailMessage: Sendable {
    public var from: EmailAddress
    public var to: [EmailAddress]
    public var cc: [EmailAddress]
    /// Envelope-only recipients: they receive the message but appear in no header.
    public var bcc: [EmailAddress]
    public var subject: String
    /// The text; any line ending (LF, CR, CRLF) is sent as CRLF.
    public var body: String
    /// The `Date` header; nil uses the client's clock when sending.
    public var date: Date?
    /// The `Message-ID` header including angle brackets; nil generates one at the sender's domain.
    public var messageID: String?
    /// More header fields (e.g. `X-Alert-Severity`), rendered after the standard ones.
    public var additionalHeaders: [(name: String, value: String)]

    public init(
        from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [], bcc: [EmailAddress] = [],
        subject: String, body: String, date: Date? = nil, messageID: String? = nil,
        additionalHeaders: [(name: String, value: String)] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
        self.additionalHeaders = additionalHeaders
    }

    /// Every envelope recipient (To, Cc, Bcc) in order, without duplicates.
    public var envelopeRecipients: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }
}
