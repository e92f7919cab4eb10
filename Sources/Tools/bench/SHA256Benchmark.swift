import Foundation

enum SHA256Benchmark: Benchmark {
    static let name = "sha256"
    static let summary = "SHA-256 throughput (--megabytes N)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        throw BenchmarkUsageError(description: "the sha256 benchmark is not written yet")
    }
}
