/// The highest (or lowest) of the last `window` values of a series, in amortised O(1) per value.
///
/// A monotonic queue: it keeps, oldest first, only the values that can still become the extremum (each
/// later one less extreme than the one before), with their sequence numbers; the front is the answer.
/// Maximum and minimum are exact, so the result equals the reference's `max(window)` bit for bit.
struct RollingExtremum: Sendable {
    enum Kind: Sendable { case highest, lowest }

    let kind: Kind
    let window: Int
    private var sequence: [Int]
    private var values: [Double]
    private var head = 0
    private var length = 0
    private var pushed = 0

    init(kind: Kind, window: Int) {
        self.kind = kind
        self.window = max(1, window)
        sequence = [Int](repeating: 0, count: self.window + 1)
        values = [Double](repeating: 0, count: self.window + 1)
    }

    /// The extremum of the last `window` values pushed (fewer while fewer were pushed); nil before any.
    var current: Double? {
        length == 0 ? nil : values[head]
    }

    mutating func push(_ value: Double) {
        let ring = values.count
        // Drop the values the new one dominates from the back: they can never be the answer again.
        while length > 0 {
            let back = Self.wrap(head + length - 1, ring)
            let dominated = kind == .highest ? values[back] <= value : values[back] >= value
            guard dominated else { break }
            length -= 1
        }
        let slot = Self.wrap(head + length, ring)
        values[slot] = value
        sequence[slot] = pushed
        length += 1
        pushed += 1
        // Drop the front once it has left the window.
        while length > 0, sequence[head] <= pushed - 1 - window {
            head = Self.wrap(head + 1, ring)
            length -= 1
        }
    }

    /// `index` modulo `ring` for `0..<2 × ring`, without a division.
    private static func wrap(_ index: Int, _ ring: Int) -> Int {
        index >= ring ? index - ring : index
    }
}
