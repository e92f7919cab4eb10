/// What the simulator has served since it started (or since the last reset): per venue, requests by
/// endpoint and by status, and candle rows sent. Tests use it to assert "the fewest requests".
public struct SimulatorStatistics: Sendable, Equatable {
    /// The counters of one venue.
    public struct Counters: Sendable, Equatable {
        /// Requests received, faulted ones included.
        public var requests = 0
        /// Candle rows sent in successful responses (duplicates included).
        public var candles = 0
        /// Requests by endpoint path template (`/api/v3/klines`,
        /// `/rest/trading/candle/history/{pair}/{resolution}`).
        public var endpoints: [String: Int] = [:]
        /// Requests by response status.
        public var statuses: [Int: Int] = [:]

        /// All counters at zero.
        public init() {}
    }

    /// Counters by venue; a venue never asked is absent.
    public var venues: [Venue: Counters] = [:]

    /// No requests yet.
    public init() {}

    /// Requests to `venue`, to one endpoint when given.
    public func requests(_ venue: Venue, endpoint: String? = nil) -> Int {
        guard let counters = venues[venue] else { return 0 }
        guard let endpoint else { return counters.requests }
        return counters.endpoints[endpoint] ?? 0
    }

    /// Requests to every venue.
    public var totalRequests: Int { venues.values.reduce(0) { $0 + $1.requests } }

    mutating func record(_ venue: Venue, endpoint: String, status: Int, candles: Int) {
        var counters = venues[venue] ?? Counters()
        counters.requests += 1
        counters.candles += candles
        counters.endpoints[endpoint, default: 0] += 1
        counters.statuses[status, default: 0] += 1
        venues[venue] = counters
    }

    /// `{"total_requests": n, "venues": {"binance_spot": {"requests", "candles", "endpoints", "statuses"}}}`
    /// with keys sorted, for `GET /__simulator/stats`.
    var json: [UInt8] {
        var writer = SimulatorJSONWriter()
        writer.raw("{\"total_requests\":")
        writer.integer(Int64(totalRequests))
        writer.raw(",\"venues\":{")
        for (position, venue) in venues.keys.sorted(by: { $0.rawValue < $1.rawValue }).enumerated() {
            guard let counters = venues[venue] else { continue }
            if position > 0 { writer.raw(",") }
            writer.string(venue.rawValue)
            writer.raw(":{\"requests\":")
            writer.integer(Int64(counters.requests))
            writer.raw(",\"candles\":")
            writer.integer(Int64(counters.candles))
            writer.raw(",\"endpoints\":{")
            for (index, endpoint) in counters.endpoints.keys.sorted().enumerated() {
                if index > 0 { writer.raw(",") }
                writer.string(endpoint)
                writer.raw(":")
                writer.integer(Int64(counters.endpoints[endpoint] ?? 0))
            }
            writer.raw("},\"statuses\":{")
            for (index, status) in counters.statuses.keys.sorted().enumerated() {
                if index > 0 { writer.raw(",") }
                writer.string(String(status))
                writer.raw(":")
                writer.integer(Int64(counters.statuses[status] ?? 0))
            }
            writer.raw("}}")
        }
        writer.raw("}}")
        return writer.bytes
    }
}
