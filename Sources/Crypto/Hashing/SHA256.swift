import Foundation

/// SHA-256 (FIPS 180-4 §6.2): a 32-byte digest, computed incrementally.
///
/// The state and the pending partial block are fixed-size tuples, so copying a hash (as HMAC and PBKDF2 do
/// to reuse a keyed prefix) never allocates.
public struct SHA256: HashFunction, Sendable {
    public static let blockByteCount = 64
    public static let digestByteCount = 32

    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    var state: State = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalByteCount: UInt64 = 0

    /// A hash with no input yet.
    public init() {}

    /// Feeds `bytes` into the hash; the fast path for callers that already hold a raw buffer.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        totalByteCount &+= UInt64(remaining)
        if pendingCount > 0 {
            let take = min(Self.blockByteCount - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) {
                $0.baseAddress!.advanced(by: offset).copyMemory(from: source, byteCount: take)
            }
            pendingCount += take
            source += take
            remaining -= take
            guard pendingCount == Self.blockByteCount else { return }
            let block = pending
            withUnsafeBytes(of: block) { compress($0.baseAddress!, blockCount: 1) }
            pendingCount = 0
        }
        let wholeBlocks = remaining / Self.blockByteCount
        if wholeBlocks > 0 {
            compress(source, blockCount: wholeBlocks)
            source += wholeBlocks * Self.blockByteCount
            remaining -= wholeBlocks * Self.blockByteCount
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: source, byteCount: remaining) }
            pendingCount = remaining
        }
    }

    /// Pads the input, runs the last compression and returns the 32-byte digest.
    public consuming func finalize() -> [UInt8] {
        let bitLength = totalByteCount &* 8
        var tail = [UInt8](repeating: 0, count: pendingCount < 56 ? 64 : 128)
        let pendingBlock = pending
        let count = pendingCount
        withUnsafeBytes(of: pendingBlock) { source in
            tail.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(count))) }
        }
        tail[pendingCount] = 0x80
        for index in 0..<8 {
            tail[tail.count - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(index)))
        }
        tail.withUnsafeBytes { compress($0.baseAddress!, blockCount: $0.count / Self.blockByteCount) }
        return digestBytes()
    }

    /// The current chaining value as big-endian bytes.
    func digestBytes() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Self.digestByteCount)
        withUnsafeBytes(of: state) { words in
            for index in 0..<8 {
                let word = words.load(fromByteOffset: index * 4, as: UInt32.self)
                digest[index * 4] = UInt8(truncatingIfNeeded: word >> 24)
                digest[index * 4 + 1] = UInt8(truncatingIfNeeded: word >> 16)
                digest[index * 4 + 2] = UInt8(truncatingIfNeeded: word >> 8)
                digest[index * 4 + 3] = UInt8(truncatingIfNeeded: word)
            }
        }
        return digest
    }

    /// Runs the compression function over `blockCount` 64-byte blocks starting at `blocks`.
    mutating func compress(_ blocks: UnsafeRawPointer, blockCount: Int) {
        withUnsafeMutableBytes(of: &state) { stateBytes in
            let words = stateBytes.baseAddress!.assumingMemoryBound(to: UInt32.self)
            Self.compress(state: words, blocks: blocks, blockCount: blockCount)
        }
    }

    static func compress(state: UnsafeMutablePointer<UInt32>, blocks: UnsafeRawPointer, blockCount: Int) {
        roundConstants.withUnsafeBufferPointer { constants in
            let k = constants.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let w = schedule.baseAddress!
                var block = blocks
                // Written with masking shifts and while loops: both compile to plain instructions even in
                // unoptimised (debug) builds, where `>>` and `for … in` ranges are generic calls.
                for _ in 0..<blockCount {
                    var t = 0
                    while t < 16 {
                        w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
                        t &+= 1
                    }
                    while t < 64 {
                        let x = w[t &- 15]
                        let y = w[t &- 2]
                        let s0 = (x &>> 7 | x &<< 25) ^ (x &>> 18 | x &<< 14) ^ (x &>> 3)
                        let s1 = (y &>> 17 | y &<< 15) ^ (y &>> 19 | y &<< 13) ^ (y &>> 10)
                        w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
                        t &+= 1
                    }
                    var a = state[0]
                    var b = state[1]
                    var c = state[2]
                    var d = state[3]
                    var e = state[4]
                    var f = state[5]
                    var g = state[6]
                    var h = state[7]
                    var t1: UInt32 = 0
                    // Eight rounds per pass, renaming the working variables instead of shifting them along.
                    t = 0
                    while t < 64 {
                        t1 = h &+ ((e &>> 6 | e &<< 26) ^ (e &>> 11 | e &<< 21) ^ (e &>> 25 | e &<< 7))
                            &+ ((e & f) ^ (~e & g)) &+ k[t &+ 0] &+ w[t &+ 0]
                        d &+= t1
                        h = t1 &+ ((a &>> 2 | a &<< 30) ^ (a &>> 13 | a &<< 19) ^ (a &>> 22 | a &<< 10))
                            &+ ((a & b) ^ (a & c) ^ (b & c))
                        t1 = g &+ ((d &>> 6 | d &<< 26) ^ (d &>> 11 | d &<< 21) ^ (d &>> 25 | d &<< 7))
                            &+ ((d & e) ^ (~d & f)) &+ k[t &+ 1] &+ w[t &+ 1]
                        c &+= t1
                        g = t1 &+ ((h &>> 2 | h &<< 30) ^ (h &>> 13 | h &<< 19) ^ (h &>> 22 | h &<< 10))
                            &+ ((h & a) ^ (h & b) ^ (a & b))
                        t1 = f &+ ((c &>> 6 | c &<< 26) ^ (c &>> 11 | c &<< 21) ^ (c &>> 25 | c &<< 7))
                            &+ ((c & d) ^ (~c & e)) &+ k[t &+ 2] &+ w[t &+ 2]
                        b &+= t1
                        f = t1 &+ ((g &>> 2 | g &<< 30) ^ (g &>> 13 | g &<< 19) ^ (g &>> 22 | g &<< 10))
                            &+ ((g & h) ^ (g & a) ^ (h & a))
                        t1 = e &+ ((b &>> 6 | b &<< 26) ^ (b &>> 11 | b &<< 21) ^ (b &>> 25 | b &<< 7))
                            &+ ((b & c) ^ (~b & d)) &+ k[t &+ 3] &+ w[t &+ 3]
                        a &+= t1
                        e = t1 &+ ((f &>> 2 | f &<< 30) ^ (f &>> 13 | f &<< 19) ^ (f &>> 22 | f &<< 10))
                            &+ ((f & g) ^ (f & h) ^ (g & h))
                        t1 = d &+ ((a &>> 6 | a &<< 26) ^ (a &>> 11 | a &<< 21) ^ (a &>> 25 | a &<< 7))
                            &+ ((a & b) ^ (~a & c)) &+ k[t &+ 4] &+ w[t &+ 4]
                        h &+= t1
                        d = t1 &+ ((e &>> 2 | e &<< 30) ^ (e &>> 13 | e &<< 19) ^ (e &>> 22 | e &<< 10))
                            &+ ((e & f) ^ (e & g) ^ (f & g))
                        t1 = c &+ ((h &>> 6 | h &<< 26) ^ (h &>> 11 | h &<< 21) ^ (h &>> 25 | h &<< 7))
                            &+ ((h & a) ^ (~h & b)) &+ k[t &+ 5] &+ w[t &+ 5]
                        g &+= t1
                        c = t1 &+ ((d &>> 2 | d &<< 30) ^ (d &>> 13 | d &<< 19) ^ (d &>> 22 | d &<< 10))
                            &+ ((d & e) ^ (d & f) ^ (e & f))
                        t1 = b &+ ((g &>> 6 | g &<< 26) ^ (g &>> 11 | g &<< 21) ^ (g &>> 25 | g &<< 7))
                            &+ ((g & h) ^ (~g & a)) &+ k[t &+ 6] &+ w[t &+ 6]
                        f &+= t1
                        b = t1 &+ ((c &>> 2 | c &<< 30) ^ (c &>> 13 | c &<< 19) ^ (c &>> 22 | c &<< 10))
                            &+ ((c & d) ^ (c & e) ^ (d & e))
                        t1 = a &+ ((f &>> 6 | f &<< 26) ^ (f &>> 11 | f &<< 21) ^ (f &>> 25 | f &<< 7))
                            &+ ((f & g) ^ (~f & h)) &+ k[t &+ 7] &+ w[t &+ 7]
                        e &+= t1
                        a = t1 &+ ((b &>> 2 | b &<< 30) ^ (b &>> 13 | b &<< 19) ^ (b &>> 22 | b &<< 10))
                            &+ ((b & c) ^ (b & d) ^ (c & d))
                        t &+= 8
                    }
                    state[0] &+= a
                    state[1] &+= b
                    state[2] &+= c
                    state[3] &+= d
                    state[4] &+= e
                    state[5] &+= f
                    state[6] &+= g
                    state[7] &+= h
                    block += 64
                }
            }
        }
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]
}
