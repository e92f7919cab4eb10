import BotCodecs

/// A command line parsed against a tool's declared options and positionals.
///
/// Accepted forms: `--name value`, `--name=value` (the value may itself contain `=`), flags `--json` and,
/// when negatable, `--no-json`, repeated options, positionals, and `--` after which everything is
/// positional. `-h`/`--help` anywhere before `--` requests help. Values are checked against their
/// ``ValueKind`` while parsing, so every problem is a ``UsageError`` naming the option.
public struct ParsedArguments: Sendable, Equatable {
    /// True when `-h` or `--help` was given; the other arguments were not checked.
    public let isHelpRequested: Bool
    private var values: [String: [String]] = [:]
    private var flags: [String: Bool] = [:]
    private var positionalValues: [String: [String]] = [:]
    private var defaults: [String: String] = [:]

    /// Parses `arguments` (without the program name).
    public init(
        parsing arguments: [String], options: [OptionSpec], positionals: [PositionalSpec] = []
    ) throws(UsageError) {
        let helpIndex = arguments.firstIndex { $0 == "-h" || $0 == "--help" }
        let terminator = arguments.firstIndex(of: "--")
        if let helpIndex, terminator.map({ helpIndex < $0 }) ?? true {
            isHelpRequested = true
            return
        }
        isHelpRequested = false
        var byName: [String: OptionSpec] = [:]
        for option in options { byName[option.name] = option }
        for option in options {
            if let value = option.defaultValue { defaults[option.name] = value }
        }

        var loose: [String] = []
        var index = 0
        var afterTerminator = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if afterTerminator || argument == "-" || !argument.hasPrefix("-") || Self.isNumber(argument) {
                loose.append(argument)
                continue
            }
            if argument == "--" {
                afterTerminator = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(argument)'" + Self.suggestion(for: argument, among: options))
            }
            let body = argument.dropFirst(2)
            let name: String
            let inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
                inlineValue = nil
            }
            guard let option = byName[name] else {
                if name.hasPrefix("no-"), let flag = byName[String(name.dropFirst(3))],
                    flag.arity == .flag(negatable: true)
                {
                    guard inlineValue == nil else { throw UsageError("option '--\(name)' takes no value") }
                    flags[flag.name] = false
                    continue
                }
                throw UsageError("unknown option '--\(name)'" + Self.suggestion(for: "--" + name, among: options))
            }
            guard option.takesValue else {
                guard inlineValue == nil else { throw UsageError("option '--\(name)' takes no value") }
                flags[name] = true
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, !Self.looksLikeOption(arguments[index]) {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(
                    "missing value for option '\(option.synopsis)' (write --\(name)=<\(option.valueName)> "
                        + "for a value that starts with '-')")
            }
            if let problem = option.kind.problem(with: value) {
                throw UsageError("invalid value for option '\(option.synopsis)': \(problem)")
            }
            if option.arity == .single, values[name] != nil {
                throw UsageError("option '--\(name)' is given more than once")
            }
            values[name, default: []].append(value)
        }

        for option in options where option.isRequired && values[option.name] == nil {
            throw UsageError("missing required option '\(option.synopsis)'")
        }
        try assign(loose, to: positionals)
    }

    private mutating func assign(_ loose: [String], to positionals: [PositionalSpec]) throws(UsageError) {
        var remaining = loose[...]
        for positional in positionals {
            let taken: [String]
            if positional.isVariadic {
                taken = Array(remaining)
                remaining = []
            } else if let first = remaining.first {
                taken = [first]
                remaining = remaining.dropFirst()
            } else {
                taken = []
            }
            if taken.isEmpty, positional.isRequired {
                throw UsageError("missing argument <\(positional.name)>")
            }
            for value in taken {
                if let problem = positional.kind.problem(with: value) {
                    throw UsageError("invalid value for argument <\(positional.name)>: \(problem)")
                }
            }
            if !taken.isEmpty { positionalValues[positional.name] = taken }
        }
        if let extra = remaining.first {
            throw UsageError("unexpected argument '\(extra)'")
        }
    }

    // MARK: - Reading

    /// The value of a single-value option, its default when absent, or nil.
    public func string(_ name: String) -> String? {
        values[name]?.last ?? defaults[name]
    }

    /// The value of an option that must have one (declared required or with a default).
    public func requiredString(_ name: String) throws(UsageError) -> String {
        guard let value = string(name) else { throw UsageError("missing required option '--\(name)'") }
        return value
    }

    /// Every value of a repeated option, in command-line order (empty when absent).
    public func strings(_ name: String) -> [String] {
        values[name] ?? defaults[name].map { [$0] } ?? []
    }

    /// Whether a flag was given (`--json` true, `--no-json` false), else `defaultValue`.
    public func flag(_ name: String, default defaultValue: Bool = false) -> Bool {
        flags[name] ?? defaultValue
    }

    /// An integer option (declare it with ``ValueKind/integer``).
    public func integer(_ name: String) throws(UsageError) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text) else {
            throw UsageError("invalid value for option '--\(name)': '\(text)' is not a whole number")
        }
        return value
    }

    /// A decimal option (declare it with ``ValueKind/double``).
    public func double(_ name: String) throws(UsageError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw UsageError("invalid value for option '--\(name)': '\(text)' is not a number")
        }
        return value
    }

    /// A date option (declare it with ``ValueKind/date``) as epoch milliseconds, UTC.
    public func date(_ name: String) throws(UsageError) -> Int64? {
        guard let text = string(name) else { return nil }
        guard let value = UTCDateTime.milliseconds(parsing: text) else {
            throw UsageError("invalid value for option '--\(name)': '\(text)' is not a UTC date")
        }
        return value
    }

    /// The value of a positional argument, or nil when it was optional and absent.
    public func positional(_ name: String) -> String? {
        positionalValues[name]?.first
    }

    /// Every value of a variadic positional argument.
    public func positionals(_ name: String) -> [String] {
        positionalValues[name] ?? []
    }

    // MARK: - Lexing

    /// `-5` and `-0.25` are values, not options.
    private static func isNumber(_ argument: String) -> Bool {
        argument.count > 1 && Double(argument) != nil
    }

    private static func looksLikeOption(_ argument: String) -> Bool {
        argument.hasPrefix("-") && argument != "-" && !isNumber(argument)
    }

    /// ` (did you mean '--symbol'?)` when a declared option is a small edit away.
    private static func suggestion(for argument: String, among options: [OptionSpec]) -> String {
        let typed = Array(argument.drop(while: { $0 == "-" }).prefix(while: { $0 != "=" }))
        let candidates = options.map(\.name) + ["help"]
        let scored = candidates.map { ($0, editDistance(typed, Array($0))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, min(3, typed.count / 3)) else {
            return ""
        }
        return " (did you mean '--\(best.0)'?)"
    }

    /// Edit distance counting a swap of neighbours as one edit (`--jsno` is one away from `--json`).
    private static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
        guard !left.isEmpty, !right.isEmpty else { return max(left.count, right.count) }
        var distances = Array(repeating: Array(repeating: 0, count: right.count + 1), count: left.count + 1)
        for row in 0...left.count { distances[row][0] = row }
        for column in 0...right.count { distances[0][column] = column }
        for row in 1...left.count {
            for column in 1...right.count {
                let substitution = left[row - 1] == right[column - 1] ? 0 : 1
                var best = Swift.min(
                    distances[row - 1][column] + 1, distances[row][column - 1] + 1,
                    distances[row - 1][column - 1] + substitution)
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                    best = Swift.min(best, distances[row - 2][column - 2] + 1)
                }
                distances[row][column] = best
            }
        }
        return distances[left.count][right.count]
    }
}
