import Foundation

/// The ASCII armor of age files: strict PEM (RFC 7468 §3) with the label `AGE ENCRYPTED FILE`.
enum AgeArmor {
    static let header = Array("-----BEGIN AGE ENCRYPTED FILE-----".utf8)
    static let footer = Array("-----END AGE ENCRYPTED FILE-----".utf8)
    static let columns = 64

    /// Whether `file`, after leading whitespace, starts with the armor header.
    static func isArmored(_ file: [UInt8]) -> Bool {
        guard let start = file.firstIndex(where: { !isWhitespace($0) }) else { return false }
        return file[start...].starts(with: header)
    }

    static func armor(_ binary: [UInt8]) -> [UInt8] {
        let text = Base64.encodeToBytes(binary, alphabet: .standard, padded: true)
        var output = header + [0x0a]
        output.reserveCapacity(text.count + text.count / columns + 80)
        var index = 0
        while index < text.count {
            let end = min(index + columns, text.count)
            output.append(contentsOf: text[index..<end])
            output.append(0x0a)
            index = end
        }
        output.append(contentsOf: footer)
        output.append(0x0a)
        return output
    }

    /// The binary file inside the armor. Whitespace is allowed only around the PEM block; lines may end in
    /// LF or CRLF; every base64 line but the last must be exactly 64 columns; the base64 must be canonical.
    static func dearmor(_ file: [UInt8]) throws(AgeError) -> [UInt8] {
        var lines = [ArraySlice<UInt8>]()
        var start = file.startIndex
        for index in file.indices where file[index] == 0x0a {
            lines.append(file[start..<index])
            start = index + 1
        }
        if start < file.endIndex { lines.append(file[start...]) }
        lines = lines.map { $0.last == 0x0d ? $0.dropLast() : $0 }

        var lineIndex = 0
        // Skip blank lines before the block; leading spaces on the header line are allowed too.
        while lineIndex < lines.count, lines[lineIndex].allSatisfy(isWhitespace) { lineIndex += 1 }
        guard lineIndex < lines.count, Array(lines[lineIndex].drop(while: isWhitespace)) == header else {
            throw .malformedArmor(line: lineIndex + 1, reason: "expected '-----BEGIN AGE ENCRYPTED FILE-----'")
        }
        lineIndex += 1
        var text = [UInt8]()
        var sawShortLine = false
        while true {
            guard lineIndex < lines.count else {
                throw .truncated(reason: "the armor has no '-----END AGE ENCRYPTED FILE-----' line")
            }
            let line = lines[lineIndex]
            if Array(line) == footer { break }
            guard !sawShortLine else {
                throw .malformedArmor(
                    line: lineIndex + 1, reason: "a base64 line shorter than 64 columns must be the last one")
            }
            guard line.count > 0, line.count <= columns else {
                throw .malformedArmor(line: lineIndex + 1, reason: "base64 lines must be 1 to 64 columns long")
            }
            if line.count < columns { sawShortLine = true }
            text.append(contentsOf: line)
            lineIndex += 1
        }
        guard !text.isEmpty else { throw .malformedArmor(line: lineIndex + 1, reason: "the armor holds no data") }
        let footerLine = lineIndex + 1
        lineIndex += 1
        // After the footer only whitespace may follow (a final newline, say).
        while lineIndex < lines.count {
            guard lines[lineIndex].allSatisfy(isWhitespace) else {
                throw .malformedArmor(line: lineIndex + 1, reason: "data after '-----END AGE ENCRYPTED FILE-----'")
            }
            lineIndex += 1
        }
        guard let binary = Base64.decode(bytes: text, alphabet: .standard, padding: .required) else {
            throw .malformedArmor(line: footerLine - 1, reason: "the armored data is not canonical padded base64")
        }
        return binary
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
    }
}
