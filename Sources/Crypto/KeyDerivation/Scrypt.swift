import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The scrypt password-based key derivation function of RFC 7914.
///
/// Memory is 128·r·2^logN bytes, allocated once per call. ``Limits`` keeps hostile parameters (an age file
/// from someone else, say) from allocating unbounded memory or time.
public enum Scrypt {
    /// Upper bounds on scrypt's cost parameters.
    public struct Limits: Sendable, Equatable {
        /// The largest accepted log2(N). 22 means up to 4 GiB with r = 8.
        public var maxLogN: Int
        /// The largest accepted r·p.
        public var maxRTimesP: Int
        /// The largest accepted working memory, 128·r·N bytes.
        public var maxMemoryBytes: Int

        /// Limits with the given bounds.
        public init(maxLogN: Int = 22, maxRTimesP: Int = 1024, maxMemoryBytes: Int = 1 << 32) {
            self.maxLogN = maxLogN
            self.maxRTimesP = maxRTimesP
            self.maxMemoryBytes = maxMemoryBytes
        }

        /// log2(N) ≤ 22, r·p ≤ 1024, at most 4 GiB of memory.
        public static let `default` = Limits()
    }

    /// Derives `keyLength` bytes with N = 2^logN, block size `r` and parallelism `p`.
    ///
    /// Throws when a parameter is invalid or above `limits`, or when the memory cannot be allocated.
    public static func derive(
        password: some DataProtocol, salt: some DataProtocol, logN: Int, r: Int, p: Int, keyLength: Int,
        limits: Limits = .default
    ) throws(KeyDerivationError) -> [UInt8] {
        guard logN >= 1, logN < 63 else {
            throw .invalidScryptParameter(name: "logN", value: logN, valid: "between 1 and 62")
        }
        guard logN <= limits.maxLogN else { throw .scryptWorkFactorTooHigh(logN: logN, limit: limits.maxLogN) }
        guard r >= 1 else { throw .invalidScryptParameter(name: "r", value: r, valid: "at least 1") }
        guard p >= 1 else { throw .invalidScryptParameter(name: "p", value: p, valid: "at least 1") }
        let (rTimesP, overflow) = r.multipliedReportingOverflow(by: p)
        guard !overflow, rTimesP < 1 << 30, rTimesP <= limits.maxRTimesP else {
            throw .scryptParallelismTooHigh(rTimesP: overflow ? Int.max : rTimesP, limit: limits.maxRTimesP)
        }
        let n = 1 << logN
        let (memory, memoryOverflow) = (128 * r).multipliedReportingOverflow(by: n)
        guard !memoryOverflow, memory <= limits.maxMemoryBytes else {
            throw .scryptMemoryTooLarge(bytes: memoryOverflow ? Int.max : memory, limit: limits.maxMemoryBytes)
        }
        let passwordBytes = Array(password)
        var blocks = try PBKDF2.sha256(password: passwordBytes, salt: salt, iterations: 1, keyLength: 128 * r * p)
        try mix(&blocks, n: n, r: r, p: p, memoryBytes: memory)
        return try PBKDF2.sha256(password: passwordBytes, salt: blocks, iterations: 1, keyLength: keyLength)
    }

    /// Runs ROMix over each of the `p` lanes of `blocks` in place.
    private static func mix(_ blocks: inout [UInt8], n: Int, r: Int, p: Int, memoryBytes: Int)
        throws(KeyDerivationError)
    {
        let laneWords = 32 * r
        guard let table = malloc(memoryBytes) else { throw .scryptAllocationFailed(bytes: memoryBytes) }
        defer { free(table) }
        let v = table.bindMemory(to: UInt32.self, capacity: laneWords * n)
        let x = UnsafeMutablePointer<UInt32>.allocate(capacity: laneWords)
        defer { x.deallocate() }
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: laneWords)
        defer { scratch.deallocate() }
        blocks.withUnsafeMutableBytes { bytes in
            for lane in 0..<p {
                let laneBytes = bytes.baseAddress! + lane * laneWords * 4
                for index in 0..<laneWords {
                    x[index] = UInt32(littleEndian: laneBytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                }
                romix(x, table: v, scratch: scratch, n: n, r: r)
                for index in 0..<laneWords {
                    laneBytes.storeBytes(of: x[index].littleEndian, toByteOffset: index * 4, as: UInt32.self)
                }
            }
        }
    }

    /// ROMix (RFC 7914 §5) over one lane of 32·r words held in `x`, using `table` for V (N·32·r words).
    static func romix(
        _ x: UnsafeMutablePointer<UInt32>, table v: UnsafeMutablePointer<UInt32>,
        scratch: UnsafeMutablePointer<UInt32>, n: Int, r: Int
    ) {
        let words = 32 &* r
        v.update(from: x, count: words)
        var index = 0
        while index < n &- 1 {
            blockMix(v + index &* words, into: v + (index &+ 1) &* words, r: r)
            index &+= 1
        }
        blockMix(v + (n &- 1) &* words, into: x, r: r)
        var current = x
        var next = scratch
        let integerifyOffset = (2 &* r &- 1) &* 16
        let mask = UInt64(n &- 1)
        index = 0
        while index < n {
            let low = UInt64(current[integerifyOffset])
            let high = UInt64(current[integerifyOffset &+ 1])
            let j = Int(truncatingIfNeeded: (low | high << 32) & mask)
            blockMix(current, xoring: v + j &* words, into: next, r: r)
            swap(&current, &next)
            index &+= 1
        }
        if current != x { x.update(from: current, count: words) }
    }

    /// Writes BlockMix_salsa20/8(`input`) (2·r 64-byte blocks as words) to `output`.
    static func blockMix(
        _ input: UnsafePointer<UInt32>, into output: UnsafeMutablePointer<UInt32>, r: Int
    ) {
        let last = (2 &* r &- 1) &* 16
        var x0 = input[last &+ 0]
        var x1 = input[last &+ 1]
        var x2 = input[last &+ 2]
        var x3 = input[last &+ 3]
        var x4 = input[last &+ 4]
        var x5 = input[last &+ 5]
        var x6 = input[last &+ 6]
        var x7 = input[last &+ 7]
        var x8 = input[last &+ 8]
        var x9 = input[last &+ 9]
        var x10 = input[last &+ 10]
        var x11 = input[last &+ 11]
        var x12 = input[last &+ 12]
        var x13 = input[last &+ 13]
        var x14 = input[last &+ 14]
        var x15 = input[last &+ 15]
        var index = 0
        while index < 2 &* r {
            let base = index &* 16
            x0 ^= input[base &+ 0]
            x1 ^= input[base &+ 1]
            x2 ^= input[base &+ 2]
            x3 ^= input[base &+ 3]
            x4 ^= input[base &+ 4]
            x5 ^= input[base &+ 5]
            x6 ^= input[base &+ 6]
            x7 ^= input[base &+ 7]
            x8 ^= input[base &+ 8]
            x9 ^= input[base &+ 9]
            x10 ^= input[base &+ 10]
            x11 ^= input[base &+ 11]
            x12 ^= input[base &+ 12]
            x13 ^= input[base &+ 13]
            x14 ^= input[base &+ 14]
            x15 ^= input[base &+ 15]
            var w0 = x0
            var w1 = x1
            var w2 = x2
            var w3 = x3
            var w4 = x4
            var w5 = x5
            var w6 = x6
            var w7 = x7
            var w8 = x8
            var w9 = x9
            var w10 = x10
            var w11 = x11
            var w12 = x12
            var w13 = x13
            var w14 = x14
            var w15 = x15
            var t: UInt32 = 0
            var round = 0
            while round < 4 {
                t = w0 &+ w12
                w4 ^= (t &<< 7) | (t &>> 25)
                t = w4 &+ w0
                w8 ^= (t &<< 9) | (t &>> 23)
                t = w8 &+ w4
                w12 ^= (t &<< 13) | (t &>> 19)
                t = w12 &+ w8
                w0 ^= (t &<< 18) | (t &>> 14)
                t = w5 &+ w1
                w9 ^= (t &<< 7) | (t &>> 25)
                t = w9 &+ w5
                w13 ^= (t &<< 9) | (t &>> 23)
                t = w13 &+ w9
                w1 ^= (t &<< 13) | (t &>> 19)
                t = w1 &+ w13
                w5 ^= (t &<< 18) | (t &>> 14)
                t = w10 &+ w6
                w14 ^= (t &<< 7) | (t &>> 25)
                t = w14 &+ w10
                w2 ^= (t &<< 9) | (t &>> 23)
                t = w2 &+ w14
                w6 ^= (t &<< 13) | (t &>> 19)
                t = w6 &+ w2
                w10 ^= (t &<< 18) | (t &>> 14)
                t = w15 &+ w11
                w3 ^= (t &<< 7) | (t &>> 25)
                t = w3 &+ w15
                w7 ^= (t &<< 9) | (t &>> 23)
                t = w7 &+ w3
                w11 ^= (t &<< 13) | (t &>> 19)
                t = w11 &+ w7
                w15 ^= (t &<< 18) | (t &>> 14)
                t = w0 &+ w3
                w1 ^= (t &<< 7) | (t &>> 25)
                t = w1 &+ w0
                w2 ^= (t &<< 9) | (t &>> 23)
                t = w2 &+ w1
                w3 ^= (t &<< 13) | (t &>> 19)
                t = w3 &+ w2
                w0 ^= (t &<< 18) | (t &>> 14)
                t = w5 &+ w4
                w6 ^= (t &<< 7) | (t &>> 25)
                t = w6 &+ w5
                w7 ^= (t &<< 9) | (t &>> 23)
                t = w7 &+ w6
                w4 ^= (t &<< 13) | (t &>> 19)
                t = w4 &+ w7
                w5 ^= (t &<< 18) | (t &>> 14)
                t = w10 &+ w9
                w11 ^= (t &<< 7) | (t &>> 25)
                t = w11 &+ w10
                w8 ^= (t &<< 9) | (t &>> 23)
                t = w8 &+ w11
                w9 ^= (t &<< 13) | (t &>> 19)
                t = w9 &+ w8
                w10 ^= (t &<< 18) | (t &>> 14)
                t = w15 &+ w14
                w12 ^= (t &<< 7) | (t &>> 25)
                t = w12 &+ w15
                w13 ^= (t &<< 9) | (t &>> 23)
                t = w13 &+ w12
                w14 ^= (t &<< 13) | (t &>> 19)
                t = w14 &+ w13
                w15 ^= (t &<< 18) | (t &>> 14)
                round &+= 1
            }
            x0 &+= w0
            x1 &+= w1
            x2 &+= w2
            x3 &+= w3
            x4 &+= w4
            x5 &+= w5
            x6 &+= w6
            x7 &+= w7
            x8 &+= w8
            x9 &+= w9
            x10 &+= w10
            x11 &+= w11
            x12 &+= w12
            x13 &+= w13
            x14 &+= w14
            x15 &+= w15
            // Even-numbered outputs fill the first half, odd-numbered the second (RFC 7914 §4).
            let slot = index & 1 == 0 ? index >> 1 : r &+ (index >> 1)
            let out = output + slot &* 16
            out[0] = x0
            out[1] = x1
            out[2] = x2
            out[3] = x3
            out[4] = x4
            out[5] = x5
            out[6] = x6
            out[7] = x7
            out[8] = x8
            out[9] = x9
            out[10] = x10
            out[11] = x11
            out[12] = x12
            out[13] = x13
            out[14] = x14
            out[15] = x15
            index &+= 1
        }
    }

    /// Writes BlockMix_salsa20/8(`input` ⊕ `mask`) to `output`; the XOR of ROMix's second loop is fused in.
    static func blockMix(
        _ input: UnsafePointer<UInt32>, xoring mask: UnsafePointer<UInt32>, into output: UnsafeMutablePointer<UInt32>,
        r: Int
    ) {
        let last = (2 &* r &- 1) &* 16
        var x0 = (input[last &+ 0] ^ mask[last &+ 0])
        var x1 = (input[last &+ 1] ^ mask[last &+ 1])
        var x2 = (input[last &+ 2] ^ mask[last &+ 2])
        var x3 = (input[last &+ 3] ^ mask[last &+ 3])
        var x4 = (input[last &+ 4] ^ mask[last &+ 4])
        var x5 = (input[last &+ 5] ^ mask[last &+ 5])
        var x6 = (input[last &+ 6] ^ mask[last &+ 6])
        var x7 = (input[last &+ 7] ^ mask[last &+ 7])
        var x8 = (input[last &+ 8] ^ mask[last &+ 8])
        var x9 = (input[last &+ 9] ^ mask[last &+ 9])
        var x10 = (input[last &+ 10] ^ mask[last &+ 10])
        var x11 = (input[last &+ 11] ^ mask[last &+ 11])
        var x12 = (input[last &+ 12] ^ mask[last &+ 12])
        var x13 = (input[last &+ 13] ^ mask[last &+ 13])
        var x14 = (input[last &+ 14] ^ mask[last &+ 14])
        var x15 = (input[last &+ 15] ^ mask[last &+ 15])
        var index = 0
        while index < 2 &* r {
            let base = index &* 16
            x0 ^= (input[base &+ 0] ^ mask[base &+ 0])
            x1 ^= (input[base &+ 1] ^ mask[base &+ 1])
            x2 ^= (input[base &+ 2] ^ mask[base &+ 2])
            x3 ^= (input[base &+ 3] ^ mask[base &+ 3])
            x4 ^= (input[base &+ 4] ^ mask[base &+ 4])
            x5 ^= (input[base &+ 5] ^ mask[base &+ 5])
            x6 ^= (input[base &+ 6] ^ mask[base &+ 6])
            x7 ^= (input[base &+ 7] ^ mask[base &+ 7])
            x8 ^= (input[base &+ 8] ^ mask[base &+ 8])
            x9 ^= (input[base &+ 9] ^ mask[base &+ 9])
            x10 ^= (input[base &+ 10] ^ mask[base &+ 10])
            x11 ^= (input[base &+ 11] ^ mask[base &+ 11])
            x12 ^= (input[base &+ 12] ^ mask[base &+ 12])
            x13 ^= (input[base &+ 13] ^ mask[base &+ 13])
            x14 ^= (input[base &+ 14] ^ mask[base &+ 14])
            x15 ^= (input[base &+ 15] ^ mask[base &+ 15])
            var w0 = x0
            var w1 = x1
            var w2 = x2
            var w3 = x3
            var w4 = x4
            var w5 = x5
            var w6 = x6
            var w7 = x7
            var w8 = x8
            var w9 = x9
            var w10 = x10
            var w11 = x11
            var w12 = x12
            var w13 = x13
            var w14 = x14
            var w15 = x15
            var t: UInt32 = 0
            var round = 0
            while round < 4 {
                t = w0 &+ w12
                w4 ^= (t &<< 7) | (t &>> 25)
                t = w4 &+ w0
                w8 ^= (t &<< 9) | (t &>> 23)
                t = w8 &+ w4
                w12 ^= (t &<< 13) | (t &>> 19)
                t = w12 &+ w8
                w0 ^= (t &<< 18) | (t &>> 14)
                t = w5 &+ w1
                w9 ^= (t &<< 7) | (t &>> 25)
                t = w9 &+ w5
                w13 ^= (t &<< 9) | (t &>> 23)
                t = w13 &+ w9
                w1 ^= (t &<< 13) | (t &>> 19)
                t = w1 &+ w13
                w5 ^= (t &<< 18) | (t &>> 14)
                t = w10 &+ w6
                w14 ^= (t &<< 7) | (t &>> 25)
                t = w14 &+ w10
                w2 ^= (t &<< 9) | (t &>> 23)
                t = w2 &+ w14
                w6 ^= (t &<< 13) | (t &>> 19)
                t = w6 &+ w2
                w10 ^= (t &<< 18) | (t &>> 14)
                t = w15 &+ w11
                w3 ^= (t &<< 7) | (t &>> 25)
                t = w3 &+ w15
                w7 ^= (t &<< 9) | (t &>> 23)
                t = w7 &+ w3
                w11 ^= (t &<< 13) | (t &>> 19)
                t = w11 &+ w7
                w15 ^= (t &<< 18) | (t &>> 14)
                t = w0 &+ w3
                w1 ^= (t &<< 7) | (t &>> 25)
                t = w1 &+ w0
                w2 ^= (t &<< 9) | (t &>> 23)
                t = w2 &+ w1
                w3 ^= (t &<< 13) | (t &>> 19)
                t = w3 &+ w2
                w0 ^= (t &<< 18) | (t &>> 14)
                t = w5 &+ w4
                w6 ^= (t &<< 7) | (t &>> 25)
                t = w6 &+ w5
                w7 ^= (t &<< 9) | (t &>> 23)
                t = w7 &+ w6
                w4 ^= (t &<< 13) | (t &>> 19)
                t = w4 &+ w7
                w5 ^= (t &<< 18) | (t &>> 14)
                t = w10 &+ w9
                w11 ^= (t &<< 7) | (t &>> 25)
                t = w11 &+ w10
                w8 ^= (t &<< 9) | (t &>> 23)
                t = w8 &+ w11
                w9 ^= (t &<< 13) | (t &>> 19)
                t = w9 &+ w8
                w10 ^= (t &<< 18) | (t &>> 14)
                t = w15 &+ w14
                w12 ^= (t &<< 7) | (t &>> 25)
                t = w12 &+ w15
                w13 ^= (t &<< 9) | (t &>> 23)
                t = w13 &+ w12
                w14 ^= (t &<< 13) | (t &>> 19)
                t = w14 &+ w13
                w15 ^= (t &<< 18) | (t &>> 14)
                round &+= 1
            }
            x0 &+= w0
            x1 &+= w1
            x2 &+= w2
            x3 &+= w3
            x4 &+= w4
            x5 &+= w5
            x6 &+= w6
            x7 &+= w7
            x8 &+= w8
            x9 &+= w9
            x10 &+= w10
            x11 &+= w11
            x12 &+= w12
            x13 &+= w13
            x14 &+= w14
            x15 &+= w15
            // Even-numbered outputs fill the first half, odd-numbered the second (RFC 7914 §4).
            let slot = index & 1 == 0 ? index >> 1 : r &+ (index >> 1)
            let out = output + slot &* 16
            out[0] = x0
            out[1] = x1
            out[2] = x2
            out[3] = x3
            out[4] = x4
            out[5] = x5
            out[6] = x6
            out[7] = x7
            out[8] = x8
            out[9] = x9
            out[10] = x10
            out[11] = x11
            out[12] = x12
            out[13] = x13
            out[14] = x14
            out[15] = x15
            index &+= 1
        }
    }
}
