import Foundation

/// What the gap monitor remembers between checks, as a value the manifest can store (the reference kept
/// it in memory only, so a restart silently forgot open incidents).
public struct GapState: Sendable, Hashable, Codable {
    /// The memory of one series.
    public struct Series: Sendable, Hashable, Codable {
        /// When gap checks happened inside the incident window (epoch ms), oldest first.
        public var warningTimes: [Int64] = []
        /// When the open incident started, or nil.
        public var incidentOpenedAt: Int64?
        /// Whether the open incident was escalated by SMS.
        public var smsEscalated = false
        /// When the last warning alert went out, or nil.
        public var lastWarningAlertAt: Int64?
        /// Whether a missing- or unreadable-data alert went out and the data has not come back since.
        public var dataProblemAlerted = false

        public init() {}

        /// Whether nothing is remembered (the series can be dropped from the state).
        public var isIdle: Bool { self == Series() }
    }

    /// Per series, keyed `"<SYMBOL>::<interval>"` like the cache keys.
    public var series: [String: Series]

    public init(series: [String: Series] = [:]) {
        self.series = series
    }

    /// The key of a series.
    public static func key(symbol: String, interval: String) -> String { "\(symbol)::\(interval)" }

    /// The state as compact JSON with sorted keys.
    public func encode() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain integers, booleans and strings cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data("{\"series\":{}}".utf8), as: UTF8.self)
    }

    /// A state read back from ``encode()``.
    public static func decode(_ text: String) throws(GapMonitorError) -> GapState {
        do {
            return try JSONDecoder().decode(GapState.self, from: Data(text.utf8))
        } catch {
            throw .unreadableState(reason: String(describing: error))
        }
    }
}
