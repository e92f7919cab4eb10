/// Why the metrics endpoint could not start.
public enum MetricsServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process listens on the port already.
    case portInUse(host: String, port: Int)
    /// The port is outside 0...65535.
    case invalidPort(Int)
    /// Binding or listening failed for another reason.
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "cannot serve metrics on \(host):\(port): the port is already in use — pick a free one with "
                + "--metrics-port <port>, or --metrics-port 0 to disable the endpoint"
        case .invalidPort(let port):
            "metrics port \(port) is not a TCP port (0...65535); fix --metrics-port"
        case .cannotListen(let host, let port, let reason):
            "cannot serve metrics on \(host):\(port): \(reason) — check --metrics-port"
        }
    }
}
