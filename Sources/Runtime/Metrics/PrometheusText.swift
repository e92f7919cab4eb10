/// Writing the Prometheus text exposition format 0.0.4.
enum PrometheusText {
    static func header(name: String, help: String, type: MetricType, into text: inout String) {
        text += "# HELP \(name) \(escapeHelp(help))\n# TYPE \(name) \(type.rawValue)\n"
    }

    static func sample(
        _ name: String, _ labels: LabelSet, extra: LabelSet.Pair? = nil, value: Double, into text: inout String
    ) {
        text += name
        if !labels.pairs.isEmpty || extra != nil {
            text += "{"
            var first = true
            for pair in labels.pairs + (extra.map { [$0] } ?? []) {
                if !first { text += "," }
                first = false
                text += pair.name
                text += "=\""
                text += escapeLabelValue(pair.value)
                text += "\""
            }
            text += "}"
        }
        text += " "
        text += number(value)
        text += "\n"
    }

    static func histogram(_ name: String, _ labels: LabelSet, _ snapshot: HistogramSnapshot, into text: inout String) {
        let bucketName = name + "_bucket"
        for (bound, count) in zip(snapshot.upperBounds, snapshot.cumulativeCounts) {
            let le = LabelSet.Pair(name: "le", value: number(bound))
            sample(bucketName, labels, extra: le, value: Double(count), into: &text)
        }
        let infinity = LabelSet.Pair(name: "le", value: "+Inf")
        sample(bucketName, labels, extra: infinity, value: Double(snapshot.count), into: &text)
        sample(name + "_sum", labels, value: snapshot.sum, into: &text)
        sample(name + "_count", labels, value: Double(snapshot.count), into: &text)
    }

    /// A sample value as Prometheus's Go client writes it: `NaN`, `+Inf`, `-Inf`, whole numbers without a
    /// fraction, otherwise the shortest text that reads back as the same Double (e.g. `0.25`, `1e-05`).
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(.towardZero), value.magnitude < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// `\` and line feeds escaped, as `# HELP` text requires.
    static func escapeHelp(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5c || $0 == 0x0a }) else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// `\`, `"` and line feeds escaped, as label values require.
    static func escapeLabelValue(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5c || $0 == 0x0a || $0 == 0x22 }) else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\"": escaped += "\\\""
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
