/// What one pass of the controller over new bars did.
public struct CycleReport: Sendable, Hashable {
    /// Bars taken in (each symbol's bar once).
    public var bars = 0
    /// Bars skipped because they were already seen or invalid.
    public var skippedBars = 0
    /// Actionable signals (entries and exits; holds are not counted).
    public var signals = 0
    /// Orders the risk engine refused, after one attempt at a smaller size.
    public var riskRejections = 0
    /// Orders the risk engine accepted only at a smaller size.
    public var riskAdjustments = 0
    /// Orders filled.
    public var filledOrders = 0
    /// Orders the venue rejected (lot size, notional, balance).
    public var venueRejections = 0
    /// Positions closed because the risk engine entered liquidation mode.
    public var liquidations = 0
    /// The open time of the newest bar taken in; nil when none was new.
    public var lastOpenTime: Int64?
    /// The orders sent during the pass, oldest first.
    public var trades: [TradeRecord] = []

    public init() {}

    /// Adds another pass's counts and trades to this one.
    public mutating func merge(_ other: CycleReport) {
        bars += other.bars
        skippedBars += other.skippedBars
        signals += other.signals
        riskRejections += other.riskRejections
        riskAdjustments += other.riskAdjustments
        filledOrders += other.filledOrders
        venueRejections += other.venueRejections
        liquidations += other.liquidations
        lastOpenTime = [lastOpenTime, other.lastOpenTime].compactMap { $0 }.max()
        trades += other.trades
    }
}
