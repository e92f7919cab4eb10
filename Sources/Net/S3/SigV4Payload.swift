/// How the request body enters an AWS Signature Version 4 signature.
public enum SigV4Payload: Sendable, Equatable {
    /// Hash the body (SHA-256) and sign the hash: the server rejects a body changed in transit.
    case signed
    /// Sign the literal `UNSIGNED-PAYLOAD` (allowed by S3), e.g. when the body is streamed.
    case unsigned
    /// A body hash the caller already computed, as lowercase hex.
    case precomputed(hexSHA256: String)
}
