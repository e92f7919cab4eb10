import BotExchanges

/// When a data gap becomes a warning, an incident and an SMS escalation (reference `GapAlertPolicy`,
/// §6.1; config `adapter_settings.ohlcv_gap_alerts`).
public struct GapAlertPolicy: Sendable, Hashable, Codable {
    /// Per-interval warning thresholds in minutes, overriding the default of twice the interval.
    public let warningGapMinutes: [Interval: Double]
    /// How many gap checks inside ``incidentWindowMinutes`` open an incident.
    public let incidentThresholdCount: Int
    /// The sliding window for counting gap checks, in minutes.
    public let incidentWindowMinutes: Int
    /// How long an incident stays open before it is escalated by SMS, in minutes.
    public let smsEscalationMinutes: Int
    /// The shortest time between two warning alerts of one series, in minutes.
    public let warningThrottleMinutes: Int

    /// A policy with the reference defaults (5 checks in 10 minutes, SMS after 15, warnings every 5).
    ///
    /// Counts and minutes below 1 become 1, and thresholds below 1 minute become 1, as the reference clamps
    /// them; non-positive thresholds are dropped (the default applies).
    public init(
        warningGapMinutes: [Interval: Double] = [:], incidentThresholdCount: Int = 5, incidentWindowMinutes: Int = 10,
        smsEscalationMinutes: Int = 15, warningThrottleMinutes: Int = 5
    ) {
        self.warningGapMinutes = warningGapMinutes.filter { $0.value > 0 }.mapValues { max(1, $0) }
        self.incidentThresholdCount = max(1, incidentThresholdCount)
        self.incidentWindowMinutes = max(1, incidentWindowMinutes)
        self.smsEscalationMinutes = max(1, smsEscalationMinutes)
        self.warningThrottleMinutes = max(1, warningThrottleMinutes)
    }

    /// The gap in minutes from which `interval` is in warning: the override, else twice the interval
    /// (1d → 2880, 1h → 120, 15m → 30).
    public func warningThreshold(for interval: Interval) -> Double {
        warningGapMinutes[interval] ?? Double(2 * interval.approximateMinutes)
    }
}
