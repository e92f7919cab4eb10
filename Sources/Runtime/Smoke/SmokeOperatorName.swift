/// Who ran a paper smoke test, as the audit logs record it.
public enum SmokeOperatorName {
    /// The name used when neither the option nor the environment names anyone.
    public static let fallback = "CI Agent"
    /// The environment variable consulted after the option.
    public static let environmentVariable = "PAPER_SMOKE_OPERATOR"

    /// The `--paper-smoke-operator` value, else `PAPER_SMOKE_OPERATOR` from `environment`, else
    /// ``fallback``; blank values are skipped and the chosen one is trimmed.
    public static func resolve(option: String?, environment: [String: String]) -> String {
        for candidate in [option, environment[environmentVariable]] {
            if let name = candidate?.trimmingWhitespace, !name.isEmpty { return name }
        }
        return fallback
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
