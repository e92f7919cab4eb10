import Foundation

/// A response received by an ``HTTPTransport``: any status, including errors (deciding what a status
/// means is the caller's job, see `HTTPClient`).
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
