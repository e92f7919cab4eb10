import Foundation

extension HTTPResponse {
    /// The response as HTTP/1.1 bytes. The server owns framing: any `Content-Length`, `Transfer-Encoding`
    /// or `Connection` the handler set is replaced, and a header with a CR, LF or NUL is dropped so a
    /// handler echoing input cannot split the response.
    func serialized(keepAlive: Bool, includeBody: Bool) -> [UInt8] {
        let code = (100...999).contains(status) ? status : 500
        var head = "HTTP/1.1 \(code) \(Self.reasonPhrase(code))\r\n"
        for field in headers {
            let name = field.name.lowercased()
            if name == "content-length" || name == "transfer-encoding" || name == "connection" { continue }
            let unsafe =
                field.name.utf8.contains { $0 <= 0x20 || $0 == 0x3a || $0 == 0x7f }
                || field.value.utf8.contains { $0 == 0x0d || $0 == 0x0a || $0 == 0 }
            if unsafe || field.name.isEmpty { continue }
            head += "\(field.name): \(field.value)\r\n"
        }
        let bodyless = code < 200 || code == 204 || code == 304
        if !bodyless { head += "Content-Length: \(body.count)\r\n" }
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if includeBody && !bodyless { bytes.append(contentsOf: body) }
        return bytes
    }

    /// A plain-text response for a status the server produces itself.
    static func plain(_ status: Int, _ message: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "text/plain; charset=utf-8"
        return HTTPResponse(status: status, headers: headers, body: .init((message + "\n").utf8))
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 418: "I'm a teapot"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
