#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One `ip_allowlist` entry: an IPv4 or IPv6 address, optionally with a CIDR prefix length.
struct IPAllowlistEntry: Sendable, Equatable {
    /// The address family.
    enum Family: Sendable, Equatable {
        case v4, v6
    }

    let family: Family
    let address: String
    /// The prefix length; the whole address (32 or 128) when no `/n` is written.
    let prefixLength: Int

    /// Parses `203.0.113.7`, `203.0.113.0/24`, `2001:db8::1` or `2001:db8::/32`; nil for anything else
    /// (host names, ranges, out-of-range octets or prefixes, surrounding garbage).
    init?(parsing text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let address = String(parts[0])
        guard !address.isEmpty, !address.contains(where: \.isWhitespace) else { return nil }
        // inet_pton is the system's strict parser: dotted quads only for v4, every v6 spelling for v6.
        var buffer = [UInt8](repeating: 0, count: 16)
        if inet_pton(AF_INET, address, &buffer) == 1 {
            family = .v4
        } else if inet_pton(AF_INET6, address, &buffer) == 1 {
            family = .v6
        } else {
            return nil
        }
        let maximum = family == .v4 ? 32 : 128
        if parts.count == 2 {
            let prefix = parts[1]
            guard !prefix.isEmpty, prefix.count <= 3, prefix.allSatisfy({ $0.isASCII && $0.isNumber }),
                let length = Int(prefix),
                (0...maximum).contains(length)
            else { return nil }
            prefixLength = length
        } else {
            prefixLength = maximum
        }
        self.address = address
    }
}
