import Foundation

/// A minimal S3 client (PutObject, HeadObject) over any ``HTTPTransport``, signing with AWS Signature V4.
///
/// Works with Amazon S3 and S3-compatible stores (MinIO, Ceph, moto): give their `endpoint`, e.g.
/// `http://127.0.0.1:9000`, and normally ``Addressing/pathStyle``. The credentials are only used to sign;
/// errors and descriptions never contain the secret or the session token.
public struct S3Client: Sendable {
    /// Where the bucket name goes in the URL.
    public enum Addressing: Sendable, Equatable {
        /// `https://s3.region.amazonaws.com/bucket/key`: works with every endpoint and bucket name.
        case pathStyle
        /// `https://bucket.s3.region.amazonaws.com/key` (what AWS recommends). Bucket names that are not
        /// valid DNS labels (upper case, `_`, or dots on https) fall back to path style.
        case virtualHosted
    }

    public let endpoint: URL
    public let region: String
    public let addressing: Addressing
    public let payloadSigning: SigV4Payload
    /// The limit for each request; nil uses the transport's default.
    public let timeout: Duration?
    private let signer: SigV4Signer
    private let transport: any HTTPTransport
    private let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - endpoint: the service root without bucket, e.g. `https://s3.eu-central-1.amazonaws.com`.
    ///   - payloadSigning: `.signed` hashes every body (S3 then rejects a body changed in transit);
    ///     `.unsigned` skips the hash.
    ///   - clock: the signing time (injected by tests; must be within 15 minutes of the server's).
    public init(
        endpoint: URL, region: String, credentials: S3Credentials, addressing: Addressing = .pathStyle,
        transport: any HTTPTransport, payloadSigning: SigV4Payload = .signed, timeout: Duration? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint
        self.region = region
        self.addressing = addressing
        self.payloadSigning = payloadSigning
        self.timeout = timeout
        self.signer = SigV4Signer(credentials: credentials, region: region, service: "s3", options: .s3)
        self.transport = transport
        self.clock = clock
    }

    /// A client for Amazon S3 itself in `region`, with virtual-hosted addressing.
    public static func aws(
        region: String, credentials: S3Credentials, transport: any HTTPTransport, timeout: Duration? = nil
    ) -> S3Client {
        // The fallback literal is a valid URL, so the force unwrap cannot fail; a region with characters
        // that make the first URL invalid does not exist, and the request then fails at S3 with its error.
        let url = URL(string: "https://s3.\(region).amazonaws.com") ?? URL(string: "https://s3.amazonaws.com")!
        return S3Client(
            endpoint: url, region: region, credentials: credentials, addressing: .virtualHosted,
            transport: transport, timeout: timeout)
    }

    // MARK: Operations

    /// Stores `body` at `bucket`/`key` and returns the object's ETag (quotes removed).
    ///
    /// - Parameter metadata: user metadata, sent as `x-amz-meta-<name>`; names are lowercased (S3 does the
    ///   same) and values must be printable ASCII.
    @discardableResult
    public func putObject(
        bucket: String, key: String, body: Data, contentType: String = "application/octet-stream",
        metadata: [String: String] = [:]
    ) async throws(S3Error) -> String? {
        let operation = S3Operation.putObject
        var headers = HTTPHeaders()
        headers["Content-Type"] = contentType
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenByte) else {
                throw .invalidRequest(
                    operation: operation, bucket: bucket, key: key,
                    reason: "metadata name \(name.debugDescription) must be letters, digits, '-' or '_'")
            }
            guard value.utf8.allSatisfy({ (0x20...0x7E).contains($0) || $0 == 0x09 }) else {
                throw .invalidRequest(
                    operation: operation, bucket: bucket, key: key,
                    reason: "metadata value of \(name) must be printable ASCII (encode other text first)")
            }
            headers["x-amz-meta-\(name.lowercased())"] = value
        }
        let response = try await send(operation, method: .put, bucket: bucket, key: key, headers: headers, body: body)
        return response.headers["etag"].map(Self.unquoted)
    }

    /// Size, ETag, content type and user metadata of `bucket`/`key`; ``S3Error/notFound(operation:bucket:key:)``
    /// when there is no such object.
    public func headObject(bucket: String, key: String) async throws(S3Error) -> S3ObjectInfo {
        let operation = S3Operation.headObject
        let response = try await send(
            operation, method: .head, bucket: bucket, key: key, headers: HTTPHeaders(), body: Data())
        guard let lengthText = response.headers["content-length"], let size = Int64(lengthText) else {
            throw .malformedResponse(operation: operation, bucket: bucket, key: key, reason: "no Content-Length")
        }
        var metadata: [String: String] = [:]
        for field in response.headers where field.name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(field.name.lowercased().dropFirst("x-amz-meta-".count))] = field.value
        }
        return S3ObjectInfo(
            size: size, eTag: response.headers["etag"].map(Self.unquoted),
            contentType: response.headers["content-type"], lastModified: response.headers["last-modified"],
            metadata: metadata)
    }

    // MARK: Requests

    /// The URL of an object; keys are encoded segment by segment (`/` kept) with the SigV4 rules, so the
    /// path on the wire is exactly the one that is signed.
    public func url(bucket: String, key: String) -> URL? {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false),
            let host = components.host
        else { return nil }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        let encodedKey = SigV4Encoding.encode(Array(key.utf8), keepingSlash: true)
        if usesVirtualHost(bucket: bucket) {
            components.host = "\(bucket).\(host)"
            components.percentEncodedPath = basePath + "/" + encodedKey
        } else {
            components.percentEncodedPath =
                basePath + "/" + SigV4Encoding.encode(Array(bucket.utf8)) + "/" + encodedKey
        }
        return components.url
    }

    func usesVirtualHost(bucket: String) -> Bool {
        guard addressing == .virtualHosted else { return false }
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count), let first = bytes.first, let last = bytes.last,
            Self.isLowerAlphanumeric(first), Self.isLowerAlphanumeric(last),
            bytes.allSatisfy({ Self.isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
            !bucket.contains("..")
        else { return false }
        // A dotted name breaks the wildcard TLS certificate of *.s3.amazonaws.com.
        return !(endpoint.scheme == "https" && bucket.contains("."))
    }

    private func send(
        _ operation: S3Operation, method: HTTPMethod, bucket: String, key: String, headers: HTTPHeaders, body: Data
    ) async throws(S3Error) -> HTTPResponse {
        guard !bucket.isEmpty, !bucket.contains("/") else {
            throw .invalidRequest(operation: operation, bucket: bucket, key: key, reason: "invalid bucket name")
        }
        guard !key.isEmpty, key.utf8.count <= 1024 else {
            throw .invalidRequest(
                operation: operation, bucket: bucket, key: key, reason: "the key must be 1–1024 bytes")
        }
        // URLSession (curl on Linux) resolves "." and ".." segments before sending, so the server would
        // see, and verify the signature over, a different path than the one signed.
        guard !key.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." })
        else {
            throw .invalidRequest(
                operation: operation, bucket: bucket, key: key,
                reason: "keys with '.' or '..' path segments are not supported (HTTP clients rewrite them)")
        }
        guard let url = url(bucket: bucket, key: key) else {
            throw .invalidRequest(
                operation: operation, bucket: bucket, key: key, reason: "cannot build a URL from \(endpoint)")
        }
        let request = signer.sign(
            HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: timeout), at: clock(),
            payload: payloadSigning)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw .transport(operation: operation, bucket: bucket, key: key, reason: String(describing: error))
        }
        guard (200..<300).contains(response.status) else {
            if response.status == 404 { throw .notFound(operation: operation, bucket: bucket, key: key) }
            let body = S3ErrorBody(response.body)
            throw .requestFailed(
                operation: operation, bucket: bucket, key: key, status: response.status, code: body?.code,
                message: body?.message, requestID: body?.requestID ?? response.headers["x-amz-request-id"])
        }
        return response
    }

    private static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
