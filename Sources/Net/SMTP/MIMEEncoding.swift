import Foundation

/// The MIME encodings the e-mail renderer needs: RFC 2047 encoded-words, header folding and base64 bodies.
enum MIMEEncoding {
    /// Header lines are folded before this many columns (RFC 2047 §2 limits a line holding encoded-words to 76).
    static let maximumLineLength = 76
    /// Bytes of UTF-8 per encoded-word: 39 bytes are 52 base64 characters, so a word is 64 columns and fits
    /// after the longest standard header name on the first line.
    static let bytesPerEncodedWord = 39

    /// True when `text` can go into a header as is: printable ASCII (and tabs/spaces) only, and no `=?` that a
    /// decoder would take for the start of an encoded-word.
    static func isPlainHeaderText(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x09 || (0x20...0x7E).contains($0) } && !text.contains("=?")
    }

    /// `text` as `=?UTF-8?B?…?=` words of at most ``bytesPerEncodedWord`` bytes, never splitting a character.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord, !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// The tokens of an unstructured header value (Subject, extra headers): encoded-words when the text is
    /// not plain ASCII, otherwise its space-separated words (folding replaces a single space by CRLF SP,
    /// which unfolding turns back into the same space).
    static func unstructuredTokens(_ text: String) -> [String] {
        if isPlainHeaderText(text) {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            // A word too long to fold around would exceed the 998-byte line limit: encode instead.
            if words.allSatisfy({ $0.utf8.count < 900 }) { return words }
        }
        return encodedWords(text)
    }

    /// `Name: tokens…` with tokens separated by single spaces, folded (CRLF SP) before a line would pass
    /// ``maximumLineLength``. Ends with CRLF.
    static func foldedField(_ name: String, _ tokens: [String]) -> String {
        var result = name + ":"
        var lineLength = result.utf8.count
        for (index, token) in tokens.enumerated() {
            let length = token.utf8.count
            // Folding before the first token is allowed too, but only worth it when the token then fits.
            if index > 0, lineLength + 1 + length > maximumLineLength {
                result += "\r\n " + token
                lineLength = 1 + length
            } else {
                result += " " + token
                lineLength += 1 + length
            }
        }
        return result + "\r\n"
    }

    /// The header tokens of one mailbox: the display name (quoted or encoded) then `<address>`.
    static func mailboxTokens(_ mailbox: EmailAddress) -> [String] {
        guard let name = mailbox.displayName, !name.isEmpty else { return [mailbox.address] }
        let nameTokens: [String]
        if isPlainHeaderText(name) {
            let isAtomText = name.utf8.allSatisfy { byte in
                byte == 0x20 || (0x21...0x7E).contains(byte) && !"()<>[]:;@\\,.\"".utf8.contains(byte)
            }
            nameTokens =
                isAtomText
                ? [name]
                : [
                    "\""
                        + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                        + "\""
                ]
        } else {
            nameTokens = encodedWords(name)
        }
        return nameTokens + ["<\(mailbox.address)>"]
    }

    /// Mailboxes separated by commas, as header tokens.
    static func mailboxListTokens(_ mailboxes: [EmailAddress]) -> [String] {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxTokens = mailboxTokens(mailbox)
            if index < mailboxes.count - 1 { mailboxTokens[mailboxTokens.count - 1] += "," }
            tokens += mailboxTokens
        }
        return tokens
    }

    /// Base64 in lines of 76 characters, each ended by CRLF (RFC 2045 §6.8).
    static func base64Lines(_ bytes: [UInt8]) -> [UInt8] {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var out = [UInt8]()
        out.reserveCapacity(encoded.count + encoded.count / 76 * 2 + 2)
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            out.append(contentsOf: encoded[start..<end])
            out.append(contentsOf: [0x0D, 0x0A])
            start = end
        }
        return out
    }

    /// `text` with every line ending (CRLF, CR, LF) as CRLF, and a final CRLF when missing.
    static func normalizedLines(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 32 + 2)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(contentsOf: [0x0D, 0x0A])
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else if byte == 0x0A {
                out.append(contentsOf: [0x0D, 0x0A])
            } else {
                out.append(byte)
            }
            index += 1
        }
        if !out.isEmpty, out.last != 0x0A { out.append(contentsOf: [0x0D, 0x0A]) }
        return out
    }

    /// The longest line of CRLF-separated `bytes`, without its CRLF.
    static func longestLine(_ bytes: [UInt8]) -> Int {
        var longest = 0
        var current = 0
        for byte in bytes {
            if byte == 0x0A {
                longest = max(longest, current - 1)
                current = 0
            } else {
                current += 1
            }
        }
        return max(longest, current)
    }
}
