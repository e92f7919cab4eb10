/// The last `capacity` values of a series, kept contiguous so a window sums in one tight loop.
///
/// Storage is twice the capacity; appending writes at the end and, when the end is reached, moves the
/// newest `capacity - 1` values to the front (amortised O(1): one move of `capacity` values per
/// `capacity` appends).
///
/// Means are summed over the window on every call, oldest value first, rather than kept as running
/// sums: that is the order of the reference's `sum(window) / n` (Python 3.11, plain left-to-right
/// addition), so every mean is bit-identical to the reference's, and a close exactly at a threshold
/// decides the same way. A running sum would drift by a few ulps and could flip such a tie. The cost is
/// O(window) additions per mean, which the strategy pays only when a decision needs that mean.
struct WindowBuffer: Sendable {
    let capacity: Int
    private var storage: [Double]
    private var end = 0
    /// How many values are held (at most `capacity`).
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage = [Double](repeating: 0, count: 2 * self.capacity)
    }

    mutating func append(_ value: Double) {
        if end == storage.count {
            let keep = capacity - 1
            storage.withUnsafeMutableBufferPointer { buffer in
                for offset in 0..<keep { buffer[offset] = buffer[end - keep + offset] }
            }
            end = keep
        }
        storage[end] = value
        end += 1
        if count < capacity { count += 1 }
    }

    /// The value `back` places before the newest (`0` is the newest); `back` must be below `count`.
    subscript(back back: Int) -> Double {
        storage[end - 1 - back]
    }

    /// The mean of the newest `length` values (`1...count`), summed oldest first.
    func mean(ofLast length: Int) -> Double {
        storage.withUnsafeBufferPointer { buffer in
            var sum = 0.0
            for index in (end - length)..<end { sum += buffer[index] }
            return sum / Double(length)
        }
    }
}
