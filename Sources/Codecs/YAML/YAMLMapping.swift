/// The entries of a YAML mapping in source order, with constant-time lookup by key.
///
/// Keys are scalars. Lookup follows Python's dictionary equality, as PyYAML builds dictionaries:
/// `1`, `1.0` and `true` are the same key, `"1"` is a different one.
public struct YAMLMapping: Sendable, Equatable, RandomAccessCollection {
    /// One `key: value` pair; both nodes carry their marks.
    public struct Entry: Sendable, Equatable {
        public var key: YAMLNode
        public var value: YAMLNode

        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in source order (merged `<<` entries first, as PyYAML orders them).
    public private(set) var entries: [Entry]
    private var positions: [YAMLKeyIdentity: Int]

    /// An empty mapping.
    public init() {
        entries = []
        positions = [:]
    }

    /// A mapping of `entries`; a later entry with an equal key replaces the earlier one's value in place.
    public init(_ entries: [Entry]) {
        self.init()
        for entry in entries { set(entry) }
    }

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> Entry { entries[position] }

    /// The value for a string key.
    public subscript(key: String) -> YAMLNode? {
        positions[.string(key)].map { entries[$0].value }
    }

    /// The value for a scalar key of any type (`.int(1)`, `.bool(true)`, `.null`, ...).
    public subscript(key: YAMLValue) -> YAMLNode? {
        guard let identity = YAMLKeyIdentity(key), let position = positions[identity] else { return nil }
        return entries[position].value
    }

    /// The whole entry (key node and value node) for a string key.
    public func entry(forKey key: String) -> Entry? {
        positions[.string(key)].map { entries[$0] }
    }

    /// The string keys in order (non-string keys are skipped).
    public var stringKeys: [String] { entries.compactMap { $0.key.value.string } }

    /// The position of an existing entry whose key equals `key`.
    func position(of key: YAMLValue) -> Int? {
        YAMLKeyIdentity(key).flatMap { positions[$0] }
    }

    /// Adds `entry`, or replaces the entry with an equal key keeping its position.
    mutating func set(_ entry: Entry) {
        guard let identity = YAMLKeyIdentity(entry.key.value) else {
            entries.append(entry)
            return
        }
        if let existing = positions[identity] {
            entries[existing] = entry
        } else {
            positions[identity] = entries.count
            entries.append(entry)
        }
    }

    public static func == (lhs: YAMLMapping, rhs: YAMLMapping) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        for entry in lhs.entries {
            guard let other = rhs[entry.key.value], other == entry.value else { return false }
        }
        return true
    }
}

/// A scalar key reduced to Python's dictionary equality: booleans and integral floats collapse onto
/// integers, so a mapping holding `1` and `1.0` has a duplicate key just as the Python dict would.
enum YAMLKeyIdentity: Hashable {
    case null
    case int(Int64)
    case double(UInt64)
    case string(String)

    init?(_ value: YAMLValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .int(flag ? 1 : 0)
        case .int(let number): self = .int(number)
        case .double(let number):
            if let exact = Int64(exactly: number) {
                self = .int(exact)
            } else {
                self = .double(number.bitPattern)
            }
        case .string(let text): self = .string(text)
        case .sequence, .mapping: return nil
        }
    }
}
