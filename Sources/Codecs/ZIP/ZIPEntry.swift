/// One entry of a ZIP archive as its central directory records it.
public struct ZIPEntry: Sendable, Hashable {
    /// How an entry's bytes are compressed (APPNOTE 4.4.5).
    public struct Method: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }

        /// No compression.
        public static let stored = Method(rawValue: 0)
        /// Raw DEFLATE (RFC 1951).
        public static let deflated = Method(rawValue: 8)

        public var description: String {
            switch self {
            case .stored: "stored"
            case .deflated: "deflated"
            default: "method \(rawValue)"
            }
        }
    }

    /// The entry's path inside the archive, '/'-separated.
    public var name: String
    /// How the bytes are compressed.
    public var method: Method
    /// The CRC-32 of the uncompressed bytes.
    public var crc32: UInt32
    /// The size of the stored (compressed) bytes.
    public var compressedSize: Int64
    /// The size of the entry's contents.
    public var uncompressedSize: Int64
    /// The recorded timestamp (no time zone; UTC in archives written here).
    public var modificationDate: DOSDateTime
    /// The general purpose bit flags (bit 11: the name is UTF-8).
    public var flags: UInt16
    /// "Version made by": the high byte is the host system (3 = Unix).
    public var versionMadeBy: UInt16
    /// The external file attributes; on Unix hosts the high 16 bits are `st_mode`.
    public var externalAttributes: UInt32
    /// Where the entry's local header starts in the archive.
    public var localHeaderOffset: Int64

    /// The Unix permission bits when the archive was made on a Unix host, else nil.
    public var unixMode: UInt16? {
        versionMadeBy >> 8 == 3 ? UInt16(externalAttributes >> 16) & 0o7777 : nil
    }
}
