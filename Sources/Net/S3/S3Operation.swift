/// An S3 API call, as named in ``S3Error`` messages.
public enum S3Operation: String, Sendable, Equatable, CustomStringConvertible {
    case putObject = "PutObject"
    case headObject = "HeadObject"

    public var description: String { rawValue }
}
