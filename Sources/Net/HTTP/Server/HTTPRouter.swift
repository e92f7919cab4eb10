/// Which handler answers which method and exact path, plus an optional fallback for unknown paths.
///
/// A known path asked with a method it has no handler for is answered 405 with an `Allow` header; an
/// unknown path goes to ``fallback`` or is answered 404. HEAD falls back to the GET handler, without the
/// body.
public struct HTTPRouter: Sendable {
    public typealias Handler = @Sendable (HTTPServerRequest) async -> HTTPResponse

    private var routes: [String: [HTTPMethod: Handler]] = [:]
    /// Answers requests for paths no route names; nil answers them 404.
    public var fallback: Handler?

    public init(fallback: Handler? = nil) { self.fallback = fallback }

    /// Routes `method` requests for exactly `path` (no query) to `handler`, replacing an earlier one.
    public mutating func add(_ method: HTTPMethod, _ path: String, handler: @escaping Handler) {
        routes[path, default: [:]][method] = handler
    }

    enum Resolution {
        case handler(Handler)
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    func resolve(method: HTTPMethod, path: String) -> Resolution {
        guard let methods = routes[path] else {
            return fallback.map(Resolution.handler) ?? .notFound
        }
        if let handler = methods[method] ?? (method == .head ? methods[.get] : nil) {
            return .handler(handler)
        }
        return .methodNotAllowed(allowed: methods.keys.sorted { $0.rawValue < $1.rawValue })
    }
}
