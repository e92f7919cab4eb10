import Foundation

/// Number layouts of `summary.txt`: money with two decimals (fees four) and a space between thousands
/// (`20 043.17`), percentages of fractions (`1.50%`), `n/a` for missing values.
enum SmokeTextFormat {
    static func money(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return String(value) }
        let text = String(format: "%.\(decimals)f", value.magnitude)
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Array(parts[0])
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped += " " }
            grouped.append(digit)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        // A value that rounds to zero prints without a sign ("0.00", not "-0.00").
        let isNegative = value < 0 && text.contains(where: { $0 != "0" && $0 != "." })
        return (isNegative ? "-" : "") + grouped + fraction
    }

    static func fees(_ value: Double) -> String { money(value, decimals: 4) }

    static func percent(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "n/a" }
        return String(format: "%.2f%%", fraction * 100)
    }

    static func fixed(_ value: Double, decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    /// `+0.3917` / `-0.1000`.
    static func signed(_ value: Double) -> String { String(format: "%+.4f", value) }
}
