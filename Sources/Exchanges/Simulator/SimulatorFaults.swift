/// The faults ``ExchangeSimulator`` injects into its venue endpoints; change them at any time with
/// ``ExchangeSimulator/setFaults(_:)`` or `POST /__simulator/faults`.
///
/// Which request gets a random fault is decided from the seed and the request's sequence number, so a
/// client that sends the same requests in the same order meets the same faults.
public struct SimulatorFaults: Sendable, Equatable {
    /// Added before every venue response.
    public var latencyMilliseconds: Int
    /// The share of requests answered with a 5xx (500, 502, 503 or 504) and a venue-shaped body.
    public var errorRate: Double
    /// The share of successful responses whose JSON body is cut short (status 200, syntactically broken).
    public var truncateRate: Double
    /// The next this-many venue requests get 429 with `Retry-After: retryAfterSeconds`; counts down.
    public var burst429: Int
    /// `Retry-After` of the 429 burst.
    public var retryAfterSeconds: Int
    /// While true, Binance requests get 418 (an IP ban) with `Retry-After: banSeconds`.
    public var ban418: Bool
    /// `Retry-After` of the 418 ban.
    public var banSeconds: Int
    /// The share of candle rows sent twice within their page.
    public var duplicateRate: Double
    /// Sends each page's rows in a seeded random order instead of oldest first.
    public var shuffle: Bool
    /// The share of candles that do not exist (seeded holes, the same in every request); the simulator's
    /// ``ExchangeSimulator/market`` has them missing too.
    public var missingRate: Double

    /// No faults.
    public static let none = SimulatorFaults()

    /// Faults with the given settings; rates are clamped to 0 ... 1 and counts to 0 and above.
    public init(
        latencyMilliseconds: Int = 0, errorRate: Double = 0, truncateRate: Double = 0, burst429: Int = 0,
        retryAfterSeconds: Int = 1, ban418: Bool = false, banSeconds: Int = 120, duplicateRate: Double = 0,
        shuffle: Bool = false, missingRate: Double = 0
    ) {
        self.latencyMilliseconds = max(0, latencyMilliseconds)
        self.errorRate = Self.rate(errorRate)
        self.truncateRate = Self.rate(truncateRate)
        self.burst429 = max(0, burst429)
        self.retryAfterSeconds = max(0, retryAfterSeconds)
        self.ban418 = ban418
        self.banSeconds = max(0, banSeconds)
        self.duplicateRate = Self.rate(duplicateRate)
        self.shuffle = shuffle
        self.missingRate = Self.rate(missingRate)
    }

    static func rate(_ value: Double) -> Double { value.isFinite ? min(1, max(0, value)) : 0 }
}
