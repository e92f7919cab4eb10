import BotCodecs
import Foundation

/// Writes and reads a candle table (open_time TIMESTAMP(MILLIS, UTC) plus five DOUBLE columns) on one
/// thread. `scripts/bench-parquet.sh` runs pyarrow on the same table for comparison.
enum ParquetBenchmark: Benchmark {
    static let name = "parquet"
    static let summary =
        "Parquet write and read of a candle table (--rows N, --codec snappy|gzip|none, --dictionary on|off, "
        + "--row-group N, --repeat N, --checksums on|off, --out PATH)"

    static func run(arguments: [String]) async throws -> [String: any Sendable] {
        let rows = try option("rows", in: arguments, default: 1_000_000)
        let codecName = try option("codec", in: arguments, default: "snappy")
        let dictionary = try option("dictionary", in: arguments, default: "on")
        let rowGroup = try option("row-group", in: arguments, default: 1_048_576)
        let repeats = max(1, try option("repeat", in: arguments, default: 3))
        let checksums = try option("checksums", in: arguments, default: "on")
        let out = try option(
            "out", in: arguments,
            default: FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).parquet")
                .path)
        let codec: ParquetCompression
        switch codecName {
        case "snappy": codec = .snappy
        case "gzip": codec = .gzip
        case "none", "uncompressed": codec = .uncompressed
        default: throw BenchmarkUsageError(description: "--codec must be snappy, gzip or none")
        }
        guard ["on", "off"].contains(dictionary) else {
            throw BenchmarkUsageError(description: "--dictionary must be on or off")
        }
        guard rows > 0, rowGroup > 0 else {
            throw BenchmarkUsageError(description: "--rows and --row-group must be positive")
        }

        let (schema, columns) = candles(rows: rows)
        let options = ParquetWriteOptions(
            compression: codec, useDictionary: dictionary == "on", rowGroupSize: rowGroup,
            writesPageChecksums: checksums != "off")
        let url = URL(fileURLWithPath: out)

        var encodeSeconds = Double.infinity
        var writeSeconds = Double.infinity
        var readSeconds = Double.infinity
        var checksum = 0.0
        for _ in 0..<repeats {
            encodeSeconds = min(
                encodeSeconds,
                try secondsTaken {
                    _ = try ParquetWriter.encode(schema: schema, columns: columns, options: options)
                })
            writeSeconds = min(
                writeSeconds,
                try secondsTaken {
                    try ParquetWriter.write(schema: schema, columns: columns, to: url, options: options)
                })
            readSeconds = min(
                readSeconds,
                try secondsTaken {
                    let reader = try ParquetReader(path: out)
                    var cursor = reader.rowGroups()
                    var sum = 0.0
                    var count = 0
                    while let group = try cursor.next() {
                        if case .double(let close, _)? = group["close"] { sum += close.reduce(0, +) }
                        count += group["open_time"]?.count ?? 0
                    }
                    guard count == rows else { throw BenchmarkUsageError(description: "read \(count) of \(rows) rows") }
                    checksum = sum
                })
        }
        // The Snappy codec alone, on the PLAIN bytes of every column in 1 MiB pages.
        var plain: [UInt8] = []
        for column in columns {
            switch column {
            case .int64(let values, _): values.withUnsafeBytes { plain += $0 }
            case .double(let values, _): values.withUnsafeBytes { plain += $0 }
            default: break
            }
        }
        var snappyCompressSeconds = Double.infinity
        var snappyDecompressSeconds = Double.infinity
        var blocks: [[UInt8]] = []
        for _ in 0..<repeats {
            snappyCompressSeconds = min(
                snappyCompressSeconds,
                secondsTaken {
                    blocks = stride(from: 0, to: plain.count, by: 1 << 20).map { start in
                        plain[start..<min(start + (1 << 20), plain.count)].withUnsafeBytes { Snappy.compress($0) }
                    }
                })
            snappyDecompressSeconds = min(
                snappyDecompressSeconds,
                try secondsTaken {
                    for block in blocks { _ = try Snappy.decompress(block, limit: 1 << 21) }
                })
        }
        let size = (try FileManager.default.attributesOfItem(atPath: out)[.size] as? NSNumber)?.intValue ?? -1
        var result: [String: any Sendable] = [
            "rows": rows, "codec": codecName, "dictionary": dictionary, "row_group_size": rowGroup,
            "page_checksums": checksums != "off",
            "repeats": repeats, "path": out,
            "encode_seconds": encodeSeconds, "write_seconds": writeSeconds, "read_seconds": readSeconds,
            "write_rows_per_second": Double(rows) / writeSeconds, "read_rows_per_second": Double(rows) / readSeconds,
            "file_bytes": size, "close_checksum": checksum,
            "snappy_input_bytes": plain.count, "snappy_output_bytes": blocks.reduce(0) { $0 + $1.count },
            "snappy_compress_seconds": snappyCompressSeconds, "snappy_decompress_seconds": snappyDecompressSeconds,
        ]
        if let peak = peakResidentMegabytes() { result["peak_rss_mb"] = peak }
        return result
    }

    /// A random walk of one-minute candles with prices in cents and volumes in thousandths, so values
    /// look like exchange data (rounded, slowly varying) rather than uniform noise.
    static func candles(rows: Int) -> (ParquetSchema, [ParquetColumnData]) {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func random() -> Double {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Double(state >> 11) / Double(1 << 53)
        }
        var openTime = [Int64](repeating: 0, count: rows)
        var open = [Double](repeating: 0, count: rows)
        var high = open
        var low = open
        var close = open
        var volume = open
        var price = 42_000.0
        for row in 0..<rows {
            openTime[row] = 1_704_067_200_000 + Int64(row) * 60_000
            open[row] = price
            price = max(1, ((price * (1 + (random() - 0.5) * 0.002)) * 100).rounded() / 100)
            close[row] = price
            high[row] = ((max(open[row], price) * (1 + random() * 0.0005)) * 100).rounded() / 100
            low[row] = ((min(open[row], price) * (1 - random() * 0.0005)) * 100).rounded() / 100
            volume[row] = ((random() * 25) * 1000).rounded() / 1000
        }
        let schema = ParquetSchema([
            .timestampMillis("open_time"), .double("open"), .double("high"), .double("low"), .double("close"),
            .double("volume"),
        ])
        return (
            schema, [.int64(openTime), .double(open), .double(high), .double(low), .double(close), .double(volume)]
        )
    }
}
