import Foundation

// `bench <name> [options]`: runs one benchmark and prints its result as one JSON object on stdout.
// Build in release mode: `swift run -c release bench parquet`.
let benchmarks: [any Benchmark.Type] = [
    ParquetBenchmark.self, SHA256Benchmark.self, ChaCha20Benchmark.self, StoreBenchmark.self,
    BackfillBenchmark.self, ReplayBenchmark.self,
]

@MainActor func usage() -> String {
    var text = "usage: bench <name> [options]\n\nbenchmarks:\n"
    for benchmark in benchmarks {
        text += "  \(benchmark.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(benchmark.summary)\n"
    }
    return text
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, !["-h", "--help", "help"].contains(name) else {
    print(usage(), terminator: "")
    exit(arguments.isEmpty ? 64 : 0)
}
guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(Data("error: unknown benchmark '\(name)'\n\(usage())".utf8))
    exit(64)
}
do {
    var result = try await benchmark.run(arguments: Array(arguments.dropFirst()))
    result["benchmark"] = name
    #if DEBUG
        result["build"] = "debug (numbers are meaningless; use swift run -c release bench)"
    #else
        result["build"] = "release"
    #endif
    let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
} catch let error as BenchmarkUsageError {
    FileHandle.standardError.write(Data("error: \(error)\n\(usage())".utf8))
    exit(64)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
