import BotNet
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Serves a ``MetricsRegistry`` for Prometheus: `GET`/`HEAD /metrics` on a loopback address.
///
/// The query string and a trailing `/` are ignored; other paths answer 404, other methods 405. The body is
/// rendered for every request, so a scrape always sees the current values.
///
/// ```swift
/// let server = MetricsServer(registry: registry, port: 9108)
/// let port = try await server.start()   // http://127.0.0.1:9108/metrics
/// await server.stop()
/// ```
public actor MetricsServer {
    /// The exposition format's media type.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"
    /// The path served.
    public static let path = "/metrics"

    public let registry: MetricsRegistry
    public let host: String
    public let port: Int
    private var server: HTTPServer?

    /// - Parameter port: 0 picks a free port (read it from ``start()``).
    public init(registry: MetricsRegistry, host: String = "127.0.0.1", port: Int = 9108) {
        self.registry = registry
        self.host = host
        self.port = port
    }

    /// Starts listening and returns the bound port; when already started, returns the port in use.
    public func start() async throws(MetricsServerError) -> Int {
        if let server { return Int(server.port) }
        guard let requested = UInt16(exactly: port) else { throw .invalidPort(port) }
        let registry = registry
        var router = HTTPRouter()
        router.fallback = { request in Self.respond(to: request, registry: registry) }
        do {
            let started = try HTTPServer.start(
                router: router, configuration: HTTPServerConfiguration(host: host, port: requested))
            server = started
            return Int(started.port)
        } catch {
            if case .cannotListen(_, _, let reason) = error, reason == String(cString: strerror(EADDRINUSE)) {
                throw .portInUse(host: host, port: port)
            }
            throw .cannotListen(host: host, port: port, reason: error.description)
        }
    }

    /// Stops serving; requests in progress finish first. Does nothing when not started.
    public func stop() async {
        guard let server else { return }
        self.server = nil
        await server.stop()
    }

    private static func respond(to request: HTTPServerRequest, registry: MetricsRegistry) -> HTTPResponse {
        var path = Substring(request.path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        var headers = HTTPHeaders()
        headers["Content-Type"] = "text/plain; charset=utf-8"
        guard path == Self.path else {
            return HTTPResponse(status: 404, headers: headers, body: Data("not found; metrics are at /metrics\n".utf8))
        }
        guard request.method == .get || request.method == .head else {
            headers["Allow"] = "GET, HEAD"
            return HTTPResponse(status: 405, headers: headers, body: Data("use GET or HEAD\n".utf8))
        }
        headers["Content-Type"] = Self.contentType
        return HTTPResponse(status: 200, headers: headers, body: Data(registry.renderPrometheus().utf8))
    }
}
