/// Counters of an execution service, as a plain snapshot the runtime's metrics endpoint exports.
///
/// Per-symbol values are keyed by symbol, rejections by ``PaperRejection/code``. Latency samples are
/// milliseconds from submission to result on the service's clock; only the newest
/// ``latencySampleLimit`` are kept so a long run does not grow without bound.
public struct ExecutionMetrics: Sendable, Hashable, Codable {
    public static let latencySampleLimit = 1024

    /// Orders handed to `execute`, valid or not.
    public var ordersSubmitted = 0
    /// Orders completely filled (immediately or after resting).
    public var ordersFilled = 0
    public var ordersRejected = 0
    public var ordersCancelled = 0
    public var rejectionsByReason: [String: Int] = [:]
    /// Fees paid per fee asset.
    public var feesPaid: [String: Double] = [:]
    /// Quantity × fill price per symbol, both sides.
    public var notionalTraded: [String: Double] = [:]
    public var latencySamplesMilliseconds: [Int64] = []

    public init() {}

    mutating func recordSubmission() { ordersSubmitted += 1 }

    mutating func recordRejection(code: String) {
        ordersRejected += 1
        rejectionsByReason[code, default: 0] += 1
    }

    mutating func recordFill(_ fill: PaperFill, completesOrder: Bool) {
        if completesOrder { ordersFilled += 1 }
        feesPaid[fill.feeAsset, default: 0] += fill.fee
        notionalTraded[fill.symbol, default: 0] += fill.notional
    }

    mutating func recordCancellation() { ordersCancelled += 1 }

    mutating func recordLatency(milliseconds: Int64) {
        if latencySamplesMilliseconds.count == Self.latencySampleLimit {
            latencySamplesMilliseconds.removeFirst()
        }
        latencySamplesMilliseconds.append(milliseconds)
    }
}
