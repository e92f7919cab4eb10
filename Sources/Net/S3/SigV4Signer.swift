import BotCrypto
import Foundation

/// Signs HTTP requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`).
///
/// S3 and the other AWS services canonicalise the path differently: S3 signs each path segment
/// URI-encoded once and never normalises `.`/`..`/`//` (an object key may contain them), while other
/// services normalise the path and encode the already-encoded path a second time. ``Options`` selects
/// the behaviour; ``Options/s3`` and ``Options/standard`` are the two presets.
///
/// The date is a parameter of every signing call so tests (and clock-skew corrections) inject it.
public struct SigV4Signer: Sendable {
    /// Service-specific canonicalisation choices.
    public struct Options: Sendable, Equatable {
        /// Encode the (already encoded) path segments once more, as every service except S3 expects.
        public var encodesPathTwice: Bool
        /// Remove empty, `.` and `..` path segments before encoding (not S3).
        public var normalizesPath: Bool
        /// Send and sign `x-amz-content-sha256` with the payload hash (required by S3).
        public var addsContentHashHeader: Bool

        public init(encodesPathTwice: Bool, normalizesPath: Bool, addsContentHashHeader: Bool) {
            self.encodesPathTwice = encodesPathTwice
            self.normalizesPath = normalizesPath
            self.addsContentHashHeader = addsContentHashHeader
        }

        /// Amazon S3 and S3-compatible stores.
        public static let s3 = Options(encodesPathTwice: false, normalizesPath: false, addsContentHashHeader: true)
        /// Every other AWS service (the rules of the published SigV4 test suite).
        public static let standard = Options(
            encodesPathTwice: true, normalizesPath: true, addsContentHashHeader: false)
    }

    static let algorithm = "AWS4-HMAC-SHA256"
    static let unsignedPayload = "UNSIGNED-PAYLOAD"

    public let credentials: S3Credentials
    public let region: String
    public let service: String
    public let options: Options

    public init(credentials: S3Credentials, region: String, service: String = "s3", options: Options = .s3) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// A copy of `request` carrying the signature headers. `Host` is signed (taken from the URL when the
    /// request has none) but not added, since the HTTP transport sends it itself.
    public func sign(_ request: HTTPRequest, at date: Date, payload: SigV4Payload = .signed) -> HTTPRequest {
        var headers = request.headers
        let hadHost = headers["host"] != nil
        if !hadHost { headers["host"] = Self.hostHeader(for: request.url) }
        let hash = payloadHash(payload, body: request.body)
        let signature = self.signature(
            method: request.method, path: request.url.path(percentEncoded: true),
            query: request.url.query(percentEncoded: true), headers: headers, payloadHash: hash, date: date)
        var signed = request
        signed.headers = signature.headers
        if !hadHost { signed.headers["host"] = nil }
        return signed
    }

    /// Signs a request given by its parts. `path` and `query` are as sent on the wire (the query without
    /// `?`); `headers` must include `Host`; any `Authorization` or `x-amz-date` already there is replaced.
    public func signature(
        method: HTTPMethod, path: String, query: String?, headers: HTTPHeaders, payloadHash: String, date: Date
    ) -> SigV4Signature {
        let timestamp = SigV4Timestamp(date)
        var headers = headers
        headers["authorization"] = nil
        headers["x-amz-date"] = timestamp.basic
        if options.addsContentHashHeader { headers["x-amz-content-sha256"] = payloadHash }
        if let token = credentials.sessionToken { headers["x-amz-security-token"] = token }

        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(headers)
        let canonicalRequest = [
            method.rawValue,
            canonicalURI(path),
            Self.canonicalQuery(query ?? ""),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")

        let scope = "\(timestamp.day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            Self.algorithm, timestamp.basic, scope, Hex.encode(SHA256.hash(Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        let signature = Hex.encode(HMAC.sha256(key: signingKey(day: timestamp.day), message: Array(stringToSign.utf8)))
        let authorization =
            "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        headers["authorization"] = authorization
        return SigV4Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            authorization: authorization, headers: headers)
    }

    /// The payload hash that `payload` stands for, as it goes into the canonical request.
    public func payloadHash(_ payload: SigV4Payload, body: some DataProtocol) -> String {
        switch payload {
        case .signed: Hex.encode(SHA256.hash(body))
        case .unsigned: Self.unsignedPayload
        case .precomputed(let hex): hex
        }
    }

    /// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, day), region), service), "aws4_request")`.
    func signingKey(day: String) -> [UInt8] {
        let dateKey = HMAC.sha256(key: Array(("AWS4" + credentials.secretAccessKey).utf8), message: Array(day.utf8))
        let regionKey = HMAC.sha256(key: dateKey, message: Array(region.utf8))
        let serviceKey = HMAC.sha256(key: regionKey, message: Array(service.utf8))
        return HMAC.sha256(key: serviceKey, message: Array("aws4_request".utf8))
    }

    static func hostHeader(for url: URL) -> String {
        let host = url.host(percentEncoded: false) ?? ""
        guard let port = url.port else { return host }
        let isDefault = (url.scheme == "http" && port == 80) || (url.scheme == "https" && port == 443)
        return isDefault ? host : "\(host):\(port)"
    }
}
