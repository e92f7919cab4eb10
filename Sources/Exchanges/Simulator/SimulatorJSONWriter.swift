/// Appends JSON text to a byte buffer: the simulator writes its candle pages by hand, without building
/// an object tree, so a page of 1500 candles costs one buffer.
struct SimulatorJSONWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func integer(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // -Int64.min overflows; no synthetic value comes near it.
            digits(UInt64(-value))
        } else {
            digits(UInt64(value))
        }
    }

    /// `value` in decimal, left-padded with zeros to `minimumCount` digits (at most 24). The digits are
    /// formed right to left in a stack buffer and appended once, instead of appended and reversed in place.
    private mutating func digits(_ value: UInt64, minimumCount: Int = 1) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var position = 24
            let stop = 24 - min(24, minimumCount)
            var rest = value
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0 || position > stop
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// `units × 10^-scale` as a decimal with at least `fraction` digits after the point (padding with
    /// zeros); `trim` drops trailing zeros (and the point) instead, as Zonda prints numbers.
    mutating func decimal(_ units: Int64, scale: Int, fraction: Int? = nil, trim: Bool = false) {
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = units < 0 ? -units : units
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(UInt64(magnitude / divisor))
        let shown = max(scale, fraction ?? scale)
        guard shown > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        let start = bytes.count
        if scale > 0 { digits(UInt64(magnitude % divisor), minimumCount: scale) }
        for _ in scale..<shown { bytes.append(UInt8(ascii: "0")) }
        if trim {
            while bytes.count > start, bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.count == start { bytes.removeLast() }
        }
    }

    /// A decimal in quotes (how exchanges send prices).
    mutating func quotedDecimal(_ units: Int64, scale: Int, fraction: Int? = nil, trim: Bool = false) {
        bytes.append(UInt8(ascii: "\""))
        decimal(units, scale: scale, fraction: fraction, trim: trim)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON string literal.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\r": raw("\\r")
            case "\t": raw("\\t")
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A finite double in Swift's shortest round-trip form (for rates in the control endpoints).
    mutating func number(_ value: Double) {
        raw(value.isFinite ? "\(value)" : "null")
    }

    /// `text` escaped for use inside a JSON string literal (without the quotes).
    static func escaped(_ text: String) -> String {
        var writer = SimulatorJSONWriter()
        writer.string(text)
        return String(decoding: writer.bytes.dropFirst().dropLast(), as: UTF8.self)
    }
}
