import BotCodecs
import Foundation

/// A clock tests move by hand; the engine reads it through a closure.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    /// 2026-11-21 00:00:00 UTC in milliseconds.
    static let dayStart: Int64 = UTCDateTime.days(fromYear: 2026, month: 11, day: 21) * UTCDateTime.millisecondsPerDay
    static let hour: Int64 = 3_600_000

    init(_ start: Int64 = TestClock.dayStart + 12 * TestClock.hour) { value = start }

    var now: Int64 { lock.withLock { value } }

    func set(_ milliseconds: Int64) { lock.withLock { value = milliseconds } }

    func advance(by milliseconds: Int64) { lock.withLock { value += milliseconds } }

    var read: @Sendable () -> Int64 { { [self] in now } }
}
