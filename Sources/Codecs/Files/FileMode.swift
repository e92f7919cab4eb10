#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unix permission bits for a file the codecs create, e.g. `0o600`.
public struct FileMode: Sendable, Hashable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The permission bits (`0o777` at most; set-id and sticky bits are not accepted).
    public let rawValue: UInt16

    /// Creates a mode from permission bits; bits above `0o777` are dropped.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue & 0o777
    }

    public init(integerLiteral value: UInt16) {
        self.init(rawValue: value)
    }

    /// `0o600`: only the owner reads and writes. For files that may hold operator data (journals,
    /// audit logs, account snapshots).
    public static let ownerOnly: FileMode = 0o600

    /// `0o644`: the owner writes, everyone reads. For data meant to be shared (candles, reports).
    public static let readableByAll: FileMode = 0o644

    public var description: String { "0" + String(rawValue, radix: 8) }

    var systemValue: mode_t { mode_t(rawValue) }
}
