import BotCodecs

extension DecisionEvent {
    /// The keys every line starts with, in order; metadata cannot take them.
    public static let fixedKeys: [String] = [
        "event", "timestamp", "environment", "portfolio", "risk_profile", "symbol", "side", "quantity", "price",
        "status",
    ]

    private static func isFixedKey(_ key: String) -> Bool {
        switch key {
        case "event", "timestamp", "environment", "portfolio", "risk_profile", "symbol", "side", "quantity",
            "price", "status":
            true
        default: false
        }
    }

    /// The key an entry is written under: fixed keys get a `metadata_` prefix.
    private static func writtenKey(_ key: String) -> String { isFixedKey(key) ? "metadata_" + key : key }

    /// The event as one compact JSON object (no trailing newline).
    ///
    /// Keys in this order: `event`, `timestamp` (`2024-01-01T12:00:00.000Z`), `environment`, `portfolio`,
    /// `risk_profile`, then `symbol`, `side`, `quantity`, `price`, `status` when present, then the metadata
    /// in order. `quantity` and `price` are JSON numbers (shortest text that reads back as the same
    /// Double; `null` if not finite); metadata values are strings. A metadata key that names a fixed key
    /// is written as `metadata_<key>` (the reference let metadata overwrite `status`); a key already
    /// written is dropped, so every line has unique keys.
    public var jsonLine: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 + metadata.count * 48)
        appendJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``jsonLine``'s bytes to `out`.
    func appendJSON(to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        Self.appendKey("event", first: true, to: &out)
        Self.appendString(kind.rawValue, to: &out)
        Self.appendKey("timestamp", to: &out)
        Self.appendTimestamp(timestamp, to: &out)
        Self.appendKey("environment", to: &out)
        Self.appendString(environment, to: &out)
        Self.appendKey("portfolio", to: &out)
        Self.appendString(portfolio, to: &out)
        Self.appendKey("risk_profile", to: &out)
        Self.appendString(riskProfile, to: &out)
        if let symbol {
            Self.appendKey("symbol", to: &out)
            Self.appendString(symbol, to: &out)
        }
        if let side {
            Self.appendKey("side", to: &out)
            Self.appendString(side, to: &out)
        }
        if let quantity {
            Self.appendKey("quantity", to: &out)
            Self.appendNumber(quantity, to: &out)
        }
        if let price {
            Self.appendKey("price", to: &out)
            Self.appendNumber(price, to: &out)
        }
        if let status {
            Self.appendKey("status", to: &out)
            Self.appendString(status, to: &out)
        }
        // Metadata is short, so finding an earlier entry with the same key by scanning beats a hash set.
        for index in metadata.indices {
            let key = Self.writtenKey(metadata[index].key)
            if Self.isFixedKey(key) || metadata[..<index].contains(where: { Self.writtenKey($0.key) == key }) {
                continue
            }
            Self.appendKey(key, to: &out)
            Self.appendString(metadata[index].value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private static func appendKey(_ key: String, first: Bool = false, to out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        appendString(key, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    private static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        out.append(contentsOf: value.description.utf8)
    }

    /// `"2024-01-01T12:00:00.250Z"` written digit by digit: formatting through `String` costs more than
    /// the rest of the line.
    private static func appendTimestamp(_ milliseconds: Int64, to out: inout [UInt8]) {
        let time = UTCDateTime(milliseconds: milliseconds)
        guard (0...9999).contains(time.year) else {
            appendString(time.iso8601, to: &out)
            return
        }
        func digits(_ value: Int64, _ count: Int, then separator: UInt8?) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(0x30 + UInt8(value / divisor % 10))
                divisor /= 10
            }
            if let separator { out.append(separator) }
        }
        out.append(UInt8(ascii: "\""))
        digits(time.year, 4, then: UInt8(ascii: "-"))
        digits(time.month, 2, then: UInt8(ascii: "-"))
        digits(time.day, 2, then: UInt8(ascii: "T"))
        digits(time.hour, 2, then: UInt8(ascii: ":"))
        digits(time.minute, 2, then: UInt8(ascii: ":"))
        digits(time.second, 2, then: UInt8(ascii: "."))
        digits(time.millisecond, 3, then: UInt8(ascii: "Z"))
        out.append(UInt8(ascii: "\""))
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`; other text as
    /// UTF-8.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true {
            // Appended in one copy above.
        } else if plain == nil, !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c }) {
            out.append(contentsOf: text.utf8)
        } else {
            for byte in text.utf8 {
                switch byte {
                case 0x22: out.append(contentsOf: [0x5c, 0x22])
                case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
                case 0x0a: out.append(contentsOf: [0x5c, UInt8(ascii: "n")])
                case 0x0d: out.append(contentsOf: [0x5c, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5c, UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [0x5c, UInt8(ascii: "b")])
                case 0x0c: out.append(contentsOf: [0x5c, UInt8(ascii: "f")])
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x5c, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
