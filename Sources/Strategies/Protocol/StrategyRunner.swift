import BotExchanges

/// Feeds closed bars to a ``Strategy``, each bar exactly once, and keeps the state of every symbol.
///
/// The runner is the only way bars reach a strategy. Per symbol it remembers the open time of the last
/// bar taken in and drops any bar that is not newer (``StrategyFeedResult/alreadySeen(lastOpenTime:)``),
/// so a caller that re-reads an overlapping window (the reference's polling loop did, §13.3) cannot feed
/// a bar twice: the strategy's windows, position and signals stay as if every bar came once.
///
/// It is a `Sendable` value, not an actor: a strategy is pure computation driven by one owner (the
/// trading controller, itself an actor), so an actor would only add a suspension per bar, which a
/// replay of millions of candles cannot afford. Being a value also makes inspection and checkpoints a
/// copy, and ``reset()`` an assignment.
public struct StrategyRunner<S: Strategy>: Sendable {
    @usableFromInline
    struct Slot: Sendable {
        @usableFromInline
        var state: S.SymbolState
        @usableFromInline
        var lastOpenTime: Int64?

        @usableFromInline
        init(state: S.SymbolState, lastOpenTime: Int64?) {
            self.state = state
            self.lastOpenTime = lastOpenTime
        }
    }

    /// The strategy being driven.
    public let strategy: S
    @usableFromInline
    var slotIndex: [String: Int] = [:]
    @usableFromInline
    var slots: [Slot] = []

    /// A runner with no symbols seen yet.
    public init(strategy: S) {
        self.strategy = strategy
    }

    /// Takes in history for `symbol` without signalling: bars not newer than the last one seen and invalid
    /// bars (see ``StrategyFeedResult/invalidBar``) are skipped, the rest go through
    /// ``Strategy/warmUp(with:state:)`` in order.
    ///
    /// - Returns: how many bars were taken in.
    @discardableResult
    public mutating func warmUp(symbol: String, history: some Sequence<Candle>) -> Int {
        let index = slot(for: symbol)
        var taken = 0
        for bar in history where Self.isValid(bar) {
            if let last = slots[index].lastOpenTime, bar.openTime <= last { continue }
            slots[index].lastOpenTime = bar.openTime
            strategy.warmUp(with: bar, state: &slots[index].state)
            taken += 1
        }
        return taken
    }

    /// Hands one new closed bar of `symbol` to the strategy and returns what it decided.
    @inlinable
    public mutating func feed(_ bar: Candle, symbol: String) -> StrategyFeedResult {
        // Inlinable so a caller in another module gets a copy specialised for its strategy type: the generic
        // one costs about twice as much per bar (measured 300 vs 160 ns with the daily-trend strategy).
        guard Self.isValid(bar) else { return .invalidBar }
        let index = slot(for: symbol)
        if let last = slots[index].lastOpenTime, bar.openTime <= last { return .alreadySeen(lastOpenTime: last) }
        slots[index].lastOpenTime = bar.openTime
        guard let signal = strategy.evaluate(bar, symbol: symbol, state: &slots[index].state) else {
            return .warmingUp
        }
        return .signal(signal)
    }

    /// The position the strategy believes it holds in `symbol` (flat for a symbol never seen).
    public func position(symbol: String) -> StrategyPosition {
        guard let index = slotIndex[symbol] else { return .flat }
        return strategy.position(in: slots[index].state)
    }

    /// The believed position of every symbol seen so far.
    public var positions: [String: StrategyPosition] {
        slotIndex.mapValues { strategy.position(in: slots[$0].state) }
    }

    /// The state of `symbol`, for inspection; nil for a symbol never seen.
    public func state(symbol: String) -> S.SymbolState? {
        slotIndex[symbol].map { slots[$0].state }
    }

    /// The open time of the last bar of `symbol` taken in; nil for a symbol never seen.
    public func lastOpenTime(symbol: String) -> Int64? {
        slotIndex[symbol].flatMap { slots[$0].lastOpenTime }
    }

    /// The symbols seen so far, in first-seen order.
    public var symbols: [String] {
        slotIndex.sorted { $0.value < $1.value }.map(\.key)
    }

    /// Tells the strategy the real position of `symbol` (see ``Strategy/reconcile(_:to:)``); a symbol never
    /// seen starts with empty windows.
    public mutating func reconcile(symbol: String, to position: StrategyPosition) {
        let index = slot(for: symbol)
        strategy.reconcile(&slots[index].state, to: position)
    }

    /// Forgets every symbol: flat, empty windows, any bar is new again.
    public mutating func reset() {
        slotIndex = [:]
        slots = []
    }

    /// Forgets one symbol: flat, empty windows, any of its bars is new again.
    public mutating func reset(symbol: String) {
        guard let index = slotIndex[symbol] else { return }
        slots[index] = Slot(state: strategy.makeState(symbol: symbol), lastOpenTime: nil)
    }

    @inlinable
    mutating func slot(for symbol: String) -> Int {
        if let index = slotIndex[symbol] { return index }
        slots.append(Slot(state: strategy.makeState(symbol: symbol), lastOpenTime: nil))
        slotIndex[symbol] = slots.count - 1
        return slots.count - 1
    }

    @inlinable
    static func isValid(_ bar: Candle) -> Bool {
        bar.open.isFinite && bar.high.isFinite && bar.low.isFinite && bar.close.isFinite && bar.low <= bar.high
    }
}
