/// Why Thrift bytes could not be decoded; `offset` is relative to the decoded buffer.
enum ThriftDecodingError: Error, Sendable, Equatable {
    case truncated(offset: Int)
    case malformed(String, offset: Int)
    case missingField(String)
}
