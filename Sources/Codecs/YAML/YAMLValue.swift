/// The value of a YAML node, with scalars resolved the way PyYAML's `safe_load` resolves them
/// (YAML 1.1: `yes`/`no`/`on`/`off` are booleans, `0755` is octal, `1:30` is base 60), except that
/// timestamps stay strings.
///
/// Equality is structural: nested marks are ignored, mappings compare as sets of entries, and
/// `.int(1)` differs from `.double(1.0)`.
public enum YAMLValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// An integer; YAML integers outside the `Int64` range are rejected with ``YAMLError/integerOutOfRange(text:at:)``.
    case int(Int64)
    case double(Double)
    case string(String)
    case sequence([YAMLNode])
    /// A mapping in source order; keys may be any scalar (`1: a` has an integer key).
    case mapping(YAMLMapping)

    /// The string of a string scalar.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The integer of an integer scalar, when it fits `Int`.
    public var int: Int? {
        if case .int(let number) = self { return Int(exactly: number) }
        return nil
    }

    /// The integer of an integer scalar.
    public var int64: Int64? {
        if case .int(let number) = self { return number }
        return nil
    }

    /// The number of a float scalar, or of an integer scalar converted to `Double` (as Python's
    /// `float()` accepts both, so a config field documented as float may be written `2`).
    public var double: Double? {
        switch self {
        case .double(let number): return number
        case .int(let number): return Double(number)
        default: return nil
        }
    }

    /// The value of a boolean scalar.
    public var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The elements of a sequence.
    public var array: [YAMLNode]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// The entries of a mapping.
    public var mapping: YAMLMapping? {
        if case .mapping(let entries) = self { return entries }
        return nil
    }

    /// Whether this is null.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether this is a scalar (not a sequence or mapping).
    public var isScalar: Bool {
        switch self {
        case .sequence, .mapping: return false
        default: return true
        }
    }

    /// The value for string key `key` when this is a mapping.
    public subscript(key: String) -> YAMLNode? { mapping?[key] }
}
