import BotExchanges

/// A trading strategy: turns closed candles, one at a time per symbol, into signals.
///
/// A strategy value holds only its settings; everything it remembers about a symbol lives in its
/// ``SymbolState``, which a ``StrategyRunner`` creates, owns and passes in. The runner is the one
/// caller of ``warmUp(with:state:)`` and ``evaluate(_:symbol:state:)``: it hands each symbol's bars over
/// in strictly increasing open time and drops a bar it has already seen, so a strategy never has to
/// guard against a repeated bar (DESIGN.md §4.5; reference-runtime §13.3).
///
/// Implement the requirements as pure functions of their arguments: the same bars must give the same
/// signals, which is what makes a backtest, a paper run and a replay agree.
public protocol Strategy: Sendable {
    /// What the strategy remembers about one symbol (rolling windows, its view of the position).
    associatedtype SymbolState: Sendable

    /// A short identifier carried into orders and the decision journal (`daily_trend_momentum`).
    var name: String { get }

    /// How many bars of history a symbol needs before ``evaluate(_:symbol:state:)`` can return a signal.
    var warmUpBarCount: Int { get }

    /// The state of a symbol the strategy has not seen yet (flat, empty windows).
    func makeState(symbol: String) -> SymbolState

    /// Takes in one bar of history: updates the windows, never signals and never changes the position.
    func warmUp(with bar: Candle, state: inout SymbolState)

    /// Takes in one new closed bar and decides.
    ///
    /// - Returns: nil while the symbol has too little history to decide; otherwise a signal, whose action
    ///   is ``StrategySignal/Action/hold`` when nothing is to be done.
    func evaluate(_ bar: Candle, symbol: String, state: inout SymbolState) -> StrategySignal?

    /// The position the strategy believes it holds in a symbol.
    func position(in state: SymbolState) -> StrategyPosition

    /// Puts the strategy's view of the position in line with the real one, for when they part: an entry
    /// the risk engine rejected, an exit that failed, a position closed by liquidation. Only the position
    /// changes; the windows stay.
    func reconcile(_ state: inout SymbolState, to position: StrategyPosition)
}
