import BotCodecs
import BotExchanges
import Foundation

/// The pre-trade risk engine for one environment and profile: checks orders against the profile's limits,
/// learns every fill, marks positions to market, and keeps its state in a file so limits survive restarts.
///
/// Call ``check(_:referencePrice:)`` before sending an order and ``onFill(symbol:side:quantity:price:fee:timestamp:)``
/// for every fill, in that order, from one task: an accepted order is not reserved, so two checks before
/// their fills could together exceed a limit.
public actor RiskEngine {
    /// The limits in force.
    public let profile: RiskProfile
    /// The environment the state belongs to (`binance_paper`).
    public let environment: String
    private let file: RiskStateFile?
    private let clock: @Sendable () -> Int64
    private var state: RiskState

    /// An engine that resumes from `stateFile` when it exists, or starts flat with `startingEquity`.
    /// - Parameters:
    ///   - startingEquity: the account's equity (quote asset) when no state file exists yet.
    ///   - stateFile: where the state lives; nil keeps it in memory only.
    ///   - clock: now, in milliseconds since the epoch (UTC); the day resets at 00:00 UTC by this clock.
    /// - Throws: ``RiskStateError`` when the file cannot be read, is corrupt, belongs to another
    ///   environment or profile, or the fresh state cannot be written.
    public init(
        profile: RiskProfile, environment: String, startingEquity: Double, stateFile: RiskStateFile?,
        clock: @escaping @Sendable () -> Int64
    ) throws(RiskStateError) {
        self.profile = profile
        self.environment = environment
        self.file = stateFile
        self.clock = clock
        let now = clock()
        var state: RiskState
        var changed = false
        if let stored = try stateFile?.load() {
            guard stored.environment == environment, stored.profile == profile.name else {
                throw .mismatch(
                    path: stateFile?.url.path ?? "", expected: "\(environment)/\(profile.name)",
                    found: "\(stored.environment)/\(stored.profile)")
            }
            state = stored
        } else {
            state = RiskState(
                environment: environment, profile: profile.name, equity: startingEquity,
                day: Self.day(now), now: now)
            changed = true
        }
        changed = state.advanceDay(to: Self.day(now)) || changed
        changed = state.evaluateLimits(profile: profile, now: now) || changed
        self.state = state
        if changed { try stateFile?.save(state) }
    }

    /// Checks `order` against every limit in ``RiskCheck`` order; the first that fails decides.
    /// Starts a new day first when the clock passed 00:00 UTC, and latches liquidation mode when equity
    /// broke a hard limit.
    /// - Parameter referencePrice: the price to value the order at (the signal's close for a market order);
    ///   defaults to the order's limit price, then the position's last mark.
    /// - Throws: ``RiskStateError`` only when a changed state cannot be saved.
    public func check(_ order: OrderRequest, referencePrice: Double? = nil) throws(RiskStateError) -> RiskDecision {
        try refresh(now: clock())
        return state.decision(for: order, referencePrice: referencePrice, profile: profile)
    }

    /// Books one fill: the position, realised PnL (net of `fee`) and exposure change, then the hard limits
    /// are evaluated and the state is saved.
    /// - Parameter timestamp: when the fill happened (ms since the epoch, UTC); a fill on a later UTC day
    ///   than the engine's starts that day first.
    public func onFill(
        symbol: String, side: OrderSide, quantity: Double, price: Double, fee: Double, timestamp: Int64
    ) throws(RiskStateError) {
        guard quantity.isFinite, quantity > 0 else {
            throw .invalidFill(symbol: symbol, detail: "quantity \(quantity) is not a positive number")
        }
        guard price.isFinite, price > 0 else {
            throw .invalidFill(symbol: symbol, detail: "price \(price) is not a positive number")
        }
        guard fee.isFinite else { throw .invalidFill(symbol: symbol, detail: "fee \(fee) is not a number") }
        let now = max(clock(), timestamp)
        _ = state.advanceDay(to: Self.day(now))
        state.apply(symbol: symbol, side: side, quantity: quantity, price: price, fee: fee)
        _ = state.evaluateLimits(profile: profile, now: now)
        state.updatedAt = now
        try file?.save(state)
    }

    /// Books what an execution service reported for `order`; does nothing when nothing filled.
    public func onFill(order: OrderRequest, result: OrderResult) throws(RiskStateError) {
        guard result.filledQuantity > 0, let price = result.averagePrice else { return }
        try onFill(
            symbol: order.symbol, side: order.side, quantity: result.filledQuantity, price: price, fee: result.fee,
            timestamp: result.timestamp)
    }

    /// Marks open positions at `prices` (symbol → last price) and re-evaluates the hard limits; symbols
    /// without a position and prices that are not positive numbers are ignored.
    /// - Returns: why the engine is in liquidation mode after the marks; nil in normal mode.
    @discardableResult
    public func markToMarket(_ prices: [String: Double]) throws(RiskStateError) -> RiskLiquidation? {
        let now = clock()
        var changed = state.advanceDay(to: Self.day(now))
        for (symbol, price) in prices where price.isFinite && price > 0 {
            guard var position = state.positions[symbol], position.markPrice != price else { continue }
            position.markPrice = price
            state.positions[symbol] = position
            changed = true
        }
        changed = state.evaluateLimits(profile: profile, now: now) || changed
        if changed {
            state.updatedAt = now
            try file?.save(state)
        }
        return state.liquidation
    }

    /// Why the engine is in liquidation mode, as of its last check, fill or mark; nil in normal mode.
    public var liquidation: RiskLiquidation? { state.liquidation }

    /// Leaves liquidation mode on an operator's decision: the peak restarts at current equity so the hard
    /// drawdown is measured afresh. A daily loss still above its limit latches again at once.
    public func resumeTrading() throws(RiskStateError) -> RiskSnapshot {
        let now = clock()
        _ = state.advanceDay(to: Self.day(now))
        state.liquidation = nil
        state.peakEquity = state.equity
        _ = state.evaluateLimits(profile: profile, now: now)
        state.updatedAt = now
        try file?.save(state)
        return RiskSnapshot(state: state, profile: profile)
    }

    /// The limits, the day's loss, exposure, positions and mode as of now (a passed 00:00 UTC shows as a
    /// new day even before the next check saves it).
    public func snapshot() -> RiskSnapshot {
        let now = clock()
        var view = state
        _ = view.advanceDay(to: Self.day(now))
        _ = view.evaluateLimits(profile: profile, now: now)
        return RiskSnapshot(state: view, profile: profile)
    }

    /// The state as it would be saved.
    public var currentState: RiskState { state }

    private func refresh(now: Int64) throws(RiskStateError) {
        var changed = state.advanceDay(to: Self.day(now))
        changed = state.evaluateLimits(profile: profile, now: now) || changed
        if changed {
            state.updatedAt = now
            try file?.save(state)
        }
    }

    static func day(_ milliseconds: Int64) -> String { UTCDateTime(milliseconds: milliseconds).dateText }
}
