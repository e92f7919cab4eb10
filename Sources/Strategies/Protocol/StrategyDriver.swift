import BotExchanges
import Synchronization

/// A ``StrategyRunner`` behind a face that is not generic, for code that drives a strategy it does not know
/// (the runtime's trading controller), without paying for generic code on every bar.
///
/// Create it where the strategy's type is known: the initialiser is inlinable, so the closures it builds are
/// compiled for that type, and each bar costs what a direct call on the runner costs (plus an uncontended
/// lock). Driven through a generic type instead, every bar pays for run-time type lookups — about three
/// times the strategy's own work for the daily-trend strategy.
public final class StrategyDriver: Sendable {
    /// The strategy's name (`daily_trend_momentum`).
    public let name: String
    /// Bars of history a symbol needs before the strategy can decide.
    public let warmUpBarCount: Int
    @usableFromInline let warmUpBars: @Sendable (String, [Candle]) -> Int
    @usableFromInline let feedBar: @Sendable (Candle, String) -> StrategyFeedResult
    @usableFromInline let positionOf: @Sendable (String) -> StrategyPosition
    @usableFromInline let allPositions: @Sendable () -> [String: StrategyPosition]
    @usableFromInline let reconcilePosition: @Sendable (String, StrategyPosition) -> Void
    @usableFromInline let lastOpenTimeOf: @Sendable (String) -> Int64?

    /// A driver owning a fresh ``StrategyRunner`` of `strategy`.
    @inlinable
    public convenience init<S: Strategy>(_ strategy: S) {
        let runner = Mutex(StrategyRunner(strategy: strategy))
        let shared = Shared(runner)
        self.init(
            name: strategy.name, warmUpBarCount: strategy.warmUpBarCount,
            warmUpBars: { symbol, bars in shared.runner.withLock { $0.warmUp(symbol: symbol, history: bars) } },
            feedBar: { bar, symbol in shared.runner.withLock { $0.feed(bar, symbol: symbol) } },
            positionOf: { symbol in shared.runner.withLock { $0.position(symbol: symbol) } },
            allPositions: { shared.runner.withLock { $0.positions } },
            reconcilePosition: { symbol, position in
                shared.runner.withLock { $0.reconcile(symbol: symbol, to: position) }
            },
            lastOpenTimeOf: { symbol in shared.runner.withLock { $0.lastOpenTime(symbol: symbol) } })
    }

    @usableFromInline
    init(
        name: String, warmUpBarCount: Int, warmUpBars: @escaping @Sendable (String, [Candle]) -> Int,
        feedBar: @escaping @Sendable (Candle, String) -> StrategyFeedResult,
        positionOf: @escaping @Sendable (String) -> StrategyPosition,
        allPositions: @escaping @Sendable () -> [String: StrategyPosition],
        reconcilePosition: @escaping @Sendable (String, StrategyPosition) -> Void,
        lastOpenTimeOf: @escaping @Sendable (String) -> Int64?
    ) {
        self.name = name
        self.warmUpBarCount = warmUpBarCount
        self.warmUpBars = warmUpBars
        self.feedBar = feedBar
        self.positionOf = positionOf
        self.allPositions = allPositions
        self.reconcilePosition = reconcilePosition
        self.lastOpenTimeOf = lastOpenTimeOf
    }

    /// The runner, shared by the closures; a class because a `Mutex` cannot be copied into each of them.
    @usableFromInline
    final class Shared<S: Strategy>: Sendable {
        @usableFromInline let runner: Mutex<StrategyRunner<S>>
        @usableFromInline init(_ runner: consuming Mutex<StrategyRunner<S>>) { self.runner = runner }
    }

    /// See ``StrategyRunner/warmUp(symbol:history:)``.
    @discardableResult
    public func warmUp(symbol: String, history: [Candle]) -> Int { warmUpBars(symbol, history) }

    /// See ``StrategyRunner/feed(_:symbol:)``.
    public func feed(_ bar: Candle, symbol: String) -> StrategyFeedResult { feedBar(bar, symbol) }

    /// See ``StrategyRunner/position(symbol:)``.
    public func position(symbol: String) -> StrategyPosition { positionOf(symbol) }

    /// See ``StrategyRunner/positions``.
    public var positions: [String: StrategyPosition] { allPositions() }

    /// See ``StrategyRunner/reconcile(symbol:to:)``.
    public func reconcile(symbol: String, to position: StrategyPosition) { reconcilePosition(symbol, position) }

    /// See ``StrategyRunner/lastOpenTime(symbol:)``.
    public func lastOpenTime(symbol: String) -> Int64? { lastOpenTimeOf(symbol) }
}
