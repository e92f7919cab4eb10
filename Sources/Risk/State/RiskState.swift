/// Everything the engine must remember across restarts, for one environment and profile. The engine
/// derives equity from it: `balance` plus the unrealised PnL of the positions.
public struct RiskState: Sendable, Hashable, Codable {
    /// The layout version of the state file.
    public var formatVersion: Int
    public var environment: String
    public var profile: String
    /// The UTC day the daily figures belong to (`2026-11-21`).
    public var currentDay: String
    /// Equity at 00:00 UTC of `currentDay` (or when the engine first started that day).
    public var startOfDayEquity: Double
    /// The highest equity seen; the hard drawdown is measured from it.
    public var peakEquity: Double
    /// Starting equity plus every realised PnL, net of fees.
    public var balance: Double
    /// Realised PnL since 00:00 UTC, net of fees.
    public var dailyRealizedPnL: Double
    /// Fees paid since 00:00 UTC.
    public var dailyFees: Double
    /// Set while the engine is in liquidation mode.
    public var liquidation: RiskLiquidation?
    /// Open positions by symbol; flat instruments are removed.
    public var positions: [String: RiskPosition]
    /// The last change, in milliseconds since the epoch (UTC).
    public var updatedAt: Int64

    /// A fresh state: no positions, `equity` as balance, start-of-day and peak equity.
    public init(environment: String, profile: String, equity: Double, day: String, now: Int64) {
        formatVersion = 1
        self.environment = environment
        self.profile = profile
        currentDay = day
        startOfDayEquity = equity
        peakEquity = equity
        balance = equity
        dailyRealizedPnL = 0
        dailyFees = 0
        liquidation = nil
        positions = [:]
        updatedAt = now
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case environment, profile
        case currentDay = "current_day"
        case startOfDayEquity = "start_of_day_equity"
        case peakEquity = "peak_equity"
        case balance
        case dailyRealizedPnL = "daily_realized_pnl"
        case dailyFees = "daily_fees"
        case liquidation, positions
        case updatedAt = "updated_at"
    }
}
