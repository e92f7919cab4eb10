import Foundation

/// A request received by ``HTTPServer``, as its handler sees it.
public struct HTTPServerRequest: Sendable {
    /// The method as sent (any token, not only the predefined ones).
    public var method: HTTPMethod
    /// The path exactly as sent, without the query (e.g. "/api/v3/klines"); routes match it exactly.
    public var path: String
    /// The query's name/value pairs in order, `+` and percent escapes decoded; empty when there is none.
    public var queryItems: [(name: String, value: String)]
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// The body (Content-Length bytes); empty when there is none.
    public var body: Data
    /// "ip:port" of the client.
    public var remoteAddress: String
    /// "HTTP/1.1" or "HTTP/1.0".
    public var version: String

    public init(
        method: HTTPMethod, path: String, queryItems: [(name: String, value: String)] = [],
        headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), remoteAddress: String = "",
        version: String = "HTTP/1.1"
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.version = version
    }

    /// The first value of the query parameter `name`, or nil.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
