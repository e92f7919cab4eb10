/// A request-weight budget: at most ``capacity`` weight per ``windowMilliseconds``, of which ``reserve``
/// is left unused as a safety margin (for clock skew and other clients on the same IP).
///
/// Windows are fixed and aligned to multiples of their length since the epoch, as Binance counts its
/// `REQUEST_WEIGHT` per clock minute.
public struct RateLimit: Sendable, Hashable {
    /// The venue's limit per window.
    public var capacity: Int
    /// The window length in milliseconds.
    public var windowMilliseconds: Int64
    /// Weight left unused in every window.
    public var reserve: Int
    /// The response header reporting the weight used in the current window, when the venue sends one
    /// (`X-MBX-USED-WEIGHT-1M`); matched case-insensitively.
    public var usedWeightHeader: String?

    public init(capacity: Int, windowMilliseconds: Int64, reserve: Int = 0, usedWeightHeader: String? = nil) {
        self.capacity = max(1, capacity)
        self.windowMilliseconds = max(1, windowMilliseconds)
        self.reserve = min(max(0, reserve), self.capacity - 1)
        self.usedWeightHeader = usedWeightHeader
    }

    /// The weight that may be spent per window: capacity less the reserve.
    public var usable: Int { capacity - reserve }

    /// Binance spot: `REQUEST_WEIGHT` 6000 per minute, per IP; 10 % kept in reserve.
    public static let binanceSpot = RateLimit(
        capacity: 6000, windowMilliseconds: 60_000, reserve: 600, usedWeightHeader: "X-MBX-USED-WEIGHT-1M")
    /// Binance USD-M futures: `REQUEST_WEIGHT` 2400 per minute, per IP; 10 % kept in reserve.
    public static let binanceFutures = RateLimit(
        capacity: 2400, windowMilliseconds: 60_000, reserve: 240, usedWeightHeader: "X-MBX-USED-WEIGHT-1M")
    /// One request per second: Kraken spot public endpoints (throttled per IP; CCXT's 1 req/s), Kraken
    /// futures charts and Zonda (neither documents a limit).
    public static let onePerSecond = RateLimit(capacity: 1, windowMilliseconds: 1000)
}
