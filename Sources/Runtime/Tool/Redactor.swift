import Foundation

/// Replaces secrets in text with `***` before it reaches a log line, standard error or an error message.
///
/// Two defences: values registered at runtime (API keys, passphrases as they are loaded), matched verbatim
/// and in their URL-encoded and base64 forms; and patterns that carry secrets whatever their value
/// (`secret=…`, `signature=…`, `Authorization: …`, `X-MBX-APIKEY: …`, `user:password@` in URLs).
/// Shared by every logger and by `main`, so a secret registered once is hidden everywhere.
public final class Redactor: @unchecked Sendable {
    // Safety: `secrets` is only touched while holding `lock`; the regular expressions are immutable.
    private let lock = NSLock()
    private var secrets: Set<String> = []
    private let rules: [(NSRegularExpression, String)]

    /// The replacement text.
    public static let mask = "***"

    /// Registered values shorter than this are ignored: hiding every "abc" would garble all output, and the
    /// secret stores refuse such short secrets anyway.
    public static let minimumSecretLength = 4

    /// A redactor knowing no secret values yet (the patterns always apply).
    public init() {
        // Header names whose whole value is a credential (exchange signing headers included).
        let headers = [
            "authorization", "proxy-authorization", "x-mbx-apikey", "api-key", "api-sign", "x-api-key",
            "ok-access-key", "ok-access-sign", "ok-access-passphrase", "cb-access-key", "cb-access-sign",
            "cb-access-passphrase", "x-bapi-api-key", "x-bapi-sign", "x-amz-security-token", "cookie", "set-cookie",
        ].joined(separator: "|")
        // Names whose value is secret, also at the end of longer names (`api_key`, `X-Signature`,
        // `accessToken`). A bare `key` is not among them: "cache key: BTCUSDT::1d" and config key paths must
        // stay readable in logs and errors.
        let names = #"(?:api|secret|private|access|signing)[_\-]?key|secret|signature|passphrase|password|passwd|pwd|token"#
        let patterns: [(String, String)] = [
            // URL user info: smtp://user:pass@host → smtp://user:***@host
            (#"([A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@]*:)[^@\s/]+@"#, "$1\(Self.mask)@"),
            // Header lines: the rest of the line is the credential (`Bearer …`, `Basic …`).
            (#"(?i)\b((?:"# + headers + #")"?\s*:\s*)[^\r\n]+"#, "$1\(Self.mask)"),
            // name=value, name: value, "name": "value" (query strings, form bodies, JSON, config dumps).
            (#"(?i)([A-Za-z0-9_\-]*(?:"# + names + #")"?\s*[=:]\s*"?)[^\s"'&,;})\]]+"#,
             "$1\(Self.mask)"),
        ]
        // The patterns are constants; a failure to compile them is a programming error caught by any test.
        rules = patterns.map { pattern, template in
            (try! NSRegularExpression(pattern: pattern), template)
        }
    }

    /// Hides `secret` (and its URL-encoded and base64 forms) from now on.
    public func register(_ secret: String) {
        guard secret.count >= Self.minimumSecretLength else { return }
        var forms: Set<String> = [secret]
        let data = Data(secret.utf8)
        let base64 = data.base64EncodedString()
        forms.insert(base64)
        forms.insert(base64.trimmingCharacters(in: CharacterSet(charactersIn: "=")))
        let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        forms.insert(urlSafe)
        forms.insert(urlSafe.trimmingCharacters(in: CharacterSet(charactersIn: "=")))
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { forms.insert(encoded) }
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) { forms.insert(encoded) }
        // Form encoding writes spaces as '+'; JSON writers may escape '/' and must escape quotes and backslashes.
        forms.insert(secret.replacingOccurrences(of: " ", with: "+"))
        forms.insert(
            secret.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "/", with: "\\/"))
        lock.withLock {
            secrets.formUnion(forms.filter { $0.count >= Self.minimumSecretLength })
        }
    }

    /// `text` with every registered secret and every secret-looking pattern replaced by `***`.
    public func redact(_ text: String) -> String {
        // Longest first, so a secret containing another registered secret is hidden whole.
        let known = lock.withLock { secrets }.sorted { $0.count > $1.count }
        var result = text
        for secret in known where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.mask)
        }
        for (expression, template) in rules {
            let range = NSRange(result.startIndex..., in: result)
            result = expression.stringByReplacingMatches(in: result, range: range, withTemplate: template)
        }
        return result
    }
}
