import BotCodecs
import Foundation

extension LiveTradingGate {
    /// The permissions an API key must have for the runtime to trade.
    public static let requiredPermissions = ["read", "trade"]
    /// The permission an API key must never have.
    public static let forbiddenPermission = "withdraw"

    /// What is missing or wrong in the credential settings of an environment whose adapter needs API keys:
    /// `keychain_key`, `credential_purpose`, `required_permissions` (read, trade), `forbidden_permissions`
    /// (withdraw) and `ip_allowlist`.
    ///
    /// `paper` environments trade against the offline simulator and need no keys: no issues. For
    /// `testnet` a missing keychain entry or purpose and an invalid allowlist entry are errors, the rest
    /// warnings; for `live` everything is an error (the `credentials` and `ip_allowlist` gates).
    ///
    /// - Parameter positions: where the keys are written, for the issues' marks (the file's start when nil).
    public static func credentialIssues(_ environment: EnvironmentConfig, positions: ConfigPositions? = nil)
        -> [ConfigIssue]
    {
        guard environment.kind != .paper else { return [] }
        let path = "environments".child(environment.name)
        let strict: ConfigIssue.Severity = environment.kind == .live ? .error : .warning
        var issues: [ConfigIssue] = []
        func add(_ severity: ConfigIssue.Severity, _ key: String, _ message: String) {
            let mark = positions?.mark(of: key) ?? YAMLMark(fileName: positions?.fileName, line: 1, column: 1)
            issues.append(ConfigIssue(severity: severity, path: key, mark: mark, message: message))
        }

        if environment.keychainKey.trimmingCharacters(in: .whitespaces).isEmpty {
            add(
                .error, path.child("keychain_key"),
                "is empty; set it to the name of the secret-store entry holding this account's API key "
                    + "(the name only, never the key itself)")
        }
        if environment.credentialPurpose.trimmingCharacters(in: .whitespaces).isEmpty {
            add(
                .error, path.child("credential_purpose"),
                "is empty; set the purpose the API key was stored for (e.g. trading), or remove the key to use "
                    + "the default 'trading'")
        }
        let missing = requiredPermissions.filter { !environment.requiredPermissions.contains($0) }
        if !missing.isEmpty {
            add(
                strict, path.child("required_permissions"),
                "does not require \(missing.joined(separator: " and ")); write "
                    + "'required_permissions: [read, trade]' so a key without them is refused")
        }
        if !environment.forbiddenPermissions.contains(forbiddenPermission) {
            add(
                strict, path.child("forbidden_permissions"),
                "does not forbid withdraw; write 'forbidden_permissions: [withdraw]' so a key that can "
                    + "withdraw funds is refused (trading keys must not withdraw)")
        }

        let allowlist = path.child("ip_allowlist")
        if environment.ipAllowlist.isEmpty {
            add(
                strict, allowlist,
                "is empty; list the static outbound addresses (or CIDR ranges) the exchange key is restricted "
                    + "to, e.g. [203.0.113.7, 2001:db8::/48], matching the allowlist set on the exchange")
        }
        for (index, text) in environment.ipAllowlist.enumerated() {
            let entryPath = allowlist.element(index)
            guard let entry = IPAllowlistEntry(parsing: text.trimmingCharacters(in: .whitespaces)) else {
                add(
                    .error, entryPath,
                    "'\(text)' is not an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.7, 203.0.113.0/24, "
                        + "2001:db8::/48); host names are not accepted")
                continue
            }
            if entry.prefixLength == 0 {
                add(
                    .error, entryPath,
                    "'\(text)' allows every address, which is no allowlist; list the actual outbound addresses")
            }
        }
        return issues
    }
}
