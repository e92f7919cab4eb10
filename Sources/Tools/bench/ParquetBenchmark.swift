import Foundation

enum ParquetBenchmark: Benchmark {
    static let name = "parquet"
    static let summary = "Parquet write and read of a candle table (--rows N, --codec snappy|gzip|none)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        throw BenchmarkUsageError(description: "the parquet benchmark is not written yet")
    }
}
