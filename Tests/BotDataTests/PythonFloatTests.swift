import BotData
import Foundation
import TestSupport
import Testing

@Suite struct PythonFloatTests {
    @Test func rendersLikePythonRepr() {
        let cases: [(Double, String)] = [
            (4320, "4320.0"), (100, "100.0"), (0, "0.0"), (-0.0, "-0.0"), (0.1, "0.1"), (1.0 / 3, "0.3333333333333333"),
            (0.0001, "0.0001"), (0.00001, "1e-05"), (1.5e-7, "1.5e-07"), (1e16, "1e+16"), (1e15, "1000000000000000.0"),
            (123_456_789_012_345_680, "1.2345678901234568e+17"), (-2.5, "-2.5"), (.infinity, "inf"), (.nan, "nan"),
            (.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        ]
        for (value, text) in cases { #expect(PythonFloat.repr(value) == text, "\(value)") }
    }

    @Test func roundsHalfEvenOnTheBinaryValue() {
        #expect(PythonFloat.round(2.675, places: 2) == 2.67)  // 2.675 is really 2.67499999…
        #expect(PythonFloat.round(0.5, places: 0) == 0)
        #expect(PythonFloat.round(1.5, places: 0) == 2)
        #expect(PythonFloat.round(-71.4008224, places: 6) == -71.400822)
        #expect(PythonFloat.round(1e-9, places: 6) == 0)
    }

    @Test func agreesWithPythonOnManyValues() throws {
        var generator = SplitMixForTests(state: 99)
        var values: [Double] = [0.1, 2.675, 1e-5, 1e16, 123.4565, 0.0000005, 45182.5554849]
        for _ in 0..<400 {
            let bits = generator.next()
            let magnitude = Double(bits >> 11) / Double(1 << 53)
            let exponent = Int(bits % 30) - 12
            values.append(magnitude * pow(10, Double(exponent)) * (bits & 1 == 0 ? 1 : -1))
        }
        let input = values.map { String(format: "%a", $0) }.joined(separator: "\n")
        let result = try Oracle.python("coverage_float_repr.py", input: Data(input.utf8))
        let lines = result.outputText.split(separator: "\n")
        try #require(lines.count == values.count)
        for (value, line) in zip(values, lines) {
            let ours = PythonFloat.repr(value) + " " + PythonFloat.repr(PythonFloat.round(value, places: 6))
            #expect(ours == String(line), "value \(value)")
        }
    }
}

/// A tiny SplitMix64 to pick test values (not the code under test).
struct SplitMixForTests {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
