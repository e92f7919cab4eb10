import Foundation

/// A money amount with two decimals, as reasons show it.
func money(_ value: Double) -> String { String(format: "%.2f", value) }

/// A fraction as a percentage with two decimals (0.015 → `1.50%`).
func percent(_ fraction: Double) -> String { String(format: "%.2f%%", fraction * 100) }

/// A quantity or price with up to eight significant decimals and no trailing zeros.
func amount(_ value: Double) -> String {
    var text = String(format: "%.8f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
