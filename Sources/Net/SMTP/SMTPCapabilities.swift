/// What a server announced in its EHLO reply (RFC 5321 §4.1.1.1 and the extension RFCs).
public struct SMTPCapabilities: Sendable, Equatable {
    /// Every extension keyword (uppercased) with its parameters as sent.
    public let extensions: [String: [String]]

    /// Parses the lines of a `250` EHLO reply; the first line is the server's greeting name.
    public init(ehloReply: SMTPReply) {
        var extensions: [String: [String]] = [:]
        for line in ehloReply.lines.dropFirst() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            // "AUTH=LOGIN PLAIN" is an old spelling some servers still send next to "AUTH LOGIN PLAIN".
            extensions[keyword.uppercased(), default: []].append(contentsOf: words.dropFirst())
        }
        self.extensions = extensions
    }

    /// No extensions: what a HELO-only server offers.
    public static let empty = SMTPCapabilities(extensions: [:])

    private init(extensions: [String: [String]]) { self.extensions = extensions }

    /// The SASL mechanisms after `AUTH`, uppercased, duplicates removed, in the order announced.
    public var authMechanisms: [String] {
        var seen = Set<String>()
        return (extensions["AUTH"] ?? []).map { $0.uppercased() }.filter { seen.insert($0).inserted }
    }

    /// The largest message the server accepts (`SIZE n`); nil when unannounced or unlimited (0).
    public var maximumMessageSize: Int? {
        guard let text = extensions["SIZE"]?.first, let size = Int(text), size > 0 else { return nil }
        return size
    }

    /// `8BITMIME`: bodies with bytes above 127 may be sent unencoded.
    public var supports8BitMIME: Bool { extensions["8BITMIME"] != nil }

    /// `SMTPUTF8`: addresses and headers may contain UTF-8 (RFC 6531).
    public var supportsSMTPUTF8: Bool { extensions["SMTPUTF8"] != nil }
}
