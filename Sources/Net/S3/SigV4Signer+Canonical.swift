// The canonical forms of the path, query and headers (AWS SigV4 "Create a canonical request").

extension SigV4Signer {
    /// The canonical URI: each segment percent-encoded with the AWS rules (see ``Options``).
    func canonicalURI(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // A leading "/" yields an empty first segment; the canonical URI always starts with "/".
        if segments.first == "" { segments.removeFirst() }
        if options.normalizesPath {
            let endsWithSlash = path.hasSuffix("/")
            var kept: [String] = []
            for segment in segments {
                switch segment {
                case "", ".": continue
                case "..": _ = kept.popLast()
                default: kept.append(segment)
                }
            }
            if endsWithSlash, !kept.isEmpty { kept.append("") }
            segments = kept
        }
        let encoded = segments.map { segment in
            options.encodesPathTwice
                ? SigV4Encoding.encode(Array(segment.utf8))
                : SigV4Encoding.encode(SigV4Encoding.percentDecoded(segment))
        }
        return "/" + encoded.joined(separator: "/")
    }

    /// The canonical query: every parameter decoded, re-encoded with the AWS rules, sorted by name then
    /// value (byte order), joined with `&`; a parameter without `=` gets an empty value.
    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        var pairs: [(name: String, value: String)] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let name: Substring
            let value: Substring
            if let equals = item.firstIndex(of: "=") {
                name = item[..<equals]
                value = item[item.index(after: equals)...]
            } else {
                name = item
                value = ""
            }
            pairs.append(
                (
                    SigV4Encoding.encode(SigV4Encoding.percentDecoded(name)),
                    SigV4Encoding.encode(SigV4Encoding.percentDecoded(value))
                ))
        }
        pairs.sort { lhs, rhs in
            lhs.name == rhs.name
                ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// The canonical header block (each `name:value` line followed by a newline) and the signed header
    /// list. Names are lowercased; values trimmed with inner runs of spaces folded to one; repeated
    /// fields joined with `,` in the order they appear.
    static func canonicalHeaders(_ headers: HTTPHeaders) -> (block: String, signed: String) {
        var byName: [String: [String]] = [:]
        var order: [String] = []
        for field in headers {
            let name = field.name.lowercased()
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(foldedValue(field.value))
        }
        order.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var block = ""
        for name in order {
            block += name + ":" + byName[name, default: []].joined(separator: ",") + "\n"
        }
        return (block, order.joined(separator: ";"))
    }

    private static func foldedValue(_ value: String) -> String {
        var result = [UInt8]()
        result.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
