/// Sends one HTTP request and returns whatever response arrives. Implementations: the URLSession
/// transport for real traffic; tests may inject their own. Retries, status interpretation and error
/// typing are layered on top by `HTTPClient`, so a transport only throws when no response arrived.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
