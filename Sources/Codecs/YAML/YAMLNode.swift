/// One node of a parsed YAML document: its value and where it starts in the source.
///
/// Equality compares values only (see ``YAMLValue``); marks are where a node was written, not what it is.
public struct YAMLNode: Sendable, Equatable, CustomStringConvertible {
    /// What the node holds. Collections hold further nodes, so every element keeps its own mark.
    public var value: YAMLValue
    /// Where the node starts (for an alias: where the alias is written).
    public var mark: YAMLMark

    /// A node holding `value`, written at `mark`.
    public init(_ value: YAMLValue, mark: YAMLMark = YAMLMark(line: 0, column: 0)) {
        self.value = value
        self.mark = mark
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool { lhs.value == rhs.value }

    public var description: String { value.description }

    /// The value for string key `key` when this node is a mapping.
    public subscript(key: String) -> YAMLNode? { value.mapping?[key] }

    /// The element at `index` when this node is a sequence and the index is in range.
    public subscript(index: Int) -> YAMLNode? {
        guard case .sequence(let items) = value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The node reached by following string keys from this one, e.g.
    /// `root.node(at: ["environments", "binance_paper", "exchange"])`.
    public func node(at path: some Sequence<String>) -> YAMLNode? {
        var current = self
        for key in path {
            guard let next = current[key] else { return nil }
            current = next
        }
        return current
    }

    /// The key node (with its mark) of the entry at the end of `path`, for messages that point at the
    /// key rather than the value ("config/core.yaml:12: environments.binance_paper.exchange ...").
    public func keyNode(at path: [String]) -> YAMLNode? {
        guard let last = path.last, let parent = node(at: path.dropLast()) else { return nil }
        return parent.value.mapping?.entry(forKey: last)?.key
    }

    /// The string when the node is a string scalar.
    public var string: String? { value.string }
    /// The integer when the node is an integer scalar that fits `Int`.
    public var int: Int? { value.int }
    /// The number when the node is a float or an integer scalar (integers are converted).
    public var double: Double? { value.double }
    /// The boolean when the node is a boolean scalar.
    public var bool: Bool? { value.bool }
    /// The elements when the node is a sequence.
    public var array: [YAMLNode]? { value.array }
    /// The entries when the node is a mapping.
    public var mapping: YAMLMapping? { value.mapping }
    /// Whether the node is null (`~`, `null`, or empty).
    public var isNull: Bool { value.isNull }
}
