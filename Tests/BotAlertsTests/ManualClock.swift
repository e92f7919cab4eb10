import Synchronization

/// A clock the test moves by hand, in epoch milliseconds.
final class ManualClock: Sendable {
    private let current: Mutex<Int64>

    init(_ start: Int64 = 1_704_067_200_000) {  // 2024-01-01T00:00:00Z
        current = Mutex(start)
    }

    var now: @Sendable () -> Int64 {
        { [self] in current.withLock { $0 } }
    }

    func advance(seconds: Int64) {
        current.withLock { $0 += seconds * 1000 }
    }

    func set(_ milliseconds: Int64) {
        current.withLock { $0 = milliseconds }
    }
}
