import Foundation

extension HTTPRequest {
    /// The URL as it may appear in logs and errors: scheme, host, port and path only. The query
    /// (where signed requests carry `signature=` and timestamps), any user info and the fragment are
    /// dropped.
    public var redactedURL: String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return "(unparseable URL)"
        }
        var text = ""
        if let scheme = components.scheme { text += scheme + "://" }
        if let host = components.host { text += host }
        if let port = components.port { text += ":\(port)" }
        text += components.percentEncodedPath
        return text
    }

    /// `text` with every occurrence of this request's query, full URL and header values replaced, so a
    /// message built by foreign code (an error description) cannot leak them.
    func redacting(_ text: String) -> String {
        var result = text.replacingOccurrences(of: url.absoluteString, with: redactedURL)
        if let query = url.query, !query.isEmpty {
            result = result.replacingOccurrences(of: query, with: "…")
        }
        for field in headers where field.value.count >= 8 {
            result = result.replacingOccurrences(of: field.value, with: "…")
        }
        return result
    }
}
