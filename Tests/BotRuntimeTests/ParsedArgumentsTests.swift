import BotRuntime
import Testing

@Suite("ParsedArguments")
struct ParsedArgumentsTests {
    private let options: [OptionSpec] = [
        .option("config", value: "path", help: "Config file."),
        .repeated("symbol", value: "symbol", help: "Symbols."),
        .option("limit", value: "n", kind: .integer, help: "Limit.", default: "10"),
        .option("ratio", value: "x", kind: .double, help: "Ratio."),
        .option("since", value: "date", kind: .date, help: "Start."),
        .option("mode", value: "mode", kind: .choice(["paper", "live"]), help: "Mode."),
        .option(
            "exchange", value: "name",
            kind: .custom(
                "exchange name", check: { ["binance", "kraken"].contains($0) ? nil : "not a known exchange" }),
            help: "Exchange."),
        .flag("json", help: "JSON.", negatable: true),
        .flag("verbose", help: "Chatty."),
    ]

    private func parse(
        _ arguments: [String], positionals: [PositionalSpec] = []
    ) throws(UsageError) -> ParsedArguments {
        try ParsedArguments(parsing: arguments, options: options, positionals: positionals)
    }

    private func usageError(_ arguments: [String], positionals: [PositionalSpec] = []) -> String? {
        do {
            _ = try parse(arguments, positionals: positionals)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("--name value and --name=value, keeping '=' inside the value")
    func valueForms() throws {
        let spaced = try parse(["--config", "core.yaml"])
        #expect(spaced.string("config") == "core.yaml")
        let joined = try parse(["--config=a=b==c"])
        #expect(joined.string("config") == "a=b==c")
        let empty = try parse(["--config="])
        #expect(empty.string("config") == "")
    }

    @Test("repeated options collect in order; defaults apply when absent")
    func repeatedAndDefaults() throws {
        let parsed = try parse(["--symbol", "BTC/USDT", "--symbol=ETH/USDT", "--symbol", "SOL/USDT"])
        #expect(parsed.strings("symbol") == ["BTC/USDT", "ETH/USDT", "SOL/USDT"])
        #expect(try parsed.integer("limit") == 10)
        #expect(parsed.string("config") == nil)
        #expect(try parse([]).strings("symbol") == [])
    }

    @Test("flags: present, negated, absent")
    func flags() throws {
        #expect(try parse(["--json"]).flag("json"))
        #expect(try !parse(["--json", "--no-json"]).flag("json", default: true))
        #expect(try parse([]).flag("json", default: true))
        #expect(try !parse([]).flag("verbose"))
        #expect(usageError(["--no-verbose"])?.hasPrefix("unknown option '--no-verbose'") == true)
        #expect(usageError(["--json=yes"]) == "option '--json' takes no value")
    }

    @Test("typed values are checked while parsing and read back")
    func typedValues() throws {
        let parsed = try parse([
            "--limit", "-5", "--ratio", "0.25", "--since", "2024-02-29T12:30:15.250Z", "--mode", "paper",
            "--exchange", "kraken",
        ])
        #expect(try parsed.integer("limit") == -5)
        #expect(try parsed.double("ratio") == 0.25)
        #expect(try parsed.date("since") == 1_709_209_815_250)
        #expect(try parse(["--since", "1999-12-31"]).date("since") == 946_598_400_000)
        #expect(parsed.string("mode") == "paper")
    }

    @Test(
        "bad values are usage errors naming the option",
        arguments: [
            (["--limit", "ten"], "invalid value for option '--limit <n>': 'ten' is not a whole number"),
            (["--ratio", "nan"], "invalid value for option '--ratio <x>': 'nan' is not a number"),
            (["--since", "2023-02-29"], "invalid value for option '--since <date>'"),
            (["--mode=demo"], "invalid value for option '--mode <mode>': 'demo' is not one of 'paper', 'live'"),
            (["--exchange", "ftx"], "invalid value for option '--exchange <name>': not a known exchange"),
        ])
    func badValues(arguments: [String], expected: String) {
        let message = usageError(arguments)
        #expect(message?.hasPrefix(expected) == true, "got \(message ?? "no error")")
    }

    @Test("unknown options are refused, with the closest known option suggested")
    func unknownOptions() {
        #expect(usageError(["--sybmol", "X"]) == "unknown option '--sybmol' (did you mean '--symbol'?)")
        #expect(usageError(["--foo"]) == "unknown option '--foo'")
        #expect(usageError(["-x"]) == "unknown option '-x'")
        #expect(usageError(["--confg=x"]) == "unknown option '--confg' (did you mean '--config'?)")
    }

    @Test("a missing value is a usage error, also when the next argument is an option")
    func missingValue() {
        #expect(usageError(["--config"])?.hasPrefix("missing value for option '--config <path>'") == true)
        #expect(usageError(["--config", "--json"])?.hasPrefix("missing value for option '--config <path>'") == true)
        #expect(usageError(["--config", "a", "--config", "b"]) == "option '--config' is given more than once")
    }

    @Test("required options and positionals")
    func required() throws {
        let required = [OptionSpec.option("config", value: "path", help: "Config.", required: true)]
        #expect(throws: UsageError("missing required option '--config <path>'")) {
            try ParsedArguments(parsing: [], options: required)
        }
        let positionals = [
            PositionalSpec("source", help: "Source."),
            PositionalSpec("rest", help: "More.", required: false, variadic: true),
        ]
        #expect(usageError([], positionals: positionals) == "missing argument <source>")
        let parsed = try parse(["a", "--json", "b", "c"], positionals: positionals)
        #expect(parsed.positional("source") == "a")
        #expect(parsed.positionals("rest") == ["b", "c"])
        #expect(usageError(["a", "b"]) == "unexpected argument 'a'")
    }

    @Test("-- ends options: everything after it is positional")
    func terminator() throws {
        let positionals = [PositionalSpec("words", help: "Words.", required: false, variadic: true)]
        let parsed = try parse(["--json", "--", "--verbose", "-h", "--config=x"], positionals: positionals)
        #expect(parsed.flag("json"))
        #expect(!parsed.flag("verbose"))
        #expect(!parsed.isHelpRequested)
        #expect(parsed.positionals("words") == ["--verbose", "-h", "--config=x"])
    }

    @Test("-h and --help request help even next to otherwise bad arguments")
    func help() throws {
        #expect(try parse(["--foo", "-h"]).isHelpRequested)
        #expect(try parse(["--help"]).isHelpRequested)
    }
}
