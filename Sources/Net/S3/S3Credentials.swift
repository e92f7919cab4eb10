/// The access key, secret and optional session token that sign S3 (and other AWS SigV4) requests.
///
/// The secret and the token never appear in `description`, `debugDescription` or any error built
/// from these credentials, so logging a client or its configuration cannot leak them.
public struct S3Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The public half, e.g. `AKIAIOSFODNN7EXAMPLE`; safe to log.
    public let accessKeyID: String
    /// The secret half; used only to derive signing keys.
    public let secretAccessKey: String
    /// A temporary session token (STS), sent as `x-amz-security-token` and signed.
    public let sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public var description: String {
        "S3Credentials(accessKeyID: \(accessKeyID), secretAccessKey: <redacted>, sessionToken: "
            + (sessionToken == nil ? "none" : "<redacted>") + ")"
    }

    public var debugDescription: String { description }
}
