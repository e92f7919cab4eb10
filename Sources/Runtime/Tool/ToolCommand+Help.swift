extension ToolCommand {
    /// `USAGE: backfill --config <path> [--symbol <symbol> ...] [--json] [<path>]`
    public static var usageLine: String {
        var parts = ["USAGE:", name]
        for option in options {
            var text = option.synopsis
            if option.arity == .repeated { text += " ..." }
            parts.append(option.isRequired ? text : "[\(text)]")
        }
        parts.append("[<options>]")
        for positional in positionals {
            var text = "<\(positional.name)>"
            if positional.isVariadic { text += " ..." }
            parts.append(positional.isRequired ? text : "[\(text)]")
        }
        return parts.joined(separator: " ")
    }

    /// The full help: summary, usage, every option with its placeholder, default and description, the
    /// positionals and the exit statuses.
    public static var help: String {
        var text = "\(name) — \(summary)\n\n\(usageLine)\n"
        if !positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            text += table(positionals.map { positional in
                var notes: [String] = []
                if let note = positional.kind.helpNote { notes.append(note) }
                if !positional.isRequired { notes.append("optional") }
                if positional.isVariadic { notes.append("repeatable") }
                return ("<\(positional.name)>", describe(positional.help, notes))
            })
        }
        text += "\nOPTIONS:\n"
        var rows = allOptions.map { option in
            var notes: [String] = []
            if let note = option.kind.helpNote, option.takesValue { notes.append(note) }
            if option.isRequired { notes.append("required") }
            if option.arity == .repeated { notes.append("repeatable") }
            if let value = option.defaultValue { notes.append("default: \(value)") }
            var synopsis = option.synopsis
            if option.arity == .flag(negatable: true) { synopsis += ", --no-\(option.name)" }
            return (synopsis, describe(option.help, notes))
        }
        rows.append(("-h, --help", "Show this help and exit."))
        text += table(rows)
        text += "\nEXIT CODES:\n"
        text += table((ToolExitCode.standard + exitCodes).map { (String($0.code), $0.meaning) })
        return text
    }

    private static func describe(_ help: String, _ notes: [String]) -> String {
        notes.isEmpty ? help : "\(help) (\(notes.joined(separator: "; ")))"
    }

    private static func table(_ rows: [(String, String)]) -> String {
        let width = min(32, (rows.map(\.0.count).max() ?? 0) + 2)
        return rows.map { left, right in
            // A name too long for the column gets its description on the next line.
            let padding =
                left.count < width
                ? String(repeating: " ", count: width - left.count)
                : "\n  " + String(repeating: " ", count: width)
            return "  " + left + padding + right + "\n"
        }.joined()
    }
}
