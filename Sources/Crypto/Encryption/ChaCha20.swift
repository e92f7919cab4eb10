import Foundation

/// The ChaCha20 stream cipher of RFC 8439 §2.3–§2.4 (32-byte key, 12-byte nonce, 32-bit block counter).
public enum ChaCha20 {
    /// Bytes in a key.
    public static let keyByteCount = 32
    /// Bytes in a nonce.
    public static let nonceByteCount = 12
    /// Bytes of keystream per block counter value.
    public static let blockByteCount = 64

    typealias KeyWords = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    typealias NonceWords = (UInt32, UInt32, UInt32)

    /// `input` XORed with the keystream that starts at block `counter`: encryption and decryption alike.
    ///
    /// Throws when the key or nonce has the wrong length, or when the message would run the 32-bit block
    /// counter past its end (256 GiB from counter 0).
    public static func xor(
        _ input: some DataProtocol, key: some DataProtocol, nonce: some DataProtocol, counter: UInt32 = 0
    ) throws(ChaChaPolyError) -> [UInt8] {
        let keyWords = try Self.keyWords(key)
        let nonceWords = try Self.nonceWords(nonce)
        let bytes = Array(input)
        try checkLength(bytes.count, startingAt: counter)
        var output = [UInt8](repeating: 0, count: bytes.count)
        bytes.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                guard let from = source.baseAddress, let to = destination.baseAddress else { return }
                xorKeyStream(
                    key: keyWords, nonce: nonceWords, counter: counter, from: from, to: to, count: source.count)
            }
        }
        return output
    }

    /// The 64-byte keystream block for `counter` (the ChaCha20 block function of RFC 8439 §2.3).
    public static func block(
        key: some DataProtocol, counter: UInt32, nonce: some DataProtocol
    ) throws(ChaChaPolyError) -> [UInt8] {
        try xor([UInt8](repeating: 0, count: blockByteCount), key: key, nonce: nonce, counter: counter)
    }

    static func keyWords(_ key: some DataProtocol) throws(ChaChaPolyError) -> KeyWords {
        guard key.count == keyByteCount else { throw .invalidKeyLength(key.count) }
        let w = littleEndianWords(key)
        return (w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7])
    }

    static func nonceWords(_ nonce: some DataProtocol) throws(ChaChaPolyError) -> NonceWords {
        guard nonce.count == nonceByteCount else { throw .invalidNonceLength(nonce.count) }
        let w = littleEndianWords(nonce)
        return (w[0], w[1], w[2])
    }

    static func checkLength(_ byteCount: Int, startingAt counter: UInt32) throws(ChaChaPolyError) {
        let blocksLeft = (UInt64(UInt32.max) - UInt64(counter) + 1)
        guard UInt64(byteCount) <= blocksLeft * UInt64(blockByteCount) else { throw .messageTooLong(byteCount) }
    }

    private static func littleEndianWords(_ bytes: some DataProtocol) -> [UInt32] {
        let array = Array(bytes)
        return stride(from: 0, to: array.count, by: 4).map { index in
            UInt32(array[index]) | UInt32(array[index + 1]) << 8 | UInt32(array[index + 2]) << 16
                | UInt32(array[index + 3]) << 24
        }
    }

    /// XORs `count` bytes from `source` with the keystream into `destination` (which may equal `source`).
    ///
    /// The state lives in sixteen locals and the rounds are written out, so even an unoptimised (debug)
    /// build runs this without calls or bounds checks in the inner loop.
    static func xorKeyStream(
        key: KeyWords, nonce: NonceWords, counter: UInt32, from source: UnsafeRawPointer,
        to destination: UnsafeMutableRawPointer, count: Int
    ) {
        var blockCounter = counter
        var offset = 0
        while offset < count {
            var x0: UInt32 = 0x6170_7865
            var x1: UInt32 = 0x3320_646e
            var x2: UInt32 = 0x7962_2d32
            var x3: UInt32 = 0x6b20_6574
            var x4 = key.0
            var x5 = key.1
            var x6 = key.2
            var x7 = key.3
            var x8 = key.4
            var x9 = key.5
            var x10 = key.6
            var x11 = key.7
            var x12 = blockCounter
            var x13 = nonce.0
            var x14 = nonce.1
            var x15 = nonce.2
            var round = 0
            while round < 10 {
                x0 &+= x4
                x12 ^= x0
                x12 = (x12 &<< 16) | (x12 &>> 16)
                x8 &+= x12
                x4 ^= x8
                x4 = (x4 &<< 12) | (x4 &>> 20)
                x0 &+= x4
                x12 ^= x0
                x12 = (x12 &<< 8) | (x12 &>> 24)
                x8 &+= x12
                x4 ^= x8
                x4 = (x4 &<< 7) | (x4 &>> 25)
                x1 &+= x5
                x13 ^= x1
                x13 = (x13 &<< 16) | (x13 &>> 16)
                x9 &+= x13
                x5 ^= x9
                x5 = (x5 &<< 12) | (x5 &>> 20)
                x1 &+= x5
                x13 ^= x1
                x13 = (x13 &<< 8) | (x13 &>> 24)
                x9 &+= x13
                x5 ^= x9
                x5 = (x5 &<< 7) | (x5 &>> 25)
                x2 &+= x6
                x14 ^= x2
                x14 = (x14 &<< 16) | (x14 &>> 16)
                x10 &+= x14
                x6 ^= x10
                x6 = (x6 &<< 12) | (x6 &>> 20)
                x2 &+= x6
                x14 ^= x2
                x14 = (x14 &<< 8) | (x14 &>> 24)
                x10 &+= x14
                x6 ^= x10
                x6 = (x6 &<< 7) | (x6 &>> 25)
                x3 &+= x7
                x15 ^= x3
                x15 = (x15 &<< 16) | (x15 &>> 16)
                x11 &+= x15
                x7 ^= x11
                x7 = (x7 &<< 12) | (x7 &>> 20)
                x3 &+= x7
                x15 ^= x3
                x15 = (x15 &<< 8) | (x15 &>> 24)
                x11 &+= x15
                x7 ^= x11
                x7 = (x7 &<< 7) | (x7 &>> 25)
                x0 &+= x5
                x15 ^= x0
                x15 = (x15 &<< 16) | (x15 &>> 16)
                x10 &+= x15
                x5 ^= x10
                x5 = (x5 &<< 12) | (x5 &>> 20)
                x0 &+= x5
                x15 ^= x0
                x15 = (x15 &<< 8) | (x15 &>> 24)
                x10 &+= x15
                x5 ^= x10
                x5 = (x5 &<< 7) | (x5 &>> 25)
                x1 &+= x6
                x12 ^= x1
                x12 = (x12 &<< 16) | (x12 &>> 16)
                x11 &+= x12
                x6 ^= x11
                x6 = (x6 &<< 12) | (x6 &>> 20)
                x1 &+= x6
                x12 ^= x1
                x12 = (x12 &<< 8) | (x12 &>> 24)
                x11 &+= x12
                x6 ^= x11
                x6 = (x6 &<< 7) | (x6 &>> 25)
                x2 &+= x7
                x13 ^= x2
                x13 = (x13 &<< 16) | (x13 &>> 16)
                x8 &+= x13
                x7 ^= x8
                x7 = (x7 &<< 12) | (x7 &>> 20)
                x2 &+= x7
                x13 ^= x2
                x13 = (x13 &<< 8) | (x13 &>> 24)
                x8 &+= x13
                x7 ^= x8
                x7 = (x7 &<< 7) | (x7 &>> 25)
                x3 &+= x4
                x14 ^= x3
                x14 = (x14 &<< 16) | (x14 &>> 16)
                x9 &+= x14
                x4 ^= x9
                x4 = (x4 &<< 12) | (x4 &>> 20)
                x3 &+= x4
                x14 ^= x3
                x14 = (x14 &<< 8) | (x14 &>> 24)
                x9 &+= x14
                x4 ^= x9
                x4 = (x4 &<< 7) | (x4 &>> 25)
                round &+= 1
            }
            x0 &+= 0x6170_7865
            x1 &+= 0x3320_646e
            x2 &+= 0x7962_2d32
            x3 &+= 0x6b20_6574
            x4 &+= key.0
            x5 &+= key.1
            x6 &+= key.2
            x7 &+= key.3
            x8 &+= key.4
            x9 &+= key.5
            x10 &+= key.6
            x11 &+= key.7
            x12 &+= blockCounter
            x13 &+= nonce.0
            x14 &+= nonce.1
            x15 &+= nonce.2
            let remaining = count - offset
            if remaining >= 64 {
                let source = source + offset
                let destination = destination + offset
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 0, as: UInt32.self) ^ x0.littleEndian, toByteOffset: 0,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 4, as: UInt32.self) ^ x1.littleEndian, toByteOffset: 4,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 8, as: UInt32.self) ^ x2.littleEndian, toByteOffset: 8,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 12, as: UInt32.self) ^ x3.littleEndian, toByteOffset: 12,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 16, as: UInt32.self) ^ x4.littleEndian, toByteOffset: 16,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 20, as: UInt32.self) ^ x5.littleEndian, toByteOffset: 20,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 24, as: UInt32.self) ^ x6.littleEndian, toByteOffset: 24,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 28, as: UInt32.self) ^ x7.littleEndian, toByteOffset: 28,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 32, as: UInt32.self) ^ x8.littleEndian, toByteOffset: 32,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 36, as: UInt32.self) ^ x9.littleEndian, toByteOffset: 36,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 40, as: UInt32.self) ^ x10.littleEndian, toByteOffset: 40,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 44, as: UInt32.self) ^ x11.littleEndian, toByteOffset: 44,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 48, as: UInt32.self) ^ x12.littleEndian, toByteOffset: 48,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 52, as: UInt32.self) ^ x13.littleEndian, toByteOffset: 52,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 56, as: UInt32.self) ^ x14.littleEndian, toByteOffset: 56,
                    as: UInt32.self)
                destination.storeBytes(
                    of: source.loadUnaligned(fromByteOffset: 60, as: UInt32.self) ^ x15.littleEndian, toByteOffset: 60,
                    as: UInt32.self)
            } else {
                withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { words in
                    words[0] = x0.littleEndian
                    words[1] = x1.littleEndian
                    words[2] = x2.littleEndian
                    words[3] = x3.littleEndian
                    words[4] = x4.littleEndian
                    words[5] = x5.littleEndian
                    words[6] = x6.littleEndian
                    words[7] = x7.littleEndian
                    words[8] = x8.littleEndian
                    words[9] = x9.littleEndian
                    words[10] = x10.littleEndian
                    words[11] = x11.littleEndian
                    words[12] = x12.littleEndian
                    words[13] = x13.littleEndian
                    words[14] = x14.littleEndian
                    words[15] = x15.littleEndian
                    let keystream = UnsafeRawPointer(words.baseAddress!)
                    for index in 0..<remaining {
                        let byte =
                            source.load(fromByteOffset: offset + index, as: UInt8.self)
                            ^ keystream.load(fromByteOffset: index, as: UInt8.self)
                        destination.storeBytes(of: byte, toByteOffset: offset + index, as: UInt8.self)
                    }
                }
            }
            offset += 64
            blockCounter &+= 1
        }
    }
}
