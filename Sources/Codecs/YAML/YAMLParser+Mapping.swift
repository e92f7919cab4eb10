extension YAMLParser {
    /// Collects the entries of one mapping: refuses duplicate keys and applies `<<` merges the way
    /// PyYAML does (keys written in the mapping win over merged ones; in `<<: [*a, *b]` the earlier
    /// mapping wins; merged entries come first in order).
    struct MappingBuilder {
        private var own = YAMLMapping()
        private var merged: [YAMLMapping.Entry] = []
        private var mergeKey: YAMLNode?

        mutating func add(key: YAMLNode, value: YAMLNode, isMerge: Bool) throws(YAMLError) {
            if isMerge {
                if let mergeKey {
                    throw .invalidMerge(
                        detail: "a mapping takes one '<<' (the first is at line \(mergeKey.mark.line)); "
                            + "merge several mappings with a list: <<: [*first, *second]",
                        at: key.mark)
                }
                mergeKey = key
                switch value.value {
                case .mapping(let mapping):
                    merged.append(contentsOf: mapping.entries)
                case .sequence(let items):
                    var mappings: [YAMLMapping] = []
                    for item in items {
                        guard case .mapping(let mapping) = item.value else {
                            throw .invalidMerge(
                                detail:
                                    "every element of a merge list must be a mapping (usually an alias like *defaults)",
                                at: item.mark)
                        }
                        mappings.append(mapping)
                    }
                    for mapping in mappings.reversed() { merged.append(contentsOf: mapping.entries) }
                default:
                    throw .invalidMerge(
                        detail: "the value must be a mapping or a list of mappings, found \(value.value.kindName)",
                        at: value.mark)
                }
                return
            }
            guard key.value.isScalar else { throw .nonScalarKey(at: key.mark) }
            if let existing = own.position(of: key.value) {
                throw .duplicateKey(key: key.value.keyText, at: key.mark, firstAt: own[existing].key.mark)
            }
            own.set(.init(key: key, value: value))
        }

        func build() -> YAMLMapping {
            guard !merged.isEmpty else { return own }
            var result = YAMLMapping()
            for entry in merged { result.set(entry) }
            for entry in own { result.set(entry) }
            return result
        }
    }
}

extension YAMLValue {
    /// A key as an operator would recognise it in a message.
    var keyText: String {
        if case .string(let text) = self { return text }
        return description
    }

    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a float"
        case .string: return "a string"
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }
}
