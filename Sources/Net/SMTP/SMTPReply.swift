/// One reply of an SMTP server: a three-digit code and one or more text lines (RFC 5321 §4.2).
public struct SMTPReply: Sendable, Equatable {
    public let code: Int
    /// The text of each line without the code and separator, e.g. `["mail.example.com", "SIZE 1000"]`.
    public let lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// The lines joined with spaces, for messages.
    public var text: String { lines.joined(separator: " ") }

    var isPositiveCompletion: Bool { (200..<300).contains(code) }
    var isIntermediate: Bool { (300..<400).contains(code) }
    var isPermanentFailure: Bool { (500..<600).contains(code) }
}
