// Literal conformances let tests and callers write expected documents directly:
// `#expect(node.value == ["name": "x", "ports": [80, 443]])`. Literal nodes carry a zero mark.

extension YAMLValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: YAMLValue...) {
        self = .sequence(elements.map { YAMLNode($0) })
    }
    public init(dictionaryLiteral elements: (YAMLValue, YAMLValue)...) {
        self = .mapping(YAMLMapping(elements.map { .init(key: YAMLNode($0.0), value: YAMLNode($0.1)) }))
    }
}

extension YAMLValue: CustomStringConvertible {
    /// A compact flow-style rendering for messages and debugging (not a YAML emitter).
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .string(let text): return "\"" + text + "\""
        case .sequence(let items): return "[" + items.map(\.value.description).joined(separator: ", ") + "]"
        case .mapping(let mapping):
            return "{" + mapping.entries.map { "\($0.key.value): \($0.value.value)" }.joined(separator: ", ") + "}"
        }
    }
}
