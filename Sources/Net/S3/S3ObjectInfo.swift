import Foundation

/// What `HEAD` tells about an object.
public struct S3ObjectInfo: Sendable, Equatable {
    /// Size in bytes (`Content-Length`).
    public let size: Int64
    /// The ETag as S3 sends it, quotes removed (for a single-part upload: the hex MD5 of the body).
    public let eTag: String?
    public let contentType: String?
    /// `Last-Modified` as sent (an HTTP date).
    public let lastModified: String?
    /// User metadata (`x-amz-meta-*`), names lowercased and without the prefix.
    public let metadata: [String: String]
}
