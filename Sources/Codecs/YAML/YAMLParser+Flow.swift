// Flow collections: `[a, b]` and `{a: 1, b}`, which may span lines and nest; a `key: value` inside `[...]`
// is a single-pair mapping, as in PyYAML.

extension YAMLParser {
    /// Skips spaces, line breaks and comments inside a flow collection opened at `opening`.
    mutating func skipFlowSeparation(opening: Int) throws(YAMLError) {
        while true {
            switch peek() {
            case .space, .lf: pos += 1
            case .tab: throw .tab(at: mark(pos))
            case .hash: skipComment()
            case 0:
                throw .unterminatedFlowCollection(opening: string(opening, opening + 1), at: mark(opening))
            default:
                if isDocumentMarker(at: pos) {
                    throw .unterminatedFlowCollection(opening: string(opening, opening + 1), at: mark(opening))
                }
                return
            }
        }
    }

    mutating func parseFlowSequence(properties: Properties) throws(YAMLError) -> YAMLNode {
        try enterNested()
        defer { depth -= 1 }
        let start = pos
        let startMark = nodeMark(properties.start ?? pos)
        pos += 1
        var items: [YAMLNode] = []
        while true {
            try skipFlowSeparation(opening: start)
            if peek() == .rightBracket {
                pos += 1
                break
            }
            let entryStart = pos
            let entryMark = nodeMark(entryStart)
            let explicitKey = try skipExplicitKeyIndicator(opening: start)
            let item: YAMLNode
            if explicitKey, peek() == .colon || peek() == .comma || peek() == .rightBracket {
                item = try emptyNode(Properties(), at: pos)
            } else {
                item = try parseFlowNode(opening: start)
            }
            try skipFlowSeparation(opening: start)
            // `key: value` (or `? key`) inside `[...]` is a single-pair mapping.
            var pairValue: YAMLNode? = nil
            if peek() == .colon {
                // As in PyYAML, an implicit key inside `[...]` must end on the line where it starts.
                guard explicitKey || lineIndex(of: pos) == lineIndex(of: entryStart) else {
                    throw syntax("expected ',' or ']' in the '[...]' sequence; a key must fit on one line", at: pos)
                }
                pos += 1
                try skipFlowSeparation(opening: start)
                if peek() == .comma || peek() == .rightBracket {
                    pairValue = try emptyNode(Properties(), at: pos)
                } else {
                    pairValue = try parseFlowNode(opening: start)
                }
                try skipFlowSeparation(opening: start)
            } else if explicitKey {
                pairValue = try emptyNode(Properties(), at: pos)
            }
            if let pairValue {
                var builder = MappingBuilder()
                try builder.add(key: item, value: pairValue, isMerge: false)
                items.append(try collectionNode(.mapping(builder.build()), mark: entryMark, properties: Properties()))
            } else {
                items.append(item)
            }
            if peek() == .comma {
                pos += 1
                continue
            }
            if peek() == .rightBracket {
                pos += 1
                break
            }
            throw syntax("expected ',' or ']' in the '[...]' sequence", at: pos)
        }
        return try collectionNode(.sequence(items), mark: startMark, properties: properties)
    }

    mutating func parseFlowMapping(properties: Properties) throws(YAMLError) -> YAMLNode {
        try enterNested()
        defer { depth -= 1 }
        let start = pos
        let startMark = nodeMark(properties.start ?? pos)
        pos += 1
        var builder = MappingBuilder()
        while true {
            try skipFlowSeparation(opening: start)
            if peek() == .rightBrace {
                pos += 1
                break
            }
            let explicitKey = try skipExplicitKeyIndicator(opening: start)
            let keyStart = pos
            let isMerge =
                peek() == .less && peek(1) == .less
                && (peek(2).isBlankOrEnd || peek(2) == .colon || peek(2).isFlowIndicator)
            let key: YAMLNode
            if explicitKey, peek() == .colon || peek() == .comma || peek() == .rightBrace {
                key = try emptyNode(Properties(), at: pos)
            } else if isMerge {
                pos += 2
                key = try scalarNode(.string("<<"), at: keyStart, properties: Properties())
            } else {
                key = try parseFlowNode(opening: start)
            }
            try skipFlowSeparation(opening: start)
            let value: YAMLNode
            if peek() == .colon {
                // As in PyYAML, an implicit key must end on the line where it starts.
                guard explicitKey || lineIndex(of: pos) == lineIndex(of: keyStart) else {
                    throw syntax("expected ',' or '}' in the '{...}' mapping; a key must fit on one line", at: pos)
                }
                pos += 1
                try skipFlowSeparation(opening: start)
                if peek() == .comma || peek() == .rightBrace {
                    value = try emptyNode(Properties(), at: pos)
                } else {
                    value = try parseFlowNode(opening: start)
                }
            } else {
                value = try emptyNode(Properties(), at: pos)
            }
            try builder.add(key: key, value: value, isMerge: isMerge)
            try skipFlowSeparation(opening: start)
            if peek() == .comma {
                pos += 1
                continue
            }
            if peek() == .rightBrace {
                pos += 1
                break
            }
            throw syntax("expected ',' or '}' in the '{...}' mapping", at: pos)
        }
        return try collectionNode(.mapping(builder.build()), mark: startMark, properties: properties)
    }

    /// Consumes a `? ` explicit-key indicator inside a flow collection, if there is one.
    mutating func skipExplicitKeyIndicator(opening: Int) throws(YAMLError) -> Bool {
        guard peek() == .question, peek(1).isBlankOrEnd || peek(1).isFlowIndicator else { return false }
        pos += 1
        try skipFlowSeparation(opening: opening)
        return true
    }

    /// One node inside a flow collection.
    mutating func parseFlowNode(opening: Int) throws(YAMLError) -> YAMLNode {
        let start = pos
        var properties = Properties()
        while peek() == .ampersand || peek() == .exclamation {
            let next = try parseProperties()
            if next.anchor != nil {
                properties.anchor = next.anchor
                properties.countAtStart = next.countAtStart
            }
            if next.tag != nil { properties.tag = next.tag }
            if properties.start == nil { properties.start = next.start }
            try skipFlowSeparation(opening: opening)
        }
        switch peek() {
        case .comma, .rightBracket, .rightBrace:
            if properties.isEmpty { throw syntax("expected a value before '\(string(pos, pos + 1))'", at: pos) }
            return try emptyNode(properties, at: start)
        case .colon where properties.isEmpty:
            throw syntax("expected a key before ':'", at: pos)
        default:
            return try parseInlineNode(parentIndent: -1, properties: properties, flow: true)
        }
    }
}
