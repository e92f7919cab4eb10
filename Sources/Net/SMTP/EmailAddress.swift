/// A mailbox: an address (`local@domain`) and an optional display name.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let address: String
    public let displayName: String?

    /// Does not validate: rendering the message does (so a literal can be written inline).
    public init(_ address: String, displayName: String? = nil) {
        self.address = address
        self.displayName = displayName
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    /// Throws unless the address has a non-empty local part and domain and none of the characters that
    /// would break the header or envelope syntax.
    func validated() throws(EmailMessageError) -> String {
        // Bytes, not Characters: "\r\n" is one Character and would slip past a Character test.
        let forbidden: Set<UInt8> = Set(" \t\r\n<>,\0".utf8)
        guard let at = address.lastIndex(of: "@"), at != address.startIndex,
            address.index(after: at) != address.endIndex, !address.utf8.contains(where: forbidden.contains)
        else { throw .invalidAddress(address) }
        if let displayName, displayName.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            throw .lineBreakInHeader(field: "display name of \(address)")
        }
        return address
    }

    var isASCII: Bool { address.utf8.allSatisfy { $0 < 0x80 } }

    /// The domain, for Message-ID generation.
    var domain: Substring {
        address.lastIndex(of: "@").map { address[address.index(after: $0)...] } ?? "localhost"
    }
}
