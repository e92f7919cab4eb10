import Synchronization

/// The time the trading components agree on: the wall clock in a live or paper run, or a replayed time
/// that the controller moves to each bar's close in a smoke test, a backtest or a benchmark.
///
/// The risk engine and the paper simulator take ``now`` as their clock, so a fill replayed from a 2024
/// bar is stamped, booked and counted against the daily loss limit of that 2024 day, not of today.
public final class TradingClock: Sendable {
    private let wall: (@Sendable () -> Int64)?
    private let replayed: Atomic<Int64>

    /// A clock that reads `now` (the wall clock); ``advance(to:)`` does nothing.
    public init(wall now: @escaping @Sendable () -> Int64) {
        wall = now
        replayed = Atomic(0)
    }

    /// A clock that starts at `start` and moves only when the controller advances it.
    public init(replayingFrom start: Int64) {
        wall = nil
        replayed = Atomic(start)
    }

    /// Whether the time is replayed rather than read from the wall clock.
    public var isReplaying: Bool { wall == nil }

    /// Milliseconds since the epoch, UTC.
    public func now() -> Int64 {
        wall?() ?? replayed.load(ordering: .relaxed)
    }

    /// The clock as a closure, for components that take one.
    public var closure: @Sendable () -> Int64 { { self.now() } }

    /// Moves a replayed clock forward to `time`; never backwards, and never a wall clock.
    public func advance(to time: Int64) {
        guard wall == nil else { return }
        var current = replayed.load(ordering: .relaxed)
        while current < time {
            let (exchanged, original) = replayed.compareExchange(
                expected: current, desired: time, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
