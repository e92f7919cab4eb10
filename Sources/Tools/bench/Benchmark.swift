import Foundation

/// One benchmark of `swift run -c release bench <name>`. It returns its measurements as a JSON object;
/// `main.swift` adds the name and prints it on one line so scripts can read it.
protocol Benchmark {
    static var name: String { get }
    /// One line for `bench --help`.
    static var summary: String { get }
    static func run(arguments: [String]) async throws -> [String: any Sendable]
}

struct BenchmarkUsageError: Error, CustomStringConvertible {
    let description: String
}

/// Wall-clock seconds taken by `body`, measured with the monotonic clock.
func secondsTaken(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The process's peak resident set size in MiB (Linux `VmHWM`), or nil where /proc is unavailable.
func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) }
        return digits.map { $0 / 1024 }
    }
    return nil
}

/// Reads `--name value` from `arguments`, or `fallback` when absent.
func option(_ name: String, in arguments: [String], default fallback: Int) throws -> Int {
    guard let index = arguments.firstIndex(of: "--\(name)") else { return fallback }
    guard index + 1 < arguments.count, let value = Int(arguments[index + 1]) else {
        throw BenchmarkUsageError(description: "--\(name) needs a whole number")
    }
    return value
}

func option(_ name: String, in arguments: [String], default fallback: String) throws -> String {
    guard let index = arguments.firstIndex(of: "--\(name)") else { return fallback }
    guard index + 1 < arguments.count else {
        throw BenchmarkUsageError(description: "--\(name) needs a value")
    }
    return arguments[index + 1]
}
