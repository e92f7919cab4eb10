/// The labels of one sample, sorted by name: the key samples are stored and rendered under.
struct LabelSet: Hashable, Comparable, Sendable {
    /// Names and values, sorted by name.
    let pairs: [Pair]

    struct Pair: Hashable, Sendable {
        let name: String
        let value: String
    }

    static let empty = LabelSet(pairs: [])

    init(pairs: [Pair]) { self.pairs = pairs }

    init(_ labels: [String: String]) {
        if labels.isEmpty {
            pairs = []
            return
        }
        pairs = labels.map { Pair(name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }
    }

    static func < (lhs: LabelSet, rhs: LabelSet) -> Bool {
        for (left, right) in zip(lhs.pairs, rhs.pairs) {
            if left.name != right.name { return left.name < right.name }
            if left.value != right.value { return left.value < right.value }
        }
        return lhs.pairs.count < rhs.pairs.count
    }

    /// The first label name that Prometheus would refuse, with the reason; nil when all are valid.
    func invalidName(reserved: Set<String>) -> (name: String, reason: String)? {
        for pair in pairs {
            if let reason = MetricNameRules.labelProblem(pair.name) { return (pair.name, reason) }
            if reserved.contains(pair.name) {
                return (pair.name, "'\(pair.name)' is reserved for this metric type")
            }
        }
        return nil
    }
}

/// The exposition format's naming rules.
enum MetricNameRules {
    static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first), !name.hasPrefix("__") else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
    }

    /// Why `name` is not a valid label name, or nil.
    static func labelProblem(_ name: String) -> String? {
        guard let first = name.utf8.first else { return "a label name cannot be empty" }
        if isDigit(first) { return "a label name cannot start with a digit" }
        if name.hasPrefix("__") { return "names starting with '__' are reserved for Prometheus" }
        guard name.utf8.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }) else {
            return "use letters, digits and '_' only"
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
