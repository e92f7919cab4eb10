import Foundation

/// The textual header of an age v1 file: recipient stanzas and the MAC that binds them.
struct AgeHeader {
    /// One `-> type args…` stanza with its decoded body.
    struct Stanza {
        let arguments: [String]
        let body: [UInt8]
        /// 1-based line of the `->` line, for error messages.
        let line: Int
    }

    static let versionLine = Array("age-encryption.org/v1".utf8)
    static let versionPrefix = Array("age-encryption.org/".utf8)
    static let bodyColumns = 64

    let stanzas: [Stanza]
    /// The MAC from the `---` line.
    let mac: [UInt8]
    /// The bytes the MAC covers: the header up to and including `---`.
    let authenticatedBytes: ArraySlice<UInt8>
    /// Offset of the first payload byte in the file.
    let payloadOffset: Int

    /// Parses the header at the start of a binary age file.
    init(parsing file: [UInt8]) throws(AgeError) {
        var cursor = file.startIndex
        var lineNumber = 0

        func nextLine() throws(AgeError) -> ArraySlice<UInt8> {
            guard cursor < file.endIndex else {
                throw .truncated(reason: "the header ends after line \(lineNumber), before its '---' MAC line")
            }
            guard let end = file[cursor...].firstIndex(of: 0x0a) else {
                throw .truncated(reason: "header line \(lineNumber + 1) has no line feed; the header is cut short")
            }
            let line = file[cursor..<end]
            cursor = end + 1
            lineNumber += 1
            return line
        }

        let version = try nextLine()
        guard Array(version) == Self.versionLine else {
            if version.starts(with: Self.versionPrefix) {
                throw .unsupportedVersion(String(decoding: version.prefix(80), as: UTF8.self))
            }
            throw .malformedHeader(line: 1, reason: "not an age file: the first line must be 'age-encryption.org/v1'")
        }

        var stanzas = [Stanza]()
        while true {
            let lineStart = cursor
            let line = try nextLine()
            if line.starts(with: Array("---".utf8)) {
                guard !stanzas.isEmpty else {
                    throw .malformedHeader(line: lineNumber, reason: "the header has no recipient stanza")
                }
                let encoded = line.dropFirst(3)
                guard encoded.first == 0x20, encoded.count == 44,
                    let mac = Base64.decode(
                        bytes: Array(encoded.dropFirst()), alphabet: .standard, padding: .forbidden),
                    mac.count == 32
                else {
                    throw .malformedHeader(
                        line: lineNumber, reason: "the MAC line must be '--- ' and 43 characters of unpadded base64")
                }
                self.stanzas = stanzas
                self.mac = mac
                self.authenticatedBytes = file[file.startIndex..<(lineStart + 3)]
                self.payloadOffset = cursor
                return
            }
            guard line.starts(with: Array("-> ".utf8)) else {
                throw .malformedHeader(line: lineNumber, reason: "expected a '-> ' stanza or the '---' MAC line")
            }
            let stanzaLine = lineNumber
            let argumentText = line.dropFirst(3)
            let arguments = argumentText.split(separator: 0x20, omittingEmptySubsequences: false)
            guard !arguments.isEmpty,
                arguments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x21...0x7e).contains($0) } })
            else {
                throw .malformedHeader(
                    line: stanzaLine,
                    reason: "stanza arguments must be printable ASCII separated by single spaces")
            }
            var bodyText = [UInt8]()
            while true {
                let bodyLine = try nextLine()
                guard bodyLine.count <= Self.bodyColumns else {
                    throw .malformedHeader(line: lineNumber, reason: "stanza body lines must be at most 64 columns")
                }
                bodyText.append(contentsOf: bodyLine)
                if bodyLine.count < Self.bodyColumns { break }
            }
            guard let body = Base64.decode(bytes: bodyText, alphabet: .standard, padding: .forbidden) else {
                throw .malformedHeader(
                    line: lineNumber, reason: "the stanza body is not canonical unpadded base64")
            }
            stanzas.append(
                Stanza(
                    arguments: arguments.map { String(decoding: $0, as: UTF8.self) }, body: body, line: stanzaLine))
        }
    }

    /// The header text up to and including `---` for one stanza, ready for the MAC.
    static func authenticatedText(arguments: [String], body: [UInt8]) -> [UInt8] {
        var text = versionLine + [0x0a]
        text.append(contentsOf: Array("-> ".utf8))
        text.append(contentsOf: Array(arguments.joined(separator: " ").utf8))
        text.append(0x0a)
        let encoded = Base64.encodeToBytes(body, alphabet: .standard, padded: false)
        var index = 0
        // Full 64-column lines, then a final shorter (possibly empty) line.
        while index + bodyColumns <= encoded.count {
            text.append(contentsOf: encoded[index..<(index + bodyColumns)])
            text.append(0x0a)
            index += bodyColumns
        }
        text.append(contentsOf: encoded[index...])
        text.append(0x0a)
        text.append(contentsOf: Array("---".utf8))
        return text
    }
}
