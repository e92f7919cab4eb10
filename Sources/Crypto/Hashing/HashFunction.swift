import Foundation

/// A Merkle–Damgård hash function with a fixed block size, usable incrementally and inside HMAC.
public protocol HashFunction: Sendable {
    /// Bytes consumed by one run of the compression function.
    static var blockByteCount: Int { get }
    /// Bytes in the finished digest.
    static var digestByteCount: Int { get }

    /// A hash with no input yet.
    init()
    /// Feeds `bytes` into the hash.
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// Pads the input, runs the last compression and returns the digest.
    consuming func finalize() -> [UInt8]
}

extension HashFunction {
    /// Feeds every byte of `bytes` into the hash, one contiguous region at a time.
    public mutating func update(_ bytes: some DataProtocol) {
        for region in bytes.regions {
            region.withUnsafeBytes { update($0) }
        }
    }

    /// The digest of `bytes` in one call.
    public static func hash(_ bytes: some DataProtocol) -> [UInt8] {
        var hash = Self()
        hash.update(bytes)
        return hash.finalize()
    }
}
