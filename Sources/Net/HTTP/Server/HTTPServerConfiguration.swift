/// Where an ``HTTPServer`` listens and the limits that keep a bad or slow client from hurting it.
public struct HTTPServerConfiguration: Sendable {
    /// An IPv4 address; the default serves this machine only.
    public var host: String
    /// 0 picks a free port; read it back from ``HTTPServer/port``.
    public var port: UInt16
    /// Connections served at once. One more is answered `503 Service Unavailable` (with `Retry-After: 1`)
    /// and closed rather than queued, so an overloaded server says so at once instead of letting
    /// clients time out.
    public var maxConnections: Int
    /// The largest request line plus header block; larger is answered 431.
    public var maxHeaderBytes: Int
    /// The largest request body; larger is answered 413.
    public var maxBodyBytes: Int
    /// How long one request (head and body) may take to arrive once started; a client that trickles
    /// bytes slower than that is answered 408 and dropped.
    public var requestTimeout: Duration
    /// How long a connection may sit idle before (or between) requests before it is closed.
    public var idleTimeout: Duration
    /// How long writing a response may block on a client that does not read.
    public var writeTimeout: Duration
    /// Requests served on one keep-alive connection before the server closes it.
    public var maxRequestsPerConnection: Int
    /// How long ``HTTPServer/stop()`` lets running handlers finish before cancelling them.
    public var shutdownGracePeriod: Duration
    /// The kernel's queue of connections not yet accepted.
    public var backlog: Int32

    public init(
        host: String = "127.0.0.1", port: UInt16 = 0, maxConnections: Int = 256, maxHeaderBytes: Int = 16 * 1024,
        maxBodyBytes: Int = 1024 * 1024, requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(5),
        writeTimeout: Duration = .seconds(10), maxRequestsPerConnection: Int = 100,
        shutdownGracePeriod: Duration = .seconds(5),
        backlog: Int32 = 512
    ) {
        self.host = host
        self.port = port
        self.maxConnections = max(1, maxConnections)
        self.maxHeaderBytes = max(256, maxHeaderBytes)
        self.maxBodyBytes = max(0, maxBodyBytes)
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.writeTimeout = writeTimeout
        self.maxRequestsPerConnection = max(1, maxRequestsPerConnection)
        self.shutdownGracePeriod = shutdownGracePeriod
        self.backlog = backlog
    }
}
