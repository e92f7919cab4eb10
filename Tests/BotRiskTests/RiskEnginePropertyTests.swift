import BotExchanges
import BotRisk
import Foundation
import TestSupport
import Testing


/// Random markets, orders, fills and clock advances driven against one engine.
struct RandomSession {
    var random: SeededGenerator
    let limits: RiskProfile
    let clock = TestClock()
    let symbols = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"]
    var prices: [String: Double] = [:]

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        var random = self.random
        func maybe(_ range: ClosedRange<Double>) -> Double {
            Bool.random(using: &random) || Double.random(in: 0...1, using: &random) < 0.6
                ? Double.random(in: range, using: &random) : 0
        }
        limits = RiskProfile(
            name: "random", maxDailyLossPct: maybe(0.005...0.05), maxPositionPct: maybe(0.05...0.6),
            targetVolatility: maybe(0.005...0.2), maxLeverage: maybe(0.5...4), stopLossATRMultiple: maybe(0.5...3),
            maxOpenPositions: Int.random(in: 0...5, using: &random), hardDrawdownPct: maybe(0.03...0.3))
        for symbol in symbols { prices[symbol] = Double.random(in: 5...2_000, using: &random) }
        self.random = random
    }

    enum Step {
        case advanceClock
        case mark
        case order(OrderRequest, price: Double)
    }

    mutating func step(positions: [String: RiskPosition], equity: Double) -> Step {
        let roll = Double.random(in: 0...1, using: &random)
        if roll < 0.12 {
            clock.advance(by: Int64.random(in: 0...(9 * TestClock.hour), using: &random))
            return .advanceClock
        }
        if roll < 0.35 {
            for symbol in symbols { prices[symbol]! *= 1 + Double.random(in: -0.06...0.06, using: &random) }
            return .mark
        }
        let symbol = symbols.randomElement(using: &random)!
        let price = prices[symbol]!
        let held = positions[symbol]?.quantity ?? 0
        var side: OrderSide = Bool.random(using: &random) ? .buy : .sell
        var quantity = max(equity, 1_000) * Double.random(in: 0.001...0.4, using: &random) / price
        if held != 0 && Double.random(in: 0...1, using: &random) < 0.35 {
            side = held > 0 ? .sell : .buy
            quantity = abs(held) * Double.random(in: 0.2...1.2, using: &random)
        }
        let atr = price * Double.random(in: 0.003...0.05, using: &random)
        let distance = atr * Double.random(in: 0.2...4, using: &random)
        let rightSide = Double.random(in: 0...1, using: &random) < 0.9
        let stop = (side == .buy) == rightSide ? price - distance : price + distance
        let order = OrderRequest(
            symbol: symbol, side: side, quantity: quantity, stopPrice: stop > 0 ? stop : nil,
            atr: Double.random(in: 0...1, using: &random) < 0.95 ? atr : nil,
            reduceOnly: Double.random(in: 0...1, using: &random) < 0.1)
        return .order(order, price: price)
    }

    mutating func fillPrice(_ price: Double) -> Double {
        price * (1 + Double.random(in: -0.004...0.004, using: &random))
    }
    mutating func fills() -> Bool { Double.random(in: 0...1, using: &random) < 0.85 }
}

@Suite struct RiskEnginePropertyTests {
    struct Tally {
        var acceptedNew = 0
        var acceptedReducing = 0
        var acceptedInLiquidation = 0
        var rejected = 0
        var rejectedInLiquidation = 0
    }

    @Test func acceptedOrdersNeverBreakALimit() async throws {
        var tally = Tally()
        for seed in UInt64(1)...1_000 {
            var session = RandomSession(seed: seed)
            let limits = session.limits
            let risk = try RiskEngine(
                profile: limits, environment: "paper", startingEquity: 10_000, stateFile: nil,
                clock: session.clock.read)
            for _ in 0..<60 {
                let before = await risk.snapshot()
                switch session.step(positions: before.positions, equity: before.equity) {
                case .advanceClock:
                    continue
                case .mark:
                    try await risk.markToMarket(session.prices)
                case .order(let order, let price):
                    let decision = try await risk.check(order, referencePrice: price)
                    // The snapshot at the same instant is the state the decision was made on.
                    let state = await risk.snapshot()
                    let held = state.positions[order.symbol]?.quantity ?? 0
                    let delta = order.side == .buy ? order.quantity : -order.quantity
                    let reducing = held != 0 && (held > 0) != (delta > 0) && order.quantity <= abs(held) * (1 + 1e-9)
                    guard decision.isAllowed else {
                        tally.rejected += 1
                        if state.mode == .liquidation { tally.rejectedInLiquidation += 1 }
                        #expect(decision.rejection?.reason.isEmpty == false)
                        continue
                    }
                    if state.mode == .liquidation {
                        tally.acceptedInLiquidation += 1
                        #expect(reducing, "seed \(seed): \(order) passed in liquidation mode")
                    }
                    if order.reduceOnly { #expect(reducing, "seed \(seed): reduce-only \(order) grew a position") }
                    if reducing {
                        tally.acceptedReducing += 1
                    } else {
                        tally.acceptedNew += 1
                        expectWithinLimits(order, price: price, held: held, state: state, limits: limits, seed: seed)
                    }
                    if session.fills() {
                        let fill = session.fillPrice(price)
                        try await risk.onFill(
                            symbol: order.symbol, side: order.side, quantity: order.quantity, price: fill,
                            fee: order.quantity * fill * 0.001, timestamp: session.clock.now)
                    }
                }
            }
        }
        // The sequences must exercise every path, or the property proves nothing.
        #expect(tally.acceptedNew > 3_000)
        #expect(tally.acceptedReducing > 3_000)
        #expect(tally.acceptedInLiquidation > 300)
        #expect(tally.rejectedInLiquidation > 1_000)
        #expect(tally.rejected > 10_000)
    }

    private func expectWithinLimits(
        _ order: OrderRequest, price: Double, held: Double, state: RiskSnapshot, limits: RiskProfile, seed: UInt64
    ) {
        let delta = order.side == .buy ? order.quantity : -order.quantity
        let notional = abs(held + delta) * price
        let tolerance = 1 + 1e-6
        #expect(state.equity > 0)
        if limits.maxPositionPct > 0 {
            #expect(notional <= limits.maxPositionPct * state.equity * tolerance, "seed \(seed): max position")
        }
        let open = state.openPositions + (held == 0 ? 1 : 0)
        #expect(open <= limits.maxOpenPositions, "seed \(seed): max open positions")
        if limits.maxLeverage > 0 {
            let gross = state.grossExposure - (state.positions[order.symbol]?.notional ?? 0) + notional
            #expect(gross <= limits.maxLeverage * state.equity * tolerance, "seed \(seed): leverage")
        }
        if limits.maxDailyLossPct > 0 {
            #expect(state.dailyLossPct < limits.maxDailyLossPct, "seed \(seed): daily loss")
        }
        if limits.hardDrawdownPct > 0 { #expect(state.drawdownPct < limits.hardDrawdownPct, "seed \(seed): drawdown") }
        if limits.targetVolatility > 0, let stop = order.stopPrice {
            let atRisk = abs(held + delta) * abs(price - stop)
            #expect(atRisk <= limits.targetVolatility * state.equity * tolerance, "seed \(seed): ATR sizing")
        }
        if limits.stopLossATRMultiple > 0 {
            let distance = abs(price - (order.stopPrice ?? price))
            #expect(distance >= limits.stopLossATRMultiple * (order.atr ?? .infinity) / tolerance, "seed \(seed): stop")
        }
    }

    @Test func restartsFromTheFileLoseNothing() async throws {
        try await withTemporaryDirectory { folder in
            var restarts = 0
            for seed in UInt64(1_000)...1_015 {
                var session = RandomSession(seed: seed)
                let file = RiskStateFile(dataCachePath: folder, environment: "paper", profile: "s\(seed)")
                let limits = RiskProfile(
                    name: "s\(seed)", maxDailyLossPct: session.limits.maxDailyLossPct,
                    maxPositionPct: session.limits.maxPositionPct, targetVolatility: session.limits.targetVolatility,
                    maxLeverage: session.limits.maxLeverage, stopLossATRMultiple: session.limits.stopLossATRMultiple,
                    maxOpenPositions: session.limits.maxOpenPositions, hardDrawdownPct: session.limits.hardDrawdownPct)
                func start() throws -> RiskEngine {
                    try RiskEngine(
                        profile: limits, environment: "paper", startingEquity: 10_000, stateFile: file,
                        clock: session.clock.read)
                }
                var risk = try start()
                for step in 0..<30 {
                    let before = await risk.snapshot()
                    if case .order(let order, let price) = session.step(
                        positions: before.positions, equity: before.equity)
                    {
                        if try await risk.check(order, referencePrice: price).isAllowed {
                            try await risk.onFill(
                                symbol: order.symbol, side: order.side, quantity: order.quantity, price: price,
                                fee: 0.5, timestamp: session.clock.now)
                        }
                    } else {
                        try await risk.markToMarket(session.prices)
                    }
                    if step % 7 == 6 {
                        let snapshot = await risk.snapshot()
                        risk = try start()
                        restarts += 1
                        let after = await risk.snapshot()
                        #expect(after == snapshot, "seed \(seed) step \(step)")
                    }
                }
            }
            #expect(restarts == 16 * 4)
        }
    }
}
