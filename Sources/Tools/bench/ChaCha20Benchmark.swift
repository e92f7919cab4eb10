import Foundation

enum ChaCha20Benchmark: Benchmark {
    static let name = "chacha20"
    static let summary = "ChaCha20-Poly1305 seal/open throughput (--megabytes N)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        throw BenchmarkUsageError(description: "the chacha20 benchmark is not written yet")
    }
}
