import BotCodecs

/// A ledger file name pattern such as `ledger-%Y%m%d.jsonl`: strftime's `%Y`, `%m`, `%d` and `%%`, the
/// rest literal. Names each UTC day's file and recognises the files it named when old ones are pruned.
public struct LedgerFilePattern: Sendable, Hashable {
    private enum Part: Hashable {
        case literal(String)
        case year, month, day
    }

    public let pattern: String
    private let parts: [Part]

    /// Parses `pattern`; nil when it uses a directive other than `%Y %m %d %%`, lacks one of `%Y %m %d`
    /// (each day needs its own name), or contains a path separator.
    public init?(_ pattern: String) {
        guard !pattern.isEmpty, !pattern.contains("/") else { return nil }
        var parts: [Part] = []
        var literal = ""
        var iterator = pattern.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else {
                literal.append(character)
                continue
            }
            let part: Part
            switch iterator.next() {
            case "Y": part = .year
            case "m": part = .month
            case "d": part = .day
            case "%":
                literal.append("%")
                continue
            default: return nil
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(part)
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        guard parts.contains(.year), parts.contains(.month), parts.contains(.day) else { return nil }
        self.pattern = pattern
        self.parts = parts
    }

    /// The reference's default, `ledger-%Y%m%d.jsonl`.
    public static let standard = LedgerFilePattern("ledger-%Y%m%d.jsonl")!

    /// The file name for UTC day `day` (days since 1970-01-01).
    public func fileName(forDay day: Int64) -> String {
        let date = UTCDateTime.civil(fromDays: day)
        var name = ""
        for part in parts {
            switch part {
            case .literal(let text): name += text
            case .year: name += Self.pad(date.year, 4)
            case .month: name += Self.pad(date.month, 2)
            case .day: name += Self.pad(date.day, 2)
            }
        }
        return name
    }

    /// The UTC day a file name produced by this pattern stands for; nil for any other name.
    public func day(ofFileName name: String) -> Int64? {
        var rest = Substring(name)
        var year: Int64 = 1970
        var month: Int64 = 1
        var day: Int64 = 1
        for part in parts {
            switch part {
            case .literal(let text):
                guard rest.hasPrefix(text) else { return nil }
                rest = rest.dropFirst(text.count)
            case .year:
                guard let value = Self.digits(&rest, count: 4) else { return nil }
                year = value
            case .month:
                guard let value = Self.digits(&rest, count: 2), (1...12).contains(value) else { return nil }
                month = value
            case .day:
                guard let value = Self.digits(&rest, count: 2), (1...31).contains(value) else { return nil }
                day = value
            }
        }
        guard rest.isEmpty, day <= UTCDateTime.daysIn(month: month, year: year) else { return nil }
        return UTCDateTime.days(fromYear: year, month: month, day: day)
    }

    private static func digits(_ text: inout Substring, count: Int) -> Int64? {
        let prefix = text.prefix(count)
        guard prefix.count == count, prefix.allSatisfy(\.isASCII), let value = Int64(prefix) else { return nil }
        text = text.dropFirst(count)
        return value
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
