import BotCrypto

/// The reference's 31-bit linear congruential generator (reference-data §9), kept bit for bit so the
/// synthetic cache matches the Python original's golden values.
///
/// Integer arithmetic only: the same seed gives the same draws on every platform. Its statistical quality is
/// poor (a 31-bit LCG), which is acceptable for plausible-looking test candles and nothing else.
struct ReferenceRandom: Sendable {
    private static let modulus: UInt64 = 1 << 31
    private var state: UInt64

    /// A generator whose state is the first 8 bytes (big-endian) of SHA-256(`text`), reduced mod 2^31.
    init(seedText text: String) {
        let digest = SHA256.hash(Array(text.utf8))
        state = Self.bigEndianUInt64(digest, at: 0) % Self.modulus
    }

    /// The next draw in [0, 1): the new state divided by 2^31 (exact in a double).
    mutating func next() -> Double {
        state = (1_103_515_245 &* state &+ 12_345) % Self.modulus
        return Double(state) / Double(Self.modulus)
    }

    static func bigEndianUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    static func bigEndianUInt64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
