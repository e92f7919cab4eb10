/// Why a YAML text could not be read. Every case names the line and column (1-based) of the
/// offending text, and `description` is the message for an operator.
public enum YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A character YAML does not allow in a stream (control characters other than tab and line breaks).
    case invalidCharacter(scalar: UInt32, at: YAMLMark)
    /// The bytes given to the parser are not valid UTF-8.
    case invalidUTF8(at: YAMLMark)
    /// A tab where YAML allows only spaces (indentation or separation outside scalars).
    case tab(at: YAMLMark)
    /// A quoted scalar that the text ends (or a document marker interrupts) before its closing quote.
    case unterminatedScalar(quote: String, at: YAMLMark)
    /// A `[...]` or `{...}` collection without its closing bracket.
    case unterminatedFlowCollection(opening: String, at: YAMLMark)
    /// A line indented where no node can continue.
    case badIndentation(detail: String, at: YAMLMark)
    /// The same key twice in one mapping (PyYAML keeps the last; we refuse, since it is always a mistake).
    case duplicateKey(key: String, at: YAMLMark, firstAt: YAMLMark)
    /// `*name` without an earlier `&name`.
    case undefinedAlias(name: String, at: YAMLMark)
    /// `&name` defined twice in one document (PyYAML refuses this too).
    case duplicateAnchor(name: String, at: YAMLMark, firstAt: YAMLMark)
    /// `*name` inside the node that `&name` is still defining.
    case recursiveAlias(name: String, at: YAMLMark)
    /// Aliases that would expand to more nodes than a configuration file can sensibly hold.
    case aliasExpansionTooLarge(limit: Int, at: YAMLMark)
    /// Collections nested deeper than the reader allows.
    case nestingTooDeep(limit: Int, at: YAMLMark)
    /// A tag other than `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`.
    case unknownTag(tag: String, at: YAMLMark)
    /// A scalar that does not fit its explicit tag, e.g. `!!int abc`.
    case invalidTaggedValue(tag: String, text: String, at: YAMLMark)
    /// An unknown or malformed escape sequence in a double-quoted scalar.
    case invalidEscape(sequence: String, at: YAMLMark)
    /// An integer outside the 64-bit signed range.
    case integerOutOfRange(text: String, at: YAMLMark)
    /// A `<<` merge whose value is not a mapping or a sequence of mappings.
    case invalidMerge(detail: String, at: YAMLMark)
    /// A mapping key that is a sequence or mapping.
    case nonScalarKey(at: YAMLMark)
    /// A YAML feature this reader does not implement (explicit `?` keys, `%TAG` directives, ...).
    case unsupported(feature: String, at: YAMLMark)
    /// `parse` was given a stream with more than one document.
    case multipleDocuments(at: YAMLMark)
    /// Any other violation of the YAML syntax; `message` says what was expected.
    case syntax(message: String, at: YAMLMark)

    /// Where the problem is.
    public var mark: YAMLMark {
        switch self {
        case .invalidCharacter(_, let at), .invalidUTF8(let at), .tab(let at),
            .unterminatedScalar(_, let at), .unterminatedFlowCollection(_, let at),
            .badIndentation(_, let at), .duplicateKey(_, let at, _), .undefinedAlias(_, let at),
            .duplicateAnchor(_, let at, _),
            .recursiveAlias(_, let at), .aliasExpansionTooLarge(_, let at), .nestingTooDeep(_, let at),
            .unknownTag(_, let at),
            .invalidTaggedValue(_, _, let at), .invalidEscape(_, let at), .integerOutOfRange(_, let at),
            .invalidMerge(_, let at), .nonScalarKey(let at), .unsupported(_, let at),
            .multipleDocuments(let at), .syntax(_, let at):
            return at
        }
    }

    /// 1-based line of the problem.
    public var line: Int { mark.line }
    /// 1-based column of the problem.
    public var column: Int { mark.column }

    public var description: String {
        "\(mark): " + problem
    }

    private var problem: String {
        switch self {
        case .invalidCharacter(let scalar, _):
            let hex = String(scalar, radix: 16, uppercase: true)
            return "control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex) is not allowed "
                + "in YAML; remove it or write it as an escape inside a double-quoted string"
        case .invalidUTF8:
            return "the text is not valid UTF-8; save the file as UTF-8"
        case .tab:
            return "tab character where YAML allows only spaces; indent and separate with spaces "
                + "(tabs are fine only inside quoted strings, block scalars and comments)"
        case .unterminatedScalar(let quote, _):
            return "\(quote == "'" ? "single" : "double")-quoted string starting here is never closed; "
                + "add the closing \(quote)"
        case .unterminatedFlowCollection(let opening, _):
            return "'\(opening)' starting here is never closed; add the matching '\(opening == "[" ? "]" : "}")'"
        case .badIndentation(let detail, _):
            return "bad indentation: \(detail)"
        case .duplicateKey(let key, _, let first):
            return "duplicate key '\(key)' in mapping (first at line \(first.line)); remove one of them"
        case .undefinedAlias(let name, _):
            return "alias '*\(name)' refers to no anchor; define '&\(name)' earlier in the document"
        case .duplicateAnchor(let name, _, let first):
            return "anchor '&\(name)' is already defined at line \(first.line); give this one another name"
        case .recursiveAlias(let name, _):
            return
                "alias '*\(name)' is used inside the node anchored as '&\(name)'; "
                + "recursive structures are not supported"
        case .aliasExpansionTooLarge(let limit, _):
            return "aliases expand to more than \(limit) nodes; the document is too large or maliciously nested"
        case .nestingTooDeep(let limit, _):
            return "collections nest deeper than \(limit) levels; flatten the document"
        case .unknownTag(let tag, _):
            return "unknown tag '\(tag)'; only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are supported"
        case .invalidTaggedValue(let tag, let text, _):
            return "'\(text)' is not a valid \(tag) value"
        case .invalidEscape(let sequence, _):
            return "invalid escape sequence '\(sequence)' in double-quoted string"
        case .integerOutOfRange(let text, _):
            return "integer \(text) does not fit in 64 bits; quote it to keep it as text"
        case .invalidMerge(let detail, _):
            return "invalid '<<' merge: \(detail)"
        case .nonScalarKey:
            return "mapping keys must be scalars, not sequences or mappings"
        case .unsupported(let feature, _):
            return "\(feature) is not supported by this YAML reader"
        case .multipleDocuments:
            return "expected a single document but found another '---' document here; use parseAll for streams"
        case .syntax(let message, _):
            return message
        }
    }
}
