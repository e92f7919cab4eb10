import BotExchanges
import TestSupport
import Testing

/// Price strings are read with a fast path for plain decimals; every value must equal `Double(String)`'s.
@Suite("JSON reading of decimal price strings")
struct DecimalPriceParsingTests {
    static let edgeCases = [
        "0", "-0", "0.0", "-0.000", "0.1", "0.2", "0.3", "1", "5.", ".5", "+1.5", "1e5", "1E-8", "-1.5e3",
        "73194.50000000", "0.00012300", "000123.4500", "999999999999999", "999999999999999.9",
        "123456789012345.6", "9007199254740993", "9007199254740992.5", "0.0000000000000000000001",
        "0.00000000000000000000001", "12345678.12345678", "1.7976931348623157", "4.9406564584124654",
        "100000000000000000000000", "0.30000000000000004", "2.2250738585072014", "-73194.5", "1-2", "1.2.3",
        "-", "", "00", "0x1p3",
    ]

    @Test("edge cases and 4,500 random decimals (one page of at most 1,000 rows) read as Double(String) reads them (seed 0x5EED)")
    func sameAsDoubleInit() async throws {
        var generator = SeededGenerator(seed: 0x5EED)
        var texts = Self.edgeCases.filter { Double($0)?.isFinite == true }
        for _ in 0..<4_500 {
            var text = Bool.random(using: &generator) && Bool.random(using: &generator) ? "-" : ""
            let integerDigits = Int.random(in: 1...10, using: &generator)
            for position in 0..<integerDigits {
                let digit = position == 0 && integerDigits > 1 && Int.random(in: 0..<8, using: &generator) != 0
                    ? Int.random(in: 1...9, using: &generator) : Int.random(in: 0...9, using: &generator)
                text += String(digit)
            }
            let fractionDigits = Int.random(in: 0...14, using: &generator)
            if fractionDigits > 0 {
                text += "."
                for _ in 0..<fractionDigits { text += String(Int.random(in: 0...9, using: &generator)) }
            }
            texts.append(text)
        }
        var rows: [String] = []
        var expected: [Candle] = []
        var openTime: Int64 = 1_499_040_000_000
        var index = 0
        while index + 5 <= texts.count {
            let fields = Array(texts[index..<index + 5])
            rows.append(
                "[\(openTime),\"\(fields[0])\",\"\(fields[1])\",\"\(fields[2])\",\"\(fields[3])\",\"\(fields[4])\","
                    + "\(openTime + 59_999),\"0\",1,\"0\",\"0\",\"0\"]")
            expected.append(
                Candle(
                    openTime: openTime, open: Double(fields[0])!, high: Double(fields[1])!, low: Double(fields[2])!,
                    close: Double(fields[3])!, volume: Double(fields[4])!))
            openTime += 60_000
            index += 5
        }
        let body = "[" + rows.joined(separator: ",") + "]"
        let source = try makeSource(.binanceSpot, transport: RecordingTransport(body: body))
        let page = try await source.candles(symbol: "BTCUSDT", interval: .oneMinute, from: 0, to: nil, limit: nil)
        #expect(page.candles.count == expected.count)
        for (candle, wanted) in zip(page.candles, expected) where candle != wanted {
            Issue.record("read \(candle), Double(String) gives \(wanted)")
        }
        // Signs of zero are part of the value: "-0" is -0.0 as Double("-0") is.
        let first = try #require(page.candles.first)
        #expect(first.high.sign == .minus && first.close.sign == .minus && first.open.sign == .plus)
    }
}
