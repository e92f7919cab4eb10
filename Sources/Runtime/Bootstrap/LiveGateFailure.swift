/// A live gate that does not hold: which one, what is wrong and what to do about it.
public struct LiveGateFailure: Sendable, Equatable, CustomStringConvertible {
    /// The gate.
    public let gate: LiveGate
    /// What is wrong and exactly what to change (key and file, or flag).
    public let reason: String

    /// A failure of `gate`.
    public init(gate: LiveGate, reason: String) {
        self.gate = gate
        self.reason = reason
    }

    public var description: String { "[\(gate.rawValue)] \(reason)" }
}
