import Foundation

/// The request line and header fields of one HTTP/1.x request, parsed from untrusted bytes.
///
/// Strict where leniency enables request smuggling (whitespace before a colon, folded lines, conflicting
/// Content-Length, Transfer-Encoding), lenient where it is harmless (a bare LF ends a line).
struct HTTPRequestHead {
    var method: HTTPMethod
    var path: String
    var query: String
    var version: String
    var headers: HTTPHeaders
    var contentLength: Int
    /// The client wants the connection kept open after this request.
    var keepAlive: Bool
    var expectsContinue: Bool

    /// A request the server answers with an error status and then closes the connection.
    struct Rejection: Error, Equatable {
        var status: Int
        var reason: String
    }

    /// Parses the head (the bytes before the blank line, without it).
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<HTTPRequestHead, Rejection> {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == lf {
            var end = index
            if end > lineStart, bytes[end - 1] == cr { end -= 1 }
            lines.append(bytes[lineStart..<end])
            lineStart = index + 1
        }
        if lineStart < bytes.endIndex {
            var end = bytes.endIndex
            if bytes[end - 1] == cr { end -= 1 }
            lines.append(bytes[lineStart..<end])
        }
        guard let requestLine = lines.first else { return .failure(bad("empty request")) }

        let parts = requestLine.split(separator: space, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(bad("malformed request line"))
        }
        guard parts[0].allSatisfy(isTokenByte) else { return .failure(bad("invalid method")) }
        let method = HTTPMethod(rawValue: String(decoding: parts[0], as: UTF8.self))
        guard parts[1].allSatisfy({ $0 > 0x20 && $0 != 0x7f }) else { return .failure(bad("invalid target")) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            if version.hasPrefix("HTTP/") {
                return .failure(Rejection(status: 505, reason: "only HTTP/1.0 and HTTP/1.1 are supported"))
            }
            return .failure(bad("malformed HTTP version"))
        }
        guard let (path, query) = splitTarget(String(decoding: parts[1], as: UTF8.self)) else {
            return .failure(bad("invalid request target"))
        }

        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let first = line.first, first != space, first != tab else {
                return .failure(bad("folded or empty header line"))
            }
            guard let colon = line.firstIndex(of: colonByte) else { return .failure(bad("header line without colon")) }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return .failure(bad("invalid header name")) }
            var value = line[(colon + 1)...]
            while let byte = value.first, byte == space || byte == tab { value = value.dropFirst() }
            while let byte = value.last, byte == space || byte == tab { value = value.dropLast() }
            guard value.allSatisfy({ $0 == tab || ($0 >= 0x20 && $0 != 0x7f) }) else {
                return .failure(bad("control character in a header value"))
            }
            headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
        }

        if !headers.values(for: "Transfer-Encoding").isEmpty {
            return .failure(
                Rejection(
                    status: 501, reason: "Transfer-Encoding request bodies are not supported; send Content-Length"))
        }
        var contentLength = 0
        let lengths = headers.values(for: "Content-Length").flatMap { $0.split(separator: ",") }
        if !lengths.isEmpty {
            let parsed = lengths.map { parseLength($0.trimmingCharacters(in: .whitespaces)) }
            guard let first = parsed.first, let length = first, parsed.allSatisfy({ $0 == length }) else {
                return .failure(bad("invalid Content-Length"))
            }
            contentLength = length
        }
        let hosts = headers.values(for: "Host")
        if version == "HTTP/1.1" && hosts.count != 1 || hosts.count > 1 {
            return .failure(bad("an HTTP/1.1 request needs exactly one Host header"))
        }

        let connection = Set(
            headers.values(for: "Connection").flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let keepAlive =
            version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        let expectsContinue = headers["Expect"]?.lowercased() == "100-continue"
        return .success(
            HTTPRequestHead(
                method: method, path: path, query: query, version: version, headers: headers,
                contentLength: contentLength, keepAlive: keepAlive, expectsContinue: expectsContinue))
    }

    /// Splits an origin-form ("/a?b") or absolute-form ("http://h/a?b") target into path and query.
    private static func splitTarget(_ target: String) -> (path: String, query: String)? {
        var rest = Substring(target)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if rest.first != "/", let separator = rest.range(of: "://") {
            let scheme = rest[..<separator.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else { return nil }
            let afterScheme = rest[separator.upperBound...]
            guard let slash = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return ("/", "") }
            rest = afterScheme[slash...]
            if rest.first == "?" { rest = "/" + rest }
        }
        guard rest.first == "/" else { return nil }
        guard let mark = rest.firstIndex(of: "?") else { return (String(rest), "") }
        return (String(rest[..<mark]), String(rest[rest.index(after: mark)...]))
    }

    /// A decimal length without sign or overflow (at most 18 digits), or nil.
    private static func parseLength(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int(text)
    }

    private static func bad(_ reason: String) -> Rejection { Rejection(status: 400, reason: reason) }
}

private let cr: UInt8 = 0x0d
private let lf: UInt8 = 0x0a
private let space: UInt8 = 0x20
private let tab: UInt8 = 0x09
private let colonByte: UInt8 = 0x3a

/// RFC 9110 `tchar`: the bytes allowed in a method or header name.
private func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5a, 0x61...0x7a: true
    case 0x21, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2a, 0x2b, 0x2d, 0x2e, 0x5e, 0x5f, 0x60, 0x7c, 0x7e: true
    default: false
    }
}
