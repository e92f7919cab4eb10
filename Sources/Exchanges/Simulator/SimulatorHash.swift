/// Stateless hashing for the simulator: every synthetic value and every injected fault is a pure function
/// of a few integers, so any page, asked in any order, sees the same candles and the same faults.
///
/// The mixer is SplitMix64's finaliser (Steele, Lea and Flood), which spreads single-bit input changes
/// over the whole word; strings enter through 64-bit FNV-1a.
enum SimulatorHash {
    /// SplitMix64's output function.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A hash of `parts` in order.
    static func combine(_ parts: UInt64...) -> UInt64 {
        var state: UInt64 = 0x6A09_E667_F3BC_C908
        for part in parts { state = mix(state ^ mix(part)) }
        return state
    }

    /// 64-bit FNV-1a of the UTF-8 bytes.
    static func string(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A uniform value in [0, 1) from the top 53 bits.
    static func unit(_ hash: UInt64) -> Double {
        Double(hash >> 11) * 0x1p-53
    }

    /// A signed integer's bit pattern, for hashing indices that may be negative.
    static func bits(_ value: Int64) -> UInt64 { UInt64(bitPattern: value) }
}
