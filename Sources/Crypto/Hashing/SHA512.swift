import Foundation

/// SHA-512 (FIPS 180-4 §6.4): a 64-byte digest, computed incrementally.
///
/// Like ``SHA256``, the state and pending block are fixed-size tuples so copies never allocate.
public struct SHA512: HashFunction, Sendable {
    public static let blockByteCount = 128
    public static let digestByteCount = 64

    typealias State = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    typealias Block = (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
    )

    var state: State = (
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179
    )
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
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

    /// Pads the input, runs the last compression and returns the 64-byte digest.
    public consuming func finalize() -> [UInt8] {
        // The 128-bit length field: byte count × 8, so the high word holds the top three bits of the count.
        let lowBits = totalByteCount &* 8
        let highBits = totalByteCount >> 61
        var tail = [UInt8](repeating: 0, count: pendingCount < 112 ? 128 : 256)
        let pendingBlock = pending
        let count = pendingCount
        withUnsafeBytes(of: pendingBlock) { source in
            tail.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source.prefix(count))) }
        }
        tail[pendingCount] = 0x80
        for index in 0..<8 {
            tail[tail.count - 1 - index] = UInt8(truncatingIfNeeded: lowBits >> (8 * UInt64(index)))
            tail[tail.count - 9 - index] = UInt8(truncatingIfNeeded: highBits >> (8 * UInt64(index)))
        }
        tail.withUnsafeBytes { compress($0.baseAddress!, blockCount: $0.count / Self.blockByteCount) }
        var digest = [UInt8](repeating: 0, count: Self.digestByteCount)
        withUnsafeBytes(of: state) { words in
            for index in 0..<8 {
                let word = words.load(fromByteOffset: index * 8, as: UInt64.self)
                for byte in 0..<8 {
                    digest[index * 8 + byte] = UInt8(truncatingIfNeeded: word >> (56 - 8 * UInt64(byte)))
                }
            }
        }
        return digest
    }

    /// Runs the compression function over `blockCount` 128-byte blocks starting at `blocks`.
    mutating func compress(_ blocks: UnsafeRawPointer, blockCount: Int) {
        withUnsafeMutableBytes(of: &state) { stateBytes in
            let words = stateBytes.baseAddress!.assumingMemoryBound(to: UInt64.self)
            Self.compress(state: words, blocks: blocks, blockCount: blockCount)
        }
    }

    static func compress(state: UnsafeMutablePointer<UInt64>, blocks: UnsafeRawPointer, blockCount: Int) {
        roundConstants.withUnsafeBufferPointer { constants in
            let k = constants.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 80) { schedule in
                let w = schedule.baseAddress!
                var block = blocks
                // Written with masking shifts and while loops: both compile to plain instructions even in
                // unoptimised (debug) builds, where `>>` and `for … in` ranges are generic calls.
                for _ in 0..<blockCount {
                    var t = 0
                    while t < 16 {
                        w[t] = UInt64(bigEndian: block.loadUnaligned(fromByteOffset: t &* 8, as: UInt64.self))
                        t &+= 1
                    }
                    while t < 80 {
                        let x = w[t &- 15]
                        let y = w[t &- 2]
                        let s0 = (x &>> 1 | x &<< 63) ^ (x &>> 8 | x &<< 56) ^ (x &>> 7)
                        let s1 = (y &>> 19 | y &<< 45) ^ (y &>> 61 | y &<< 3) ^ (y &>> 6)
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
                    var t1: UInt64 = 0
                    // Eight rounds per pass, renaming the working variables instead of shifting them along.
                    t = 0
                    while t < 80 {
                        t1 = h &+ ((e &>> 14 | e &<< 50) ^ (e &>> 18 | e &<< 46) ^ (e &>> 41 | e &<< 23))
                            &+ ((e & f) ^ (~e & g)) &+ k[t &+ 0] &+ w[t &+ 0]
                        d &+= t1
                        h = t1 &+ ((a &>> 28 | a &<< 36) ^ (a &>> 34 | a &<< 30) ^ (a &>> 39 | a &<< 25))
                            &+ ((a & b) ^ (a & c) ^ (b & c))
                        t1 = g &+ ((d &>> 14 | d &<< 50) ^ (d &>> 18 | d &<< 46) ^ (d &>> 41 | d &<< 23))
                            &+ ((d & e) ^ (~d & f)) &+ k[t &+ 1] &+ w[t &+ 1]
                        c &+= t1
                        g = t1 &+ ((h &>> 28 | h &<< 36) ^ (h &>> 34 | h &<< 30) ^ (h &>> 39 | h &<< 25))
                            &+ ((h & a) ^ (h & b) ^ (a & b))
                        t1 = f &+ ((c &>> 14 | c &<< 50) ^ (c &>> 18 | c &<< 46) ^ (c &>> 41 | c &<< 23))
                            &+ ((c & d) ^ (~c & e)) &+ k[t &+ 2] &+ w[t &+ 2]
                        b &+= t1
                        f = t1 &+ ((g &>> 28 | g &<< 36) ^ (g &>> 34 | g &<< 30) ^ (g &>> 39 | g &<< 25))
                            &+ ((g & h) ^ (g & a) ^ (h & a))
                        t1 = e &+ ((b &>> 14 | b &<< 50) ^ (b &>> 18 | b &<< 46) ^ (b &>> 41 | b &<< 23))
                            &+ ((b & c) ^ (~b & d)) &+ k[t &+ 3] &+ w[t &+ 3]
                        a &+= t1
                        e = t1 &+ ((f &>> 28 | f &<< 36) ^ (f &>> 34 | f &<< 30) ^ (f &>> 39 | f &<< 25))
                            &+ ((f & g) ^ (f & h) ^ (g & h))
                        t1 = d &+ ((a &>> 14 | a &<< 50) ^ (a &>> 18 | a &<< 46) ^ (a &>> 41 | a &<< 23))
                            &+ ((a & b) ^ (~a & c)) &+ k[t &+ 4] &+ w[t &+ 4]
                        h &+= t1
                        d = t1 &+ ((e &>> 28 | e &<< 36) ^ (e &>> 34 | e &<< 30) ^ (e &>> 39 | e &<< 25))
                            &+ ((e & f) ^ (e & g) ^ (f & g))
                        t1 = c &+ ((h &>> 14 | h &<< 50) ^ (h &>> 18 | h &<< 46) ^ (h &>> 41 | h &<< 23))
                            &+ ((h & a) ^ (~h & b)) &+ k[t &+ 5] &+ w[t &+ 5]
                        g &+= t1
                        c = t1 &+ ((d &>> 28 | d &<< 36) ^ (d &>> 34 | d &<< 30) ^ (d &>> 39 | d &<< 25))
                            &+ ((d & e) ^ (d & f) ^ (e & f))
                        t1 = b &+ ((g &>> 14 | g &<< 50) ^ (g &>> 18 | g &<< 46) ^ (g &>> 41 | g &<< 23))
                            &+ ((g & h) ^ (~g & a)) &+ k[t &+ 6] &+ w[t &+ 6]
                        f &+= t1
                        b = t1 &+ ((c &>> 28 | c &<< 36) ^ (c &>> 34 | c &<< 30) ^ (c &>> 39 | c &<< 25))
                            &+ ((c & d) ^ (c & e) ^ (d & e))
                        t1 = a &+ ((f &>> 14 | f &<< 50) ^ (f &>> 18 | f &<< 46) ^ (f &>> 41 | f &<< 23))
                            &+ ((f & g) ^ (~f & h)) &+ k[t &+ 7] &+ w[t &+ 7]
                        e &+= t1
                        a = t1 &+ ((b &>> 28 | b &<< 36) ^ (b &>> 34 | b &<< 30) ^ (b &>> 39 | b &<< 25))
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
                    block += 128
                }
            }
        }
    }

    private static let roundConstants: [UInt64] = [
        0x428a_2f98_d728_ae22, 0x7137_4491_23ef_65cd, 0xb5c0_fbcf_ec4d_3b2f, 0xe9b5_dba5_8189_dbbc,
        0x3956_c25b_f348_b538, 0x59f1_11f1_b605_d019, 0x923f_82a4_af19_4f9b, 0xab1c_5ed5_da6d_8118,
        0xd807_aa98_a303_0242, 0x1283_5b01_4570_6fbe, 0x2431_85be_4ee4_b28c, 0x550c_7dc3_d5ff_b4e2,
        0x72be_5d74_f27b_896f, 0x80de_b1fe_3b16_96b1, 0x9bdc_06a7_25c7_1235, 0xc19b_f174_cf69_2694,
        0xe49b_69c1_9ef1_4ad2, 0xefbe_4786_384f_25e3, 0x0fc1_9dc6_8b8c_d5b5, 0x240c_a1cc_77ac_9c65,
        0x2de9_2c6f_592b_0275, 0x4a74_84aa_6ea6_e483, 0x5cb0_a9dc_bd41_fbd4, 0x76f9_88da_8311_53b5,
        0x983e_5152_ee66_dfab, 0xa831_c66d_2db4_3210, 0xb003_27c8_98fb_213f, 0xbf59_7fc7_beef_0ee4,
        0xc6e0_0bf3_3da8_8fc2, 0xd5a7_9147_930a_a725, 0x06ca_6351_e003_826f, 0x1429_2967_0a0e_6e70,
        0x27b7_0a85_46d2_2ffc, 0x2e1b_2138_5c26_c926, 0x4d2c_6dfc_5ac4_2aed, 0x5338_0d13_9d95_b3df,
        0x650a_7354_8baf_63de, 0x766a_0abb_3c77_b2a8, 0x81c2_c92e_47ed_aee6, 0x9272_2c85_1482_353b,
        0xa2bf_e8a1_4cf1_0364, 0xa81a_664b_bc42_3001, 0xc24b_8b70_d0f8_9791, 0xc76c_51a3_0654_be30,
        0xd192_e819_d6ef_5218, 0xd699_0624_5565_a910, 0xf40e_3585_5771_202a, 0x106a_a070_32bb_d1b8,
        0x19a4_c116_b8d2_d0c8, 0x1e37_6c08_5141_ab53, 0x2748_774c_df8e_eb99, 0x34b0_bcb5_e19b_48a8,
        0x391c_0cb3_c5c9_5a63, 0x4ed8_aa4a_e341_8acb, 0x5b9c_ca4f_7763_e373, 0x682e_6ff3_d6b2_b8a3,
        0x748f_82ee_5def_b2fc, 0x78a5_636f_4317_2f60, 0x84c8_7814_a1f0_ab72, 0x8cc7_0208_1a64_39ec,
        0x90be_fffa_2363_1e28, 0xa450_6ceb_de82_bde9, 0xbef9_a3f7_b2c6_7915, 0xc671_78f2_e372_532b,
        0xca27_3ece_ea26_619c, 0xd186_b8c7_21c0_c207, 0xeada_7dd6_cde0_eb1e, 0xf57d_4f7f_ee6e_d178,
        0x06f0_67aa_7217_6fba, 0x0a63_7dc5_a2c8_98a6, 0x113f_9804_bef9_0dae, 0x1b71_0b35_131c_471b,
        0x28db_77f5_2304_7d84, 0x32ca_ab7b_40c7_2493, 0x3c9e_be0a_15c9_bebc, 0x431d_67c4_9c10_0d4c,
        0x4cc5_d4be_cb3e_42b6, 0x597f_299c_fc65_7e2a, 0x5fcb_6fab_3ad6_faec, 0x6c44_198c_4a47_5817,
    ]
}
