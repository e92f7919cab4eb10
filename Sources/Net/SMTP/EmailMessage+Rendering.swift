import Foundation

/// A message ready for DATA, with what the envelope must announce for it.
struct RenderedEmail: Sendable {
    enum TransferEncoding: String, Sendable {
        case sevenBit = "7bit"
        case eightBit = "8bit"
        case base64
    }

    /// Headers, blank line and body, CRLF line endings, not yet dot-stuffed.
    let bytes: [UInt8]
    let messageID: String
    let transferEncoding: TransferEncoding
    /// An address or header holds UTF-8, so the server must support SMTPUTF8.
    let needsSMTPUTF8: Bool
}

extension EmailMessage {
    /// Renders the message. `allows8Bit` says whether the server announced 8BITMIME; without it a non-ASCII
    /// body is sent base64, as is any body with a line over 998 bytes.
    func rendered(date: Date, allows8Bit: Bool, generatedMessageID: () -> String) throws(EmailMessageError)
        -> RenderedEmail
    {
        guard !envelopeRecipients.isEmpty else { throw .noRecipients }
        for mailbox in [from] + to + cc + bcc { _ = try mailbox.validated() }
        try Self.checkValue(subject, field: "Subject")
        let messageID = self.messageID ?? generatedMessageID()
        try Self.checkValue(messageID, field: "Message-ID")
        for header in additionalHeaders {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != 0x3A })
            else { throw .invalidHeaderName(header.name) }
            guard !Self.renderedHeaderNames.contains(header.name.lowercased()) else {
                throw .reservedHeader(header.name)
            }
            try Self.checkValue(header.value, field: header.name)
        }

        let body = MIMEEncoding.normalizedLines(self.body)
        let isASCII = body.allSatisfy { $0 < 0x80 }
        let fitsLineLimit = MIMEEncoding.longestLine(body) <= 998
        let encoding: RenderedEmail.TransferEncoding =
            switch (isASCII, fitsLineLimit, allows8Bit) {
            case (true, true, _): .sevenBit
            case (false, true, true): .eightBit
            default: .base64
            }

        var head = "Date: \(Self.rfc5322Date(date))\r\n"
        head += MIMEEncoding.foldedField("From", MIMEEncoding.mailboxTokens(from))
        if !to.isEmpty { head += MIMEEncoding.foldedField("To", MIMEEncoding.mailboxListTokens(to)) }
        if !cc.isEmpty { head += MIMEEncoding.foldedField("Cc", MIMEEncoding.mailboxListTokens(cc)) }
        head += MIMEEncoding.foldedField("Subject", MIMEEncoding.unstructuredTokens(subject))
        head += "Message-ID: \(messageID)\r\n"
        head += "MIME-Version: 1.0\r\n"
        head += "Content-Type: text/plain; charset=utf-8\r\n"
        head += "Content-Transfer-Encoding: \(encoding.rawValue)\r\n"
        for header in additionalHeaders {
            head += MIMEEncoding.foldedField(header.name, MIMEEncoding.unstructuredTokens(header.value))
        }
        head += "\r\n"

        var bytes = Array(head.utf8)
        bytes += encoding == .base64 ? MIMEEncoding.base64Lines(body) : body
        let needsSMTPUTF8 = !([from] + to + cc + bcc).allSatisfy(\.isASCII)
        return RenderedEmail(
            bytes: bytes, messageID: messageID, transferEncoding: encoding, needsSMTPUTF8: needsSMTPUTF8)
    }

    /// Headers the renderer writes itself (and Bcc, which must never appear), lowercased.
    private static let renderedHeaderNames: Set<String> = [
        "date", "from", "to", "cc", "bcc", "subject", "message-id", "mime-version", "content-type",
        "content-transfer-encoding",
    ]

    /// `<random@domain-of-sender>`: unique without any state, which is all RFC 5322 §3.6.4 asks.
    func generatedMessageID() -> String {
        "<\(UUID().uuidString.lowercased())@\(from.domain)>"
    }

    private static func checkValue(_ value: String, field: String) throws(EmailMessageError) {
        if value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            throw .lineBreakInHeader(field: field)
        }
    }

    /// `Sat, 21 Nov 2026 19:34:49 +0000` (RFC 5322 §3.3), always in UTC.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return
            "\(weekdays[((parts.weekday ?? 1) - 1) % 7]), \(two(parts.day)) \(months[((parts.month ?? 1) - 1) % 12]) "
            + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
