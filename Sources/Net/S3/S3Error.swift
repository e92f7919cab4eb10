/// Why an S3 call failed. Names the operation, bucket and key; never holds the credentials' secret or
/// session token, nor a request's `Authorization` header.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The object (or its bucket) does not exist (HTTP 404).
    case notFound(operation: S3Operation, bucket: String, key: String)
    /// S3 answered with an error status; `code` and `message` come from its XML error body when present
    /// (a HEAD response has no body, so only the status is known).
    case requestFailed(
        operation: S3Operation, bucket: String, key: String, status: Int, code: String?, message: String?,
        requestID: String?)
    /// No response arrived (connection refused, timeout, …); `reason` is the transport's message.
    case transport(operation: S3Operation, bucket: String, key: String, reason: String)
    /// The call was refused before sending: an invalid bucket name, key or metadata.
    case invalidRequest(operation: S3Operation, bucket: String, key: String, reason: String)
    /// A success response lacked something the call must return (e.g. Content-Length on HEAD).
    case malformedResponse(operation: S3Operation, bucket: String, key: String, reason: String)

    /// The HTTP status, when S3 answered.
    public var status: Int? {
        switch self {
        case .notFound: 404
        case .requestFailed(_, _, _, let status, _, _, _): status
        default: nil
        }
    }

    /// The S3 error code (`SignatureDoesNotMatch`, `NoSuchBucket`, …), when S3 sent one.
    public var code: String? {
        if case .requestFailed(_, _, _, _, let code, _, _) = self { return code }
        return nil
    }

    public var description: String {
        switch self {
        case .notFound(let operation, let bucket, let key):
            "S3 \(operation) s3://\(bucket)/\(key): not found (404) — check the bucket, key and region"
        case .requestFailed(let operation, let bucket, let key, let status, let code, let message, let requestID):
            "S3 \(operation) s3://\(bucket)/\(key) failed with HTTP \(status)"
                + (code.map { " \($0)" } ?? "") + (message.map { ": \($0)" } ?? "")
                + (requestID.map { " (request id \($0))" } ?? "") + Self.hint(status: status, code: code)
        case .transport(let operation, let bucket, let key, let reason):
            "S3 \(operation) s3://\(bucket)/\(key) got no response: \(reason)"
        case .invalidRequest(let operation, let bucket, let key, let reason):
            "S3 \(operation) s3://\(bucket)/\(key) not sent: \(reason)"
        case .malformedResponse(let operation, let bucket, let key, let reason):
            "S3 \(operation) s3://\(bucket)/\(key): unexpected response: \(reason)"
        }
    }

    private static func hint(status: Int, code: String?) -> String {
        switch code {
        case "SignatureDoesNotMatch":
            " — the secret access key is wrong for this access key id, or the region/endpoint differ"
        case "InvalidAccessKeyId": " — the access key id is unknown to this endpoint"
        case "RequestTimeTooSkewed": " — the system clock is off by more than 15 minutes; sync it (NTP)"
        case "NoSuchBucket": " — create the bucket or fix its name"
        case "AccessDenied": " — the credentials lack permission for this bucket/key"
        default: status == 403 ? " — check the credentials, region and bucket policy" : ""
        }
    }
}
