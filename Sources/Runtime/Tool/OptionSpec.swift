/// A command-line option a tool declares: its long name, whether it takes a value, and how to check it.
///
/// ```swift
/// static let options: [OptionSpec] = [
///     .option("config", value: "path", help: "The core.yaml to load.", required: true),
///     .repeated("symbol", value: "symbol", help: "A symbol to fill; repeat for more."),
///     .option("interval", value: "interval", help: "Candle interval.", default: "1h"),
///     .option("limit", value: "n", kind: .integer, help: "Stop after n pages."),
///     .flag("json", help: "Print the summary as JSON.", negatable: true),
/// ]
/// ```
public struct OptionSpec: Sendable {
    /// How often an option may be given and whether it takes a value.
    public enum Arity: Sendable, Equatable {
        /// `--json`: no value; present means true (and `--no-json` means false when negatable).
        case flag(negatable: Bool)
        /// `--config PATH` or `--config=PATH`, at most once.
        case single
        /// `--symbol A --symbol B`, collected in order.
        case repeated
    }

    /// The long name without dashes (`symbol` for `--symbol`).
    public let name: String
    /// Flag, single value or repeated.
    public let arity: Arity
    /// The placeholder shown in help (`path` → `--config <path>`).
    public let valueName: String
    /// What a value must look like; checked while parsing so the error names the option.
    public let kind: ValueKind
    /// The value used when the option is absent (shown in help).
    public let defaultValue: String?
    /// Refuse the command line when the option is absent.
    public let isRequired: Bool
    /// One sentence for the help text.
    public let help: String

    /// A boolean flag (`--json`); `negatable` also accepts `--no-json`.
    public static func flag(_ name: String, help: String, negatable: Bool = false) -> OptionSpec {
        OptionSpec(
            name: name, arity: .flag(negatable: negatable), valueName: "", kind: .string, defaultValue: nil,
            isRequired: false, help: help)
    }

    /// An option taking one value (`--config <path>`).
    public static func option(
        _ name: String, value: String, kind: ValueKind = .string, help: String, default defaultValue: String? = nil,
        required: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, arity: .single, valueName: value, kind: kind, defaultValue: defaultValue,
            isRequired: required, help: help)
    }

    /// An option that may be repeated (`--symbol A --symbol B`); `required` demands at least one.
    public static func repeated(
        _ name: String, value: String, kind: ValueKind = .string, help: String, required: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, arity: .repeated, valueName: value, kind: kind, defaultValue: nil, isRequired: required,
            help: help)
    }

    var takesValue: Bool {
        if case .flag = arity { return false }
        return true
    }

    /// `--config <path>` or `--json`, as help and errors show it.
    var synopsis: String {
        takesValue ? "--\(name) <\(valueName)>" : "--\(name)"
    }
}

/// A positional argument a tool declares (`inspect-manifest <path>`).
public struct PositionalSpec: Sendable {
    /// The name used in help and for ``ParsedArguments/positional(_:)``.
    public let name: String
    /// What a value must look like.
    public let kind: ValueKind
    /// Refuse the command line when absent.
    public let isRequired: Bool
    /// Collects every remaining positional argument; only the last positional may.
    public let isVariadic: Bool
    /// One sentence for the help text.
    public let help: String

    /// Declares a positional argument.
    public init(
        _ name: String, kind: ValueKind = .string, help: String, required: Bool = true, variadic: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.isVariadic = variadic
        self.help = help
    }
}
