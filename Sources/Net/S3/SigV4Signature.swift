/// The result of signing one request, with every intermediate string of the algorithm so each stage
/// can be compared with published test vectors.
public struct SigV4Signature: Sendable, Equatable {
    /// The canonical request (method, URI, query, headers, signed header list, payload hash).
    public let canonicalRequest: String
    /// `AWS4-HMAC-SHA256`, the timestamp, the credential scope and the canonical request's hash.
    public let stringToSign: String
    /// The lowercase hex HMAC-SHA256 of the string to sign under the derived signing key.
    public let signature: String
    /// The value of the `Authorization` header.
    public let authorization: String
    /// The headers to send: the input headers plus `x-amz-date`, `x-amz-content-sha256` (when the signer
    /// adds it), `x-amz-security-token` (with a session token) and `Authorization`.
    public let headers: HTTPHeaders
}
