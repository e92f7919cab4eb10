/// The state of every channel at one moment: its own health report and what the router observed.
public struct AlertHealthSnapshot: Sendable, Hashable {
    /// One channel's entry in the snapshot.
    public struct Channel: Sendable, Hashable {
        /// The channel's name.
        public let name: String
        /// What the channel reported, or an error status when its health check timed out.
        public let health: AlertChannelHealth
        /// What the router observed for the channel.
        public let statistics: AlertChannelStatistics

        /// An entry with explicit fields.
        public init(name: String, health: AlertChannelHealth, statistics: AlertChannelStatistics) {
            self.name = name
            self.health = health
            self.statistics = statistics
        }

        /// ``AlertChannelHealth/Status/error`` when the channel reports an error or its last delivery
        /// through the router failed (a timeout the channel itself never noticed counts).
        public var status: AlertChannelHealth.Status {
            health.status == .error || statistics.consecutiveFailures > 0 ? .error : .ok
        }
    }

    /// When the snapshot was taken (epoch milliseconds).
    public let checkedAt: Int64
    /// Every registered channel, in registration order.
    public let channels: [Channel]
    /// Alerts the throttle suppressed, by severity (`alerts_suppressed_total`).
    public let suppressed: [AlertSeverity: Int]

    /// A snapshot with explicit fields.
    public init(checkedAt: Int64, channels: [Channel], suppressed: [AlertSeverity: Int]) {
        self.checkedAt = checkedAt
        self.channels = channels
        self.suppressed = suppressed
    }

    /// The entry for the channel named `name`, if it is registered.
    public subscript(name: String) -> Channel? {
        channels.first { $0.name == name }
    }
}
