import Foundation

/// The Poly1305 one-time authenticator of RFC 8439 §2.5: a 16-byte tag under a 32-byte one-time key.
///
/// Arithmetic modulo 2^130 − 5 uses five 26-bit limbs with 64-bit products, so it needs no wide-integer type.
public struct Poly1305: Sendable {
    /// Bytes in a one-time key.
    public static let keyByteCount = 32
    /// Bytes in a tag.
    public static let tagByteCount = 16

    private let r0, r1, r2, r3, r4: UInt64
    private let pad0, pad1, pad2, pad3: UInt64
    private var h0: UInt64 = 0, h1: UInt64 = 0, h2: UInt64 = 0, h3: UInt64 = 0, h4: UInt64 = 0
    private var pending: (UInt64, UInt64) = (0, 0)
    private var pendingCount = 0

    /// The tag of `message` under the one-time `key`.
    public static func authenticate(
        _ message: some DataProtocol, key: some DataProtocol
    ) throws(ChaChaPolyError) -> [UInt8] {
        var authenticator = try Poly1305(key: key)
        authenticator.update(message)
        return authenticator.finalize()
    }

    /// An authenticator keyed with a 32-byte one-time key (r ‖ s).
    public init(key: some DataProtocol) throws(ChaChaPolyError) {
        guard key.count == Self.keyByteCount else { throw .invalidKeyLength(key.count) }
        self.init(validatedKey: Array(key))
    }

    /// An authenticator keyed with `bytes`, which the caller guarantees are 32 bytes.
    init(validatedKey bytes: [UInt8]) {
        func word(_ offset: Int) -> UInt64 {
            UInt64(bytes[offset]) | UInt64(bytes[offset + 1]) << 8 | UInt64(bytes[offset + 2]) << 16
                | UInt64(bytes[offset + 3]) << 24
        }
        // Clamping (§2.5.1) folded into the split into 26-bit limbs.
        r0 = word(0) & 0x3ff_ffff
        r1 = (word(3) >> 2) & 0x3ff_ff03
        r2 = (word(6) >> 4) & 0x3ff_c0ff
        r3 = (word(9) >> 6) & 0x3f0_3fff
        r4 = (word(12) >> 8) & 0x00f_ffff
        pad0 = word(16)
        pad1 = word(20)
        pad2 = word(24)
        pad3 = word(28)
    }

    /// Feeds message bytes.
    public mutating func update(_ bytes: some DataProtocol) {
        for region in bytes.regions {
            region.withUnsafeBytes { update($0) }
        }
    }

    /// Feeds message bytes from a raw buffer.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        if pendingCount > 0 {
            let take = min(16 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) {
                $0.baseAddress!.advanced(by: offset).copyMemory(from: source, byteCount: take)
            }
            pendingCount += take
            source += take
            remaining -= take
            guard pendingCount == 16 else { return }
            let block = pending
            withUnsafeBytes(of: block) { absorb($0.baseAddress!, blockCount: 1, finalBit: 1 << 24) }
            pendingCount = 0
        }
        let whole = remaining / 16
        if whole > 0 {
            absorb(source, blockCount: whole, finalBit: 1 << 24)
            source += whole * 16
            remaining -= whole * 16
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: source, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    /// Feeds zero bytes up to the next 16-byte boundary, as the AEAD construction pads each part.
    mutating func padToBlock() {
        guard pendingCount > 0 else { return }
        let zeros = (UInt64(0), UInt64(0))
        withUnsafeBytes(of: zeros) { update(UnsafeRawBufferPointer(rebasing: $0.prefix(16 - pendingCount))) }
    }

    /// The 16-byte tag.
    public consuming func finalize() -> [UInt8] {
        if pendingCount > 0 {
            // A short last block gets a 0x01 byte after the message and no 2^128 bit.
            var block = pending
            let count = pendingCount
            withUnsafeMutableBytes(of: &block) { bytes in
                bytes[count] = 1
                for index in (count + 1)..<16 { bytes[index] = 0 }
            }
            withUnsafeBytes(of: block) { absorb($0.baseAddress!, blockCount: 1, finalBit: 0) }
        }
        let mask: UInt64 = 0x3ff_ffff
        var c: UInt64
        c = h1 >> 26
        h1 &= mask
        h2 += c
        c = h2 >> 26
        h2 &= mask
        h3 += c
        c = h3 >> 26
        h3 &= mask
        h4 += c
        c = h4 >> 26
        h4 &= mask
        h0 += c * 5
        c = h0 >> 26
        h0 &= mask
        h1 += c

        // h − p, chosen instead of h when it does not underflow (constant time).
        var g0 = h0 &+ 5
        c = g0 >> 26
        g0 &= mask
        var g1 = h1 &+ c
        c = g1 >> 26
        g1 &= mask
        var g2 = h2 &+ c
        c = g2 >> 26
        g2 &= mask
        var g3 = h3 &+ c
        c = g3 >> 26
        g3 &= mask
        let g4 = h4 &+ c &- (1 << 26)
        let useG = (g4 >> 63) &- 1
        let keepH = ~useG
        h0 = (h0 & keepH) | (g0 & useG)
        h1 = (h1 & keepH) | (g1 & useG)
        h2 = (h2 & keepH) | (g2 & useG)
        h3 = (h3 & keepH) | (g3 & useG)
        h4 = (h4 & keepH) | (g4 & useG & mask)

        let w0 = (h0 | h1 << 26) & 0xffff_ffff
        let w1 = (h1 >> 6 | h2 << 20) & 0xffff_ffff
        let w2 = (h2 >> 12 | h3 << 14) & 0xffff_ffff
        let w3 = (h3 >> 18 | h4 << 8) & 0xffff_ffff
        var f = w0 + pad0
        let t0 = f & 0xffff_ffff
        f = w1 + pad1 + (f >> 32)
        let t1 = f & 0xffff_ffff
        f = w2 + pad2 + (f >> 32)
        let t2 = f & 0xffff_ffff
        f = w3 + pad3 + (f >> 32)
        let t3 = f & 0xffff_ffff
        var tag = [UInt8](repeating: 0, count: 16)
        for (index, word) in [t0, t1, t2, t3].enumerated() {
            for byte in 0..<4 { tag[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(byte))) }
        }
        return tag
    }

    private mutating func absorb(_ blocks: UnsafeRawPointer, blockCount: Int, finalBit: UInt64) {
        let mask: UInt64 = 0x3ff_ffff
        let s1 = r1 * 5
        let s2 = r2 * 5
        let s3 = r3 * 5
        let s4 = r4 * 5
        var h0 = self.h0
        var h1 = self.h1
        var h2 = self.h2
        var h3 = self.h3
        var h4 = self.h4
        var block = blocks
        var remaining = blockCount
        while remaining > 0 {
            let m0 = UInt64(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            let m1 = UInt64(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 3, as: UInt32.self)))
            let m2 = UInt64(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 6, as: UInt32.self)))
            let m3 = UInt64(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 9, as: UInt32.self)))
            let m4 = UInt64(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
            h0 &+= m0 & mask
            h1 &+= (m1 &>> 2) & mask
            h2 &+= (m2 &>> 4) & mask
            h3 &+= (m3 &>> 6) & mask
            h4 &+= (m4 &>> 8) | finalBit

            let d0 = h0 &* r0 &+ h1 &* s4 &+ h2 &* s3 &+ h3 &* s2 &+ h4 &* s1
            var d1 = h0 &* r1 &+ h1 &* r0 &+ h2 &* s4 &+ h3 &* s3 &+ h4 &* s2
            var d2 = h0 &* r2 &+ h1 &* r1 &+ h2 &* r0 &+ h3 &* s4 &+ h4 &* s3
            var d3 = h0 &* r3 &+ h1 &* r2 &+ h2 &* r1 &+ h3 &* r0 &+ h4 &* s4
            var d4 = h0 &* r4 &+ h1 &* r3 &+ h2 &* r2 &+ h3 &* r1 &+ h4 &* r0

            var c = d0 &>> 26
            h0 = d0 & mask
            d1 &+= c
            c = d1 &>> 26
            h1 = d1 & mask
            d2 &+= c
            c = d2 &>> 26
            h2 = d2 & mask
            d3 &+= c
            c = d3 &>> 26
            h3 = d3 & mask
            d4 &+= c
            c = d4 &>> 26
            h4 = d4 & mask
            h0 &+= c &* 5
            c = h0 &>> 26
            h0 &= mask
            h1 &+= c
            block += 16
            remaining &-= 1
        }
        self.h0 = h0
        self.h1 = h1
        self.h2 = h2
        self.h3 = h3
        self.h4 = h4
    }
}
