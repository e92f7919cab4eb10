import BotCodecs

/// `validate-config`: loads a core.yaml and reports every error and warning with its file, line, column and
/// key path (`spec/reference-data.md` §2.1, DESIGN.md §4.8).
///
/// Text output, on standard output, one line per issue then a summary:
///
/// ```
/// config/core.yaml:302:19: error: environments.binance_paper.risk_profile: unknown risk profile 'balancd' (…)
/// config/core.yaml: invalid (1 error, 0 warnings)
/// ```
///
/// `--json` prints `{"config", "valid", "errors", "warnings"}` instead, each issue with `path`, `line`,
/// `column` and `message`. Exit 0 when valid (warnings allowed), 2 when any error (YAML syntax included),
/// 1 when the file cannot be read, 64 for a bad command line.
public struct ValidateConfigCommand: ToolCommand {
    public static let name = "validate-config"
    public static let summary =
        "Checks a core.yaml and lists every error and warning with its file, line, column and key path "
        + "(exit 2 on any error, YAML syntax included; 1 when the file cannot be read)."
    public static let options: [OptionSpec] = [
        .option("config", value: "path", help: "The configuration file to check.", default: "config/core.yaml"),
        .flag("json", help: "Print {\"config\", \"valid\", \"errors\", \"warnings\"} as JSON instead of text."),
    ]

    let configPath: String
    let json: Bool

    public init(parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        configPath = try parsed.requiredString("config")
        json = parsed.flag("json")
    }

    public func run(in context: ToolContext) async throws {
        let result = try CoreConfigLoader.load(path: context.resolve(configPath), displayName: configPath)
        let issues = result.allIssues
        let errors = issues.filter { $0.severity == .error }
        let warnings = issues.filter { $0.severity == .warning }
        context.logger.debug("checked \(configPath): \(errors.count) errors, \(warnings.count) warnings")
        if json {
            context.write(Self.json(config: configPath, errors: errors, warnings: warnings))
        } else {
            var text = issues.map { "\($0)\n" }.joined()
            text +=
                "\(configPath): \(errors.isEmpty ? "valid" : "invalid") "
                + "(\(Self.count(errors.count, "error")), \(Self.count(warnings.count, "warning")))\n"
            context.write(text)
        }
        // The report is already written; exit 2 without repeating it.
        if !errors.isEmpty { throw ToolExit(code: 2) }
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// The report as JSON with a fixed key order, two-space indent.
    static func json(config: String, errors: [ConfigIssue], warnings: [ConfigIssue]) -> String {
        func issues(_ list: [ConfigIssue]) -> String {
            guard !list.isEmpty else { return "[]" }
            let items = list.map { issue in
                "    {\n      \"path\": \(quoted(issue.path)),\n      \"line\": \(issue.mark.line),\n"
                    + "      \"column\": \(issue.mark.column),\n      \"message\": \(quoted(issue.message))\n    }"
            }
            return "[\n" + items.joined(separator: ",\n") + "\n  ]"
        }
        return "{\n  \"config\": \(quoted(config)),\n  \"valid\": \(errors.isEmpty),\n"
            + "  \"errors\": \(issues(errors)),\n  \"warnings\": \(issues(warnings))\n}\n"
    }

    /// A JSON string literal (UTF-8 kept as is; quotes, backslashes and control characters escaped).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
