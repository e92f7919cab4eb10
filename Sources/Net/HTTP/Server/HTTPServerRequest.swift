import Foundation

/// A request received by ``HTTPServer``, as its handler sees it.
public struct HTTPServerRequest: Sendable {
    /// The method as sent (any token, not only the predefined ones).
    public var method: HTTPMethod
    /// The path exactly as sent, without the query (e.g. "/api/v3/klines"); routes match it exactly.
    public var path: String
    /// The query exactly as sent, without the "?" (what an exchange signs); empty when there is none.
    public var query: String
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// The body (Content-Length bytes); empty when there is none.
    public var body: Data
    /// "ip:port" of the client.
    public var remoteAddress: String
    /// "HTTP/1.1" or "HTTP/1.0".
    public var version: String

    public init(
        method: HTTPMethod, path: String, query: String = "", headers: HTTPHeaders = HTTPHeaders(),
        body: Data = Data(), remoteAddress: String = "", version: String = "HTTP/1.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.version = version
    }

    /// The query's name/value pairs in order, with `+` and percent escapes decoded.
    public var queryItems: [(name: String, value: String)] { Self.formItems(query) }

    /// The first value of the query parameter `name`, or nil.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The body's name/value pairs when it is `application/x-www-form-urlencoded` (how signed POST
    /// parameters usually travel); empty otherwise.
    public var formItems: [(name: String, value: String)] {
        guard headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return []
        }
        return Self.formItems(String(decoding: body, as: UTF8.self))
    }

    /// Pairs split on `&` and the first `=`, with `+` and percent escapes decoded (a bad escape leaves
    /// the text as sent).
    static func formItems(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? decode(parts[1]) : ""
            return (name: decode(parts[0]), value: value)
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
