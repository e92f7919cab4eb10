import Foundation

/// The fields of an S3 XML error body (`<Error><Code>…</Code><Message>…</Message>…</Error>`).
///
/// Only these three elements are read, on purpose: S3 and compatible stores may echo the string to
/// sign or canonical request in other elements, which are useless in an operator message.
struct S3ErrorBody: Sendable, Equatable {
    let code: String?
    let message: String?
    let requestID: String?

    init?(_ body: Data) {
        guard !body.isEmpty else { return nil }
        let text = String(decoding: body, as: UTF8.self)
        code = Self.element("Code", in: text)
        message = Self.element("Message", in: text)
        requestID = Self.element("RequestId", in: text)
        if code == nil, message == nil { return nil }
    }

    private static func element(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
            let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
        else { return nil }
        let raw = text[open.upperBound..<close.lowerBound]
        // Bound what an error message can carry from a hostile or broken server.
        return String(unescaped(String(raw)).prefix(500))
    }

    private static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
