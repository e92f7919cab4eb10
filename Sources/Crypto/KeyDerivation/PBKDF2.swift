import Foundation

/// PBKDF2 (RFC 8018 §5.2) with HMAC-SHA256 as the pseudorandom function.
public enum PBKDF2 {
    /// Derives `keyLength` bytes from `password` and `salt` with `iterations` rounds of HMAC-SHA256.
    public static func sha256(
        password: some DataProtocol, salt: some DataProtocol, iterations: Int, keyLength: Int
    ) throws(KeyDerivationError) -> [UInt8] {
        guard iterations >= 1 else { throw .invalidIterationCount(iterations) }
        let maximum = Int(min(UInt64(UInt32.max) * 32, UInt64(Int.max)))
        guard keyLength >= 1, keyLength <= maximum else {
            throw .invalidKeyLength(requested: keyLength, maximum: maximum)
        }
        let keyed = HMAC.Authenticator<SHA256>(key: password)
        let saltBytes = Array(salt)
        var output = [UInt8]()
        output.reserveCapacity(keyLength)
        var blockIndex: UInt32 = 1
        while output.count < keyLength {
            var first = keyed
            first.update(saltBytes)
            first.update([
                UInt8(truncatingIfNeeded: blockIndex >> 24), UInt8(truncatingIfNeeded: blockIndex >> 16),
                UInt8(truncatingIfNeeded: blockIndex >> 8), UInt8(truncatingIfNeeded: blockIndex),
            ])
            var block = first.finalize()
            if iterations > 1 {
                block = iterate(from: block, count: iterations - 1, keyed: keyed)
            }
            output.append(contentsOf: block.prefix(keyLength - output.count))
            blockIndex &+= 1
        }
        return output
    }

    /// XORs U_2 … U_c into `first` (= U_1).
    ///
    /// Each U is a 32-byte HMAC of the previous one, so both hashes are a single compression of one padded
    /// block, run directly from the keyed inner and outer states; this avoids all per-iteration allocation.
    private static func iterate(from first: [UInt8], count: Int, keyed: HMAC.Authenticator<SHA256>) -> [UInt8] {
        let (innerState, outerState) = keyed.sha256PadStates
        var result = [UInt32](repeating: 0, count: 8)
        var current = [UInt32](repeating: 0, count: 8)
        for index in 0..<8 {
            let word = first[index * 4..<index * 4 + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            result[index] = word
            current[index] = word
        }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { block in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 8) { state in
                let block = block.baseAddress!
                let state = state.baseAddress!
                // Padding for a 32-byte message after one 64-byte key block: 0x80, zeros, bit length 768.
                block[8] = UInt32(0x8000_0000).bigEndian
                for index in 9..<15 { block[index] = 0 }
                block[15] = UInt32(768).bigEndian
                let blockBytes = UnsafeRawPointer(block)
                current.withUnsafeMutableBufferPointer { current in
                    result.withUnsafeMutableBufferPointer { result in
                        let u = current.baseAddress!
                        let t = result.baseAddress!
                        var remaining = count
                        while remaining > 0 {
                            for index in 0..<8 { block[index] = u[index].bigEndian }
                            withUnsafeBytes(of: innerState) {
                                state.update(from: $0.bindMemory(to: UInt32.self).baseAddress!, count: 8)
                            }
                            SHA256.compress(state: state, blocks: blockBytes, blockCount: 1)
                            for index in 0..<8 { block[index] = state[index].bigEndian }
                            withUnsafeBytes(of: outerState) {
                                state.update(from: $0.bindMemory(to: UInt32.self).baseAddress!, count: 8)
                            }
                            SHA256.compress(state: state, blocks: blockBytes, blockCount: 1)
                            for index in 0..<8 {
                                u[index] = state[index]
                                t[index] ^= state[index]
                            }
                            remaining -= 1
                        }
                    }
                }
            }
        }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        for word in result {
            bytes.append(contentsOf: [
                UInt8(truncatingIfNeeded: word >> 24), UInt8(truncatingIfNeeded: word >> 16),
                UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word),
            ])
        }
        return bytes
    }
}
