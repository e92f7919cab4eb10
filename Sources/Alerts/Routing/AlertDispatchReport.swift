/// The result of ``AlertRouter/dispatch(_:)``: whether the alert went out, per channel, and any audit problem.
public struct AlertDispatchReport: Sendable, Hashable {
    /// What the router did with the alert as a whole.
    public enum Outcome: Sendable, Hashable {
        /// Every channel was called; see ``AlertDispatchReport/deliveries``.
        case dispatched
        /// The throttle suppressed a repeat; it may be sent again after `remainingMilliseconds`.
        case throttled(remainingMilliseconds: Int64)
        /// No channel is registered, so nobody received the alert.
        case noChannels
    }

    /// What the router did with the alert as a whole.
    public let outcome: Outcome
    /// One result per channel in registration order; empty unless ``Outcome/dispatched``.
    public let deliveries: [AlertChannelDelivery]
    /// Why audit records could not be stored (delivery still happened); empty when all were stored.
    public let auditErrors: [String]

    /// A report with explicit fields.
    public init(outcome: Outcome, deliveries: [AlertChannelDelivery] = [], auditErrors: [String] = []) {
        self.outcome = outcome
        self.deliveries = deliveries
        self.auditErrors = auditErrors
    }

    /// The channels that accepted the alert.
    public var deliveredChannels: [String] {
        deliveries.filter { $0.status == .delivered }.map(\.channel)
    }

    /// The channels that failed, with the reason, in registration order.
    public var failures: [AlertChannelDelivery] {
        deliveries.filter { $0.status == .failed }
    }

    /// Whether at least one channel accepted the alert.
    public var isDelivered: Bool {
        deliveries.contains { $0.status == .delivered }
    }

    /// `some alert channels failed: name: reason, name: reason`, or nil when none failed; for the log.
    public var failureSummary: String? {
        let failures = failures
        guard !failures.isEmpty else { return nil }
        return "some alert channels failed: "
            + failures.map { "\($0.channel): \($0.error ?? "unknown error")" }.joined(separator: ", ")
    }
}
